import MiniSearch, { type Options } from 'minisearch';
import type { Passage } from '../extract/extractArticle.js';
import { STOPWORDS } from '../extract/tokens.js';
import { packIndex, unpackIndex, type PackedIndex } from './packIndex.js';
import { QueryScorer, type QueryGroup } from './queryScorer.js';

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
    field === 'entities' ? passage.entityIds.join(' ') : field === 'id' ? passage.id : passage.sentences.map((s) => s.text).join(' '),
};

/** An entity named in more passages than this is popular (the Taliban in a desk's archive). */
const POPULAR_PASSAGES = 1000;
/** How many of a popular entity's passages a query considers, best first. */
const POPULAR_CANDIDATES = 300;

/** The passages naming one entity, and (computed when first needed) their ranking for it. */
interface EntityPassages {
  passages: Set<Passage>;
  ranked: Passage[] | null;
}

/**
 * How much a passage says about an entity, before any query: designation claims about it
 * count most, then dated sentences. Among equals the newest article comes first.
 */
function rankFor(id: string, passages: Iterable<Passage>): Passage[] {
  const weighed = [...passages].map((passage) => {
    let weight = 0;
    for (const s of passage.sentences) {
      if (s.claims.some((c) => c.targetId === id || c.authorityId === id)) weight += 3;
      if (s.dates.length > 0) weight += 1;
    }
    return { passage, weight, published: passage.article.published ?? '' };
  });
  weighed.sort((a, b) => b.weight - a.weight || (a.published < b.published ? 1 : a.published > b.published ? -1 : a.passage.id < b.passage.id ? -1 : 1));
  return weighed.map((w) => w.passage);
}

/**
 * Full-text index of passages (MiniSearch, BM25+), with entity ids as a field of their own
 * so that a query naming an entity by any alias finds every passage that names it.
 *
 * An entity named in most passages would make every query naming it score most of the index.
 * For such a popular entity the index keeps its passages ranked by what they say about it
 * (claims, dates, recency) and a query takes the best few hundred of them, adding the
 * full-text scores of its other words; rarer entities and words are searched as usual.
 */
export class SearchIndex {
  private search: MiniSearch<Passage>;
  private readonly passages = new Map<string, Passage>();
  private readonly byEntity = new Map<string, EntityPassages>();
  /** Scores queries; made again after documents are added or removed. */
  private scorer: QueryScorer | null = null;

  constructor() {
    this.search = new MiniSearch<Passage>(INDEX_OPTIONS);
  }

  get size(): number {
    return this.passages.size;
  }

  add(passages: Passage[]): void {
    this.track(passages);
    this.search.addAll(passages);
    this.scorer = null;
  }

  /** The MiniSearch index itself, for the benchmark that compares answering with searching it directly. */
  get engine(): MiniSearch<Passage> {
    return this.search;
  }

  /** The MiniSearch index packed for a snapshot. */
  pack(): PackedIndex {
    return packIndex(this.search);
  }

  /** Takes the packed index of a snapshot (see pack) and the passages it was made of, instead of indexing them again. */
  restore(saved: PackedIndex, passages: Passage[]): void {
    this.search = unpackIndex<Passage>(saved, INDEX_OPTIONS);
    this.track(passages);
    this.scorer = null;
  }

  private track(passages: Passage[]): void {
    for (const passage of passages) {
      this.passages.set(passage.id, passage);
      for (const id of passage.entityIds) {
        const entry = this.byEntity.get(id) ?? { passages: new Set<Passage>(), ranked: null };
        entry.passages.add(passage);
        entry.ranked = null;
        this.byEntity.set(id, entry);
      }
    }
  }

  remove(passages: Passage[]): void {
    for (const passage of passages) {
      if (!this.passages.delete(passage.id)) continue;
      // Removed from the postings now (not discarded, to be swept later), so that scores never count a removed passage.
      this.search.remove(passage);
      this.scorer = null;
      for (const id of passage.entityIds) {
        const entry = this.byEntity.get(id);
        if (!entry) continue;
        entry.passages.delete(passage);
        entry.ranked = null;
      }
    }
  }

  /** The rankings worked out so far, by entity id (for a snapshot). */
  rankings(): Map<string, Passage[]> {
    return new Map([...this.byEntity].filter(([, entry]) => entry.ranked !== null).map(([id, entry]) => [id, entry.ranked!]));
  }

  /** Takes a ranking a snapshot saved (see rankings) instead of working it out again. */
  restoreRanking(entityId: string, ranked: Passage[]): void {
    const entry = this.byEntity.get(entityId);
    if (entry && entry.passages.size === ranked.length) entry.ranked = ranked;
  }

  /** Ranks the passages of every popular entity now, so that no question waits for it. */
  rankPopular(): void {
    for (const [id, entry] of this.byEntity) {
      if (entry.passages.size > POPULAR_PASSAGES) entry.ranked ??= rankFor(id, entry.passages);
    }
  }

  /** How many passages name the entity. */
  passageCount(entityId: string): number {
    return this.byEntity.get(entityId)?.passages.size ?? 0;
  }

  /** The best-matching passages, best first. */
  find(query: IndexQuery, limit: number): PassageHit[] {
    const popular = query.entityIds.filter((id) => this.passageCount(id) > POPULAR_PASSAGES);
    if (popular.length === 0) return this.searchAll(query, limit);
    // A popular entity's names match most passages too; they serve to catch misspellings, which need no help here.
    const rest = this.searchAll({ ...query, entityIds: query.entityIds.filter((id) => !popular.includes(id)), names: [] }, POPULAR_CANDIDATES);
    const scores = new Map(rest.map((hit) => [hit.passage, hit.score]));
    const bonus = Math.max(5, rest[0]?.score ?? 0);
    for (const id of popular) {
      const entry = this.byEntity.get(id)!;
      entry.ranked ??= rankFor(id, entry.passages);
      entry.ranked.slice(0, POPULAR_CANDIDATES).forEach((passage, rank) => {
        scores.set(passage, (scores.get(passage) ?? 0) + bonus * (1 - rank / (2 * POPULAR_CANDIDATES)));
      });
      for (const hit of rest) if (entry.passages.has(hit.passage)) scores.set(hit.passage, scores.get(hit.passage)! + bonus / 2);
    }
    return [...scores.entries()]
      .map(([passage, score]) => ({ passage, score }))
      .sort((a, b) => b.score - a.score || (a.passage.id < b.passage.id ? -1 : 1))
      .slice(0, limit);
  }

  /** One OR query over the whole index: entity ids, words forgivingly, related words lower. */
  private searchAll(query: IndexQuery, limit: number): PassageHit[] {
    const groups = queryGroups(query);
    if (groups.length === 0) return [];
    // The best `limit` by MiniSearch's scores, equal scores in passage id order (not the order passages
    // were added: the same answer on every replica), without a result object for every match.
    this.scorer ??= new QueryScorer(this.search as MiniSearch<unknown>);
    return this.scorer.top(groups, limit).map((r) => ({ passage: this.passages.get(r.id)!, score: r.score }));
  }
}

/** A query word shorter than this matches only itself: "foo" is neither a misspelling of "for" nor the start of "food". */
const MIN_FORGIVEN = 4;

/**
 * The parts of the MiniSearch query a search asks: entity ids in their field, words by prefix and
 * within a small edit distance (short words exactly), related words at half weight.
 */
export function queryGroups(query: IndexQuery): QueryGroup[] {
  const groups: QueryGroup[] = [];
  if (query.entityIds.length > 0) groups.push({ queries: query.entityIds, fields: ['entities'], boost: { entities: 3 } });
  const words = [...query.terms, ...query.names];
  const short = words.filter((w) => w.length < MIN_FORGIVEN);
  const forgiven = words.filter((w) => w.length >= MIN_FORGIVEN);
  if (short.length > 0) groups.push({ queries: short, fields: ['text'] });
  if (forgiven.length > 0) groups.push({ queries: forgiven, fields: ['text'], fuzzy: 0.2, prefix: true });
  if (query.related.length > 0) groups.push({ queries: query.related, fields: ['text'], prefix: true, boost: { text: 0.5 } });
  return groups;
}
