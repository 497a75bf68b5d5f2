import type { Article } from '../knowledge/types.js';
import type { Source, SourceId } from './types.js';

/** Numbers the articles an answer cites, in order of first citation. */
export class SourceRegistry {
  private readonly ids = new Map<Article, SourceId>();

  cite(articles: Iterable<Article>): SourceId[] {
    const cited = new Set<SourceId>();
    for (const article of articles) {
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
