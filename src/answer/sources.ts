import type { Article } from '../knowledge/types.js';
import type { Source, SourceId } from './types.js';

/**
 * A statement cites at most this many sources: the first given (callers give the report they
 * quote first, then the earliest). What a hundred outlets repeat needs no hundred citations.
 * The Sources button lists every source the answer cites.
 */
export const MAX_CITATIONS = 5;

/** Numbers the articles an answer cites, in order of first citation. */
export class SourceRegistry {
  private readonly ids = new Map<Article, SourceId>();

  cite(articles: Iterable<Article>): SourceId[] {
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
    return [...this.ids.entries()].map(([article, id]) => ({
      id,
      title: article.title,
      outlet: article.outlet,
      url: article.url,
      published: article.published,
      path: article.path,
    }));
  }
}

/** Citations as they stand in text: `[1][3]`. */
export function citationMarkers(ids: SourceId[]): string {
  return ids.map((id) => `[${id}]`).join('');
}
