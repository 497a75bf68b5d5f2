import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Passage } from '../extract/extractArticle.js';
import { STOPWORDS } from '../extract/tokens.js';

/** What the index is asked: entities by id, and words matched forgivingly. */
export interface IndexQuery {
  entityIds: string[];
  /** Content words, matched by prefix and within a small edit distance. */
  terms: string[];
  /** Entity names as typed, matched the same way, so a misspelt mention in a source is found. */
  names: string[];
  /** Words of related meaning ("lift" for "remove"), weighted lower. */
  related: string[];
}

export interface PassageHit {
  passage: Passage;
  score: number;
}

/** Options of the MiniSearch index. */
const INDEX_OPTIONS: Options<Passage> = {
  fields: ['text', 'entities'],
  storeFields: [],
  processTerm: (term: string) => {
    const lower = term.toLowerCase();
    return STOPWORDS.has(lower) ? null : lower;
  },
  extractField: (passage: Passage, field: string) =>
    field === 'entities' ? passage.entityIds.join(' ') : field === 'id' ? passage.id : passage.text,
};

/**
 * Full-text index of passages (MiniSearch, BM25+), with entity ids as a field of their own
 * so that a query naming an entity by any alias finds every passage that names it.
 */
export class SearchIndex {
  private readonly search: MiniSearch<Passage>;
  private readonly passages = new Map<string, Passage>();

  constructor() {
    this.search = new MiniSearch<Passage>(INDEX_OPTIONS);
  }

  get size(): number {
    return this.passages.size;
  }

  add(passages: Passage[]): void {
    for (const passage of passages) this.passages.set(passage.id, passage);
    this.search.addAll(passages);
  }

  remove(passages: Passage[]): void {
    for (const passage of passages) {
      if (this.passages.delete(passage.id)) this.search.discard(passage.id);
    }
  }

  /** The best-matching passages, best first. */
  find(query: IndexQuery, limit: number): PassageHit[] {
    const queries = [];
    if (query.entityIds.length > 0) {
      queries.push({ queries: query.entityIds, fields: ['entities'], boost: { entities: 3 } });
    }
    const words = [...query.terms, ...query.names];
    if (words.length > 0) {
      queries.push({ queries: words, fields: ['text'], fuzzy: 0.2, prefix: true });
    }
    if (query.related.length > 0) {
      queries.push({ queries: query.related, fields: ['text'], prefix: true, boost: { text: 0.5 } });
    }
    if (queries.length === 0) return [];
    const results: SearchResult[] = this.search.search({ queries, combineWith: 'OR' });
    return results.slice(0, limit).map((r) => ({ passage: this.passages.get(r.id as string)!, score: r.score }));
  }
}
