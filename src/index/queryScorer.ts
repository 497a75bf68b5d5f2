import type MiniSearch from 'minisearch';
import { WorstFirst, type TopResult } from './worstFirst.js';

/**
 * One part of a query, OR'ed with the others: its words searched in some fields, as a nested
 * query of MiniSearch's (`{ queries, fields, boost, fuzzy, prefix }`).
 */
export interface QueryGroup {
  queries: string[];
  fields: string[];
  boost?: Record<string, number>;
  fuzzy?: number;
  prefix?: boolean;
}

/** A term's postings by field id: by document short id, how often the term occurs. */
type TermData = Map<number, Map<number, number>>;

/** The internals of MiniSearch 7 that its `executeQuery` scores with (see node_modules/minisearch). */
interface Internals {
  _index: {
    get(term: string): TermData | undefined;
    atPrefix(prefix: string): Iterable<[string, TermData]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]>;
  };
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _documentCount: number;
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _nextId: number;
  _options: {
    fields: string[];
    tokenize: (text: string) => string[];
    processTerm: (term: string) => string | string[] | null | undefined | false;
  };
}

/** MiniSearch's defaults, which the index does not change: BM25+ parameters, the weights of prefix and fuzzy matches. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 6;
/** Expansions of a term (its prefix and fuzzy matches) remembered per version of the index. */
const EXPANSIONS_KEPT = 10_000;
/** A term's postings in one field are copied into flat arrays once this long, up to this many postings in all. */
const FLAT_FROM = 256;
const FLAT_KEPT = 4_000_000;

/** A term's postings in one field as flat arrays: document short ids and term frequencies, in MiniSearch's order. */
interface FlatPostings {
  docs: Int32Array;
  frequencies: Int32Array;
}

/** A term a query term stands for: itself, or a prefix or fuzzy match, with the weight MiniSearch gives it. */
interface Derived {
  data: TermData;
  weight: number;
}

/**
 * Per-document sums of one level of the query (a term, a query string, a group, the whole
 * query), with the documents touched, so that a level is folded into the next and cleared
 * in time proportional to its matches. Every match scores above zero, so zero means untouched.
 */
class Sums {
  readonly scores: Float64Array;
  readonly touched: Int32Array;
  count = 0;

  constructor(size: number) {
    this.scores = new Float64Array(size);
    this.touched = new Int32Array(size);
  }

  add(doc: number, score: number): void {
    if (this.scores[doc] === 0) this.touched[this.count++] = doc;
    this.scores[doc] = this.scores[doc]! + score;
  }

  /** Adds these sums to `into` (as MiniSearch's OR adds a result's score to the one before) and clears them. */
  foldInto(into: Sums): void {
    for (let i = 0; i < this.count; i++) {
      const doc = this.touched[i]!;
      into.add(doc, this.scores[doc]!);
      this.scores[doc] = 0;
    }
    this.count = 0;
  }
}

/**
 * Scores an OR query over a MiniSearch index exactly as MiniSearch's `search` does (the same
 * BM25+ scores, added in the same order, times the number of query terms matched) but into
 * reusable typed arrays, keeping only the best `limit` in a heap: no result object, match
 * record or sort place for each of the tens of thousands of passages a common word is in.
 * A term's prefix and fuzzy matches are looked up once per version of the index. Make a new
 * scorer whenever documents are added or removed.
 */
export class QueryScorer {
  private readonly engine: Internals;
  private readonly expansions = new Map<string, Derived[]>();
  private flat = new Map<Map<number, number>, FlatPostings>();
  private flatPostings = 0;
  private fieldLengths: Int32Array | null = null;
  private levels: Sums[] | null = null;
  private masks = new Uint32Array(0);
  private ids: string[] | null = null;

  constructor(engine: MiniSearch<unknown>) {
    this.engine = engine as unknown as Internals;
  }

  /** The best `limit` documents, best first, equal scores in id order. */
  top(groups: QueryGroup[], limit: number): TopResult[] {
    const engine = this.engine;
    const [term, string, group, query] = (this.levels ??= Array.from({ length: 4 }, () => new Sums(engine._nextId)));
    const sourceTerms = new Map<string, number>();
    const specs = groups.map((g) =>
      g.queries.map((text) => this.terms(text).map((t) => ({ term: t, index: sourceTerms.get(t) ?? sourceTerms.set(t, sourceTerms.size).get(t)! }))),
    );
    const words = Math.ceil(sourceTerms.size / 32) || 1;
    if (this.masks.length < engine._nextId * words) this.masks = new Uint32Array(engine._nextId * words);
    // A level with one part sums the same as that part (0 + x is x), so the part adds into it directly.
    const groupSums = groups.length === 1 ? query! : group!;
    groups.forEach((g, gi) => {
      const stringSums = specs[gi]!.length === 1 ? groupSums : string!;
      for (const spec of specs[gi]!) {
        const termSums = spec.length === 1 ? stringSums : term!;
        for (const { term: t, index } of spec) {
          for (const derived of this.derive(t, g)) this.addPostings(derived, g, index, words, termSums);
          if (termSums !== stringSums) termSums.foldInto(stringSums);
        }
        if (stringSums !== groupSums) stringSums.foldInto(groupSums);
      }
      if (groupSums !== query) groupSums.foldInto(query!);
    });
    const ids = (this.ids ??= idsByShortId(engine));
    const heap = new WorstFirst(limit, (shortId) => ids[shortId]!);
    for (let i = 0; i < query!.count; i++) {
      const doc = query!.touched[i]!;
      let matched = 0;
      for (let w = 0; w < words; w++) {
        matched += bitCount(this.masks[doc * words + w]!);
        this.masks[doc * words + w] = 0;
      }
      heap.offer(doc, query!.scores[doc]! * matched);
      query!.scores[doc] = 0;
    }
    query!.count = 0;
    return heap.drain();
  }

  /** A query string's terms, as MiniSearch tokenises and processes them. */
  private terms(text: string): string[] {
    const { tokenize, processTerm } = this.engine._options;
    return tokenize(text)
      .flatMap((t) => processTerm(t))
      .filter((t): t is string => !!t);
  }

  /** The term itself, then its prefix matches, then its other fuzzy matches, each with its weight. */
  private derive(term: string, group: QueryGroup): Derived[] {
    const key = `${term}\u0000${group.prefix === true}\u0000${group.fuzzy ?? 0}`;
    const known = this.expansions.get(key);
    if (known) return known;
    const index = this.engine._index;
    const derived: Derived[] = [];
    const exact = index.get(term);
    if (exact) derived.push({ data: exact, weight: 1 });
    const maxDistance = group.fuzzy ? (group.fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(term.length * group.fuzzy)) : group.fuzzy) : 0;
    const fuzzy = maxDistance ? index.fuzzyGet(term, maxDistance) : null;
    if (group.prefix) {
      for (const [t, data] of index.atPrefix(term)) {
        const distance = t.length - term.length;
        if (!distance) continue;
        fuzzy?.delete(t);
        derived.push({ data, weight: (PREFIX_WEIGHT * t.length) / (t.length + 0.3 * distance) });
      }
    }
    for (const [t, [data, distance]] of fuzzy ?? []) {
      if (distance) derived.push({ data, weight: (FUZZY_WEIGHT * t.length) / (t.length + distance) });
    }
    if (this.expansions.size >= EXPANSIONS_KEPT) this.expansions.clear();
    this.expansions.set(key, derived);
    return derived;
  }

  /** One derived term's BM25+ scores in the group's fields, as MiniSearch's `termResults` computes them. */
  private addPostings(derived: Derived, group: QueryGroup, termIndex: number, words: number, into: Sums): void {
    const engine = this.engine;
    const lengths = this.lengths();
    const fieldCount = engine._options.fields.length;
    const maskWord = termIndex >> 5;
    const maskBit = 1 << (termIndex & 31);
    const masks = this.masks;
    for (const field of group.fields) {
      const fieldId = engine._fieldIds[field]!;
      const postings = derived.data.get(fieldId);
      if (postings == null) continue;
      const weight = derived.weight * (group.boost?.[field] || 1);
      const average = engine._avgFieldLength[fieldId]!;
      const idf = Math.log(1 + (engine._documentCount - postings.size + 0.5) / (postings.size + 0.5));
      const add = (doc: number, frequency: number) => {
        const fieldLength = lengths[doc * fieldCount + fieldId]!;
        into.add(doc, weight * (idf * (BM25.d + (frequency * (BM25.k + 1)) / (frequency + BM25.k * (1 - BM25.b + (BM25.b * fieldLength) / average)))));
        masks[doc * words + maskWord]! |= maskBit;
      };
      const flat = this.flatten(postings);
      if (flat === null) {
        for (const [doc, frequency] of postings) add(doc, frequency);
        continue;
      }
      const { docs, frequencies } = flat;
      for (let i = 0; i < docs.length; i++) add(docs[i]!, frequencies[i]!);
    }
  }

  /** The postings as flat arrays, made on first use: iterating a Map of tens of thousands costs several times more. */
  private flatten(postings: Map<number, number>): FlatPostings | null {
    if (postings.size < FLAT_FROM) return null;
    const known = this.flat.get(postings);
    if (known) return known;
    if (this.flatPostings + postings.size > FLAT_KEPT) {
      this.flat = new Map();
      this.flatPostings = 0;
    }
    const docs = new Int32Array(postings.size);
    const frequencies = new Int32Array(postings.size);
    let i = 0;
    for (const [doc, frequency] of postings) {
      docs[i] = doc;
      frequencies[i++] = frequency;
    }
    const flat = { docs, frequencies };
    this.flat.set(postings, flat);
    this.flatPostings += postings.size;
    return flat;
  }

  /** Every document's field lengths, by short id and field id, in one array. */
  private lengths(): Int32Array {
    if (this.fieldLengths) return this.fieldLengths;
    const fields = this.engine._options.fields.length;
    const lengths = new Int32Array(this.engine._nextId * fields);
    for (const [doc, perField] of this.engine._fieldLength) {
      perField.forEach((length, f) => {
        lengths[doc * fields + f] = length;
      });
    }
    return (this.fieldLengths = lengths);
  }
}

/** Document ids by short id, for breaking ties without a Map lookup. */
function idsByShortId(engine: Internals): string[] {
  const ids = new Array<string>(engine._nextId);
  for (const [shortId, id] of engine._documentIds) ids[shortId] = id;
  return ids;
}

function bitCount(n: number): number {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
