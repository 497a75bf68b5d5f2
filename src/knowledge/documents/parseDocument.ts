import { type ParsedArticle, UnusableFileError } from '../parseArticle.js';
import { parseHtmlArticle } from './htmlArticle.js';
import { parsePdfArticle } from './pdfArticle.js';

/** The most text a document may give (512 KB, an article's default limit): more is too much to index at once. */
const MAX_TEXT_CHARS = 512 * 1024;

/** A web page or PDF read as an article (see parseHtmlArticle, parsePdfArticle); one whose text is too long to index at once is refused. */
export async function parseDocument(path: string, bytes: Buffer): Promise<ParsedArticle> {
  const parsed = /\.pdf$/i.test(path) ? await parsePdfArticle(path, bytes) : parseHtmlArticle(path, bytes);
  const chars = parsed.article.paragraphs.reduce((n, p) => n + p.length, 0);
  if (chars > MAX_TEXT_CHARS)
    throw new UnusableFileError(`gives ${Math.round(chars / 1024)} KB of text, above the ${MAX_TEXT_CHARS / 1024} KB an article may hold`);
  return parsed;
}
