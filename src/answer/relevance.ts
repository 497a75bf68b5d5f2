import type { Sentence } from '../extract/extractArticle.js';
import { stem, tokenize } from '../extract/tokens.js';
import type { PassageHit } from '../index/searchIndex.js';
import { termMatcher, type AnalyzedQuery } from './query.js';

/** A sentence weighed against a query. */
export interface ScoredSentence {
  sentence: Sentence;
  /** How well the sentence itself matches the query (0 when it does not). */
  relevance: number;
  /**
   * Whether the sentence is about what the query names: it names a queried entity, makes a
   * designation claim about one ("the group"), or, for a query that names none, matches a word
   * of it or a related one.
   */
  onSubject: boolean;
}

/**
 * Weighs every sentence of the retrieved passages. Query words count by how rare they are
 * among these sentences, so "taliban" counts for little where every sentence names them.
 */
export function scoreSentences(query: AnalyzedQuery, hits: PassageHit[]): ScoredSentence[] {
  const sentences = hits.flatMap((hit) => hit.passage.sentences);
  const words = sentences.map(wordsOf);
  // Which terms each distinct word matches, worked out once per question: the same words recur in
  // every sentence, and a stem or an edit distance per word and sentence costs tens of milliseconds.
  const matched = new Map<string, Set<string>>();
  const matchers = [...new Set([...query.terms, ...query.related, ...query.names])].map((term) => ({ term, matches: termMatcher(term) }));
  const termsOf = (word: string) => {
    let found = matched.get(word);
    if (found === undefined) {
      const wordStem = stem(word);
      matched.set(word, (found = new Set(matchers.filter((m) => m.matches(word, wordStem)).map((m) => m.term))));
    }
    return found;
  };
  const hitsOf = words.map((ws) => {
    const hit = new Set<string>();
    for (const w of ws) for (const term of termsOf(w)) hit.add(term);
    return hit;
  });
  const matchesOf = (terms: string[]) => hitsOf.map((hit) => new Set(terms.filter((term) => hit.has(term))));
  const termHits = matchesOf(query.terms);
  const relatedHits = matchesOf(query.related);
  const nameHits = matchesOf(query.names);
  const weight = rarity([...termHits, ...relatedHits], sentences.length);
  const wanted = new Set(query.entityIds);

  return sentences.map((sentence, i) => {
    const named = Math.max(new Set(sentence.entities.map((m) => m.entityId).filter((id) => wanted.has(id))).size, nameHits[i]!.size);
    const claimed = sentence.claims.some((c) => wanted.has(c.targetId) || wanted.has(c.authorityId));
    let termScore = 0;
    for (const term of termHits[i]!) termScore += weight(term);
    for (const term of relatedHits[i]!) termScore += 0.5 * weight(term);
    const relevance = 2 * Math.min(named, 2) + (claimed ? 1 : 0) + termScore;
    const onSubject = wanted.size > 0 ? named > 0 || claimed : termHits[i]!.size + relatedHits[i]!.size > 0;
    return { sentence, relevance, onSubject };
  });
}

const wordCache = new WeakMap<Sentence, string[]>();

/** A sentence's distinct words, lower-cased (remembered: the same sentences serve many questions). */
function wordsOf(sentence: Sentence): string[] {
  let found = wordCache.get(sentence);
  if (found === undefined) wordCache.set(sentence, (found = [...new Set(tokenize(sentence.text).map((t) => t.text.toLowerCase()))]));
  return found;
}

/** Inverse document frequency of each term over the sentences. */
function rarity(hitSets: Set<string>[], total: number): (term: string) => number {
  const frequency = new Map<string, number>();
  for (const hits of hitSets) for (const term of hits) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  return (term) => Math.log(1 + total / (frequency.get(term) ?? 1));
}
