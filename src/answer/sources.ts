import type { DesignationList } from '../knowledge/lists/types.js';
import type { Article } from '../knowledge/types.js';
import type { Source, SourceId } from './types.js';

/**
 * A statement cites at most this many sources: the first given (callers give the report they
 * quote first, then the earliest). What a hundred outlets repeat needs no hundred citations.
 * The Sources button lists every source the answer cites.
 */
export const MAX_CITATIONS = 5;

/** What an answer cites: a news article, or an official list. */
export type Citable = Article | DesignationList;

/** Numbers the articles and lists an answer cites, in order of first citation. */
export class SourceRegistry {
  private readonly ids = new Map<Citable, SourceId>();

  cite(articles: Iterable<Citable>): SourceId[] {
    const cited = new Set<SourceId>();
    for (const article of new Set(articles)) {
      if (cited.size === MAX_CITATIONS) break;
      let id = this.ids.get(article);
      if (id === undefined) {
        id = this.ids.size + 1;
        this.ids.set(article, id);
      }
      cited.add(id);
    }
    return [...cited].sort((a, b) => a - b);
  }

  list(): Source[] {
    return [...this.ids.entries()].map(([cited, id]) =>
      'entries' in cited
        ? { id, kind: 'list' as const, title: cited.title, outlet: null, url: cited.url, published: cited.date, path: cited.path }
        : { id, kind: 'news' as const, title: cited.title, outlet: cited.outlet, url: cited.url, published: cited.published, path: cited.path },
    );
  }
}

/** Citations as they stand in text: `[1][3]`. */
export function citationMarkers(ids: SourceId[]): string {
  return ids.map((id) => `[${id}]`).join('');
}
