import { extractDocument } from '../documents/parseDocument.js';
import type { Article } from '../types.js';
import type { Fetched } from './safeFetch.js';

/** A fetched page read as an article: a PDF by its content type or its address, else a web page. */
export async function pageArticle(page: Fetched): Promise<Article> {
  const pdf = /pdf/i.test(String(page.headers['content-type'] ?? '')) || /\.pdf$/i.test(new URL(page.url).pathname);
  return (await extractDocument(pdf ? 'pdf' : 'html', pdf ? 'page.pdf' : 'page.html', page.body)).article;
}
