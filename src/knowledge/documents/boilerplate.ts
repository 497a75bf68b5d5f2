/**
 * What a web page holds besides its article: elements taken out before the main text is found
 * (Readability keeps captions, and a share row or a tag line can pass for a paragraph). First the
 * elements that are never the article, as CSS selectors.
 */
export const BOILERPLATE_SELECTORS = [
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'aside',
  'figure',
  'figcaption',
  'button',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[aria-label="breadcrumb"]',
];

/** Then elements whose class or id has one of these words (split on spaces, hyphens and underscores: `cookie-banner`, `share_row`, `comments`). */
export const BOILERPLATE_WORDS = [
  'cookie',
  'cookies',
  'consent',
  'share',
  'sharing',
  'social',
  'related',
  'breadcrumb',
  'breadcrumbs',
  'newsletter',
  'comment',
  'comments',
  'sidebar',
  'banner',
  'tags',
  'byline',
  'skip',
];

/** `<meta>` names and properties that give a page's published date, most trusted first (after JSON-LD's `datePublished`). */
export const DATE_META = ['article:published_time', 'og:published_time', 'date', 'dcterms.date', 'dc.date.issued', 'citation_publication_date', 'pubdate'];

/** Words that open a line giving a document's date ("Dated: February 10, 2026.", "Published 14 May 2025"). */
export const DATE_LINE_OPENERS = ['dated', 'published', 'issued', 'date', 'posted', 'updated'];
