import { type ParsedArticle, UnusableFileError } from '../parseArticle.js';
import { parseHtmlArticle } from './htmlArticle.js';
import { parsePdfArticle } from './pdfArticle.js';

/** Saved web pages and PDFs: articles whose text is extracted from the file. */
const DOCUMENT = /\.(html?|pdf)$/i;

/** Whether a path names a web page or a PDF, read as an article. */
export const isDocumentPath = (path: string) => DOCUMENT.test(path);

/**
 * A document's file may be this many times larger than an article's text limit: a page's markup
 * or a PDF's fonts and images are most of its bytes. Its extracted text keeps the text limit.
 */
export const DOCUMENT_BYTES_FACTOR = 32;

/** The most text a document may give: an article's default limit (see DEFAULT_MAX_ARTICLE_BYTES). */
const MAX_TEXT_CHARS = 512 * 1024;

/** A web page or PDF read as an article (see parseHtmlArticle, parsePdfArticle); one whose text is too long to index at once is refused. */
export async function parseDocument(path: string, bytes: Buffer): Promise<ParsedArticle> {
  const parsed = /\.pdf$/i.test(path) ? await parsePdfArticle(path, bytes) : parseHtmlArticle(path, bytes);
  const chars = parsed.article.paragraphs.reduce((n, p) => n + p.length, 0);
  if (chars > MAX_TEXT_CHARS)
    throw new UnusableFileError(`gives ${Math.round(chars / 1024)} KB of text, above the ${MAX_TEXT_CHARS / 1024} KB an article may hold`);
  return parsed;
}
