import { type ParsedArticle, UnusableFileError } from '../parseArticle.js';

/** The most text a document may give (512 KB, an article's default limit): more is too much to index at once. */
const MAX_TEXT_CHARS = 512 * 1024;

/**
 * A web page or PDF read (see parseHtmlArticle, parsePdfArticle), its reader loaded on first use:
 * Readability, linkedom and pdf.js take most of a second to load, and most knowledge folders hold
 * no page and no PDF.
 */
export async function extractDocument(kind: 'html' | 'pdf', path: string, bytes: Buffer): Promise<ParsedArticle> {
  if (kind === 'pdf') return (await import('./pdfArticle.js')).parsePdfArticle(path, bytes);
  return (await import('./htmlArticle.js')).parseHtmlArticle(path, bytes);
}

/** A web page or PDF of the knowledge folder read as an article; one whose text is too long to index at once is refused. */
export async function parseDocument(path: string, bytes: Buffer): Promise<ParsedArticle> {
  const parsed = await extractDocument(/\.pdf$/i.test(path) ? 'pdf' : 'html', path, bytes);
  const chars = parsed.article.paragraphs.reduce((n, p) => n + p.length, 0);
  if (chars > MAX_TEXT_CHARS)
    throw new UnusableFileError(`gives ${Math.round(chars / 1024)} KB of text, above the ${MAX_TEXT_CHARS / 1024} KB an article may hold`);
  return parsed;
}
