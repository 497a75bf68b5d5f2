import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { contentHash, type ParsedArticle, UnusableFileError } from '../parseArticle.js';
import { leadingDate, type PartialDate } from '../partialDate.js';
import { BOILERPLATE_SELECTORS, BOILERPLATE_WORDS, DATE_META } from './boilerplate.js';
import { textBlocks } from './paragraphs.js';

/** The elements of the main text that hold its paragraphs. */
const BLOCKS = 'p, li, h2, h3, h4, blockquote, pre, td';

type Document = ReturnType<typeof parseHTML>['document'];

/**
 * A saved web page as an article: its main text found by Mozilla's Readability (over linkedom: no
 * script runs), with navigation, banners, share rows, related links, captions and comments taken
 * out first. Title, outlet, url and published date come from the page's metadata (Open Graph,
 * `article:published_time`, JSON-LD, the canonical link), else from the page's title and dateline.
 */
export function parseHtmlArticle(path: string, bytes: Buffer): ParsedArticle {
  const { document } = parseHTML(decoded(bytes));
  const meta = metadataOf(document);
  removeBoilerplate(document);
  const read = new Readability(document as unknown as globalThis.Document, { keepClasses: false }).parse();
  const { document: main } = parseHTML(`<!doctype html><html><body>${read?.content ?? ''}</body></html>`);
  const blocks = [...main.querySelectorAll(BLOCKS)]
    .filter((b) => b.querySelector(BLOCKS) === null)
    .map((b) => ({ text: b.textContent ?? '', item: b.tagName === 'LI' || b.tagName === 'TD' }));
  const { paragraphs, dateline } = textBlocks(blocks);
  if (paragraphs.length === 0) throw new UnusableFileError('holds no text that reads as an article (a web page without paragraphs)');
  return {
    article: {
      path,
      title: meta.title || read?.title?.trim() || paragraphs[0]!,
      outlet: meta.outlet ?? read?.siteName?.trim() ?? null,
      url: meta.url,
      published: meta.published ?? dateline,
      paragraphs,
      hash: contentHash(bytes),
    },
    warnings: [],
  };
}

/** A page's text in the charset its `<meta>` declares (a saved page keeps its own), else UTF-8. */
function decoded(bytes: Buffer): string {
  const declared = /<meta[^>]+charset=["']?([\w-]+)/i.exec(bytes.subarray(0, 2048).toString('latin1'))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

const BOILERPLATE = new Set(BOILERPLATE_WORDS);

/**
 * Takes out what is not the article (see boilerplate.ts). An element that holds half the page's
 * text or more is kept whatever it is called: a `<form>` or a `no-sidebar` body can wrap a whole page.
 */
function removeBoilerplate(document: Document): void {
  const pageText = document.body?.textContent?.length ?? 0;
  const large = (element: { textContent: string | null }) => (element.textContent?.length ?? 0) * 2 >= pageText;
  const named = [...document.querySelectorAll('[class], [id]')].filter((element) =>
    `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
      .toLowerCase()
      .split(/[\s_-]+/)
      .some((word) => BOILERPLATE.has(word)),
  );
  for (const element of [...document.querySelectorAll(BOILERPLATE_SELECTORS.join(', ')), ...named]) {
    if (!['HTML', 'BODY', 'MAIN', 'ARTICLE'].includes(element.tagName) && !large(element)) element.remove();
  }
}

interface PageMetadata {
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: PartialDate | null;
}

/** What the page says of itself in its head: JSON-LD first, then Open Graph and other meta tags, then the canonical link. */
function metadataOf(document: Document): PageMetadata {
  const ld = jsonLd(document);
  const meta = (name: string) => document.querySelector(`meta[property="${name}" i], meta[name="${name}" i]`)?.getAttribute('content')?.trim() || null;
  const dated = [ld.datePublished, ...DATE_META.map(meta), document.querySelector('time[datetime]')?.getAttribute('datetime')];
  const published = dated.map((d) => (typeof d === 'string' ? leadingDate(d) : null)).find((d) => d !== null) ?? null;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('og:url');
  return {
    title: meta('og:title') ?? stringOf(ld.headline),
    outlet: meta('og:site_name') ?? stringOf((ld.publisher as { name?: unknown } | undefined)?.name),
    url: canonical && /^https?:\/\//.test(canonical) ? canonical : null,
    published,
  };
}

/** The page's JSON-LD article, if it has one: the first object with a headline or a publication date, in a list or an `@graph` too. */
function jsonLd(document: Document): Record<string, unknown> {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const found = flatten(data).find((o) => 'headline' in o || 'datePublished' in o);
    if (found) return found;
  }
  return {};
}

function flatten(data: unknown): Record<string, unknown>[] {
  if (Array.isArray(data)) return data.flatMap(flatten);
  if (typeof data !== 'object' || data === null) return [];
  const object = data as Record<string, unknown>;
  return [object, ...flatten(object['@graph'])];
}

const stringOf = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
