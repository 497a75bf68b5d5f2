import { SaxesParser } from 'saxes';
import { leadingDate, type PartialDate } from '../partialDate.js';

/** One item of a feed: what it links to, and what identifies it. */
export interface FeedItem {
  /** The item's GUID (RSS), id (Atom, JSON Feed), else its link. */
  id: string;
  url: string;
  title: string | null;
  published: PartialDate | null;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

/** A feed that is neither RSS, Atom nor JSON Feed, or is broken. */
export class FeedFormatError extends Error {}

/** Reads RSS 2.0, Atom or JSON Feed; items without an http(s) link are left out. */
export function parseFeed(body: Buffer): Feed {
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  const feed = text.trimStart().startsWith('{') ? jsonFeed(text) : xmlFeed(text);
  return { title: feed.title, items: feed.items.filter((item) => /^https?:\/\//.test(item.url)) };
}

function jsonFeed(text: string): Feed {
  let data: { title?: unknown; items?: unknown };
  try {
    data = JSON.parse(text) as typeof data;
  } catch {
    throw new FeedFormatError('is not JSON, RSS or Atom');
  }
  if (!Array.isArray(data.items)) throw new FeedFormatError('is JSON, but not a JSON Feed (no "items")');
  return {
    title: typeof data.title === 'string' ? data.title : null,
    items: (data.items as Record<string, unknown>[]).map((item) => {
      const url = typeof item.url === 'string' ? item.url : typeof item.external_url === 'string' ? item.external_url : '';
      return {
        id: typeof item.id === 'string' || typeof item.id === 'number' ? String(item.id) : url,
        url,
        title: typeof item.title === 'string' ? item.title : null,
        published: typeof item.date_published === 'string' ? leadingDate(item.date_published) : null,
      };
    }),
  };
}

/** RSS's `<item>` and Atom's `<entry>`, read with saxes (no external entity is resolved, no DTD read). */
function xmlFeed(text: string): Feed {
  const parser = new SaxesParser({ xmlns: false });
  const items: FeedItem[] = [];
  let title: string | null = null;
  let item: PartialItem | null = null;
  const path: string[] = [];
  let buffer = '';
  let root: string | null = null;
  parser.on('opentag', (tag) => {
    const name = tag.name.toLowerCase().replace(/^.*:/, '');
    root ??= name;
    path.push(name);
    buffer = '';
    if (name === 'item' || name === 'entry') item = {};
    // Atom's link: the alternate (or the only) one.
    if (item && name === 'link' && typeof tag.attributes.href === 'string') {
      const rel = String(tag.attributes.rel ?? 'alternate');
      if (rel === 'alternate') item.link = tag.attributes.href as string;
    }
  });
  parser.on('text', (t) => {
    buffer += t;
  });
  parser.on('cdata', (t) => {
    buffer += t;
  });
  parser.on('closetag', () => {
    const name = path.pop()!;
    const value = buffer.trim();
    buffer = '';
    if (item === null) {
      if (name === 'title' && title === null && path.length <= 2) title = value;
      return;
    }
    if (name === 'item' || name === 'entry') {
      items.push(itemOf(item));
      item = null;
    } else readField(item, name, value);
  });
  try {
    parser.write(text).close();
  } catch (error) {
    throw new FeedFormatError(`is not well-formed XML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (root !== 'rss' && root !== 'feed' && root !== 'rdf') throw new FeedFormatError(`has <${root ?? 'nothing'}> at its root, not an RSS or Atom feed`);
  return { title, items };
}

type PartialItem = { title?: string; guid?: string; link?: string; date?: string };

/** An element of an item: its title, link (RSS's text; Atom's comes as an attribute), GUID or id, and first date. */
function readField(item: PartialItem, name: string, value: string): void {
  if (name === 'title') item.title = value;
  else if (name === 'link' && value) item.link ??= value;
  else if (name === 'guid' || name === 'id') item.guid = value;
  else if (FEED_DATES.includes(name)) item.date ??= value;
}

/** The elements that date an item, in RSS, Atom and Dublin Core. */
const FEED_DATES = ['pubdate', 'published', 'date', 'updated'];

function itemOf(item: PartialItem): FeedItem {
  const url = item.link ?? (item.guid && /^https?:\/\//.test(item.guid) ? item.guid : '');
  return { id: item.guid || url, url, title: item.title ?? null, published: dateOf(item.date ?? null) };
}

/** RSS's RFC 822 dates ("Thu, 05 Mar 2026 14:20:00 -0500") and Atom's ISO ones, as the day they were written on. */
function dateOf(value: string | null): PartialDate | null {
  if (value === null) return null;
  const iso = leadingDate(value);
  if (iso !== null) return iso;
  const rfc = /(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* (\d{4})/i.exec(value);
  if (!rfc) return null;
  const month = 'janfebmaraprmayjunjulaugsepoctnovdec'.indexOf(rfc[2]!.toLowerCase()) / 3 + 1;
  return leadingDate(`${rfc[3]}-${String(month).padStart(2, '0')}-${rfc[1]!.padStart(2, '0')}`);
}
