import type { ArticleFields } from '../knowledge/addedArticle.js';
import { pageArticle } from '../knowledge/sources/pageArticle.js';
import { fetchSafely } from '../knowledge/sources/safeFetch.js';
import type { SlackContext } from './context.js';

/** A link is fetched within this long, so that the modal is filled while the editor waits. */
const LINK_TIMEOUT_MS = 10_000;

/**
 * The fields of the article a link points to: its page fetched by the same safe fetcher as the
 * sources (private addresses refused unless allowed, a size limit, a timeout) and read as a web
 * page or a PDF. The fields already filled in are kept; the page fills the empty ones.
 */
export async function fieldsFromLink(url: string, typed: ArticleFields, ctx: SlackContext): Promise<ArticleFields> {
  const page = await fetchSafely(url, {}, { ...ctx.fetchOptions, timeoutMs: LINK_TIMEOUT_MS });
  const article = await pageArticle(page);
  const text = article.paragraphs.join('\n');
  return {
    title: typed.title.trim() || article.title,
    outlet: typed.outlet.trim() || (article.outlet ?? ''),
    url: article.url ?? page.url,
    published: typed.published.trim() || (article.published ?? ''),
    // The page's whole text, unless more was typed or pasted already (a message longer than its page's teaser).
    text: typed.text.trim().length >= text.length ? typed.text : text,
  };
}
