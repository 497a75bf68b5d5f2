import type { Sentence } from '../extract/extractArticle.js';
import { jaccard } from '../extract/tokens.js';
import type { ScoredSentence } from './relevance.js';
import { sameClaim, sameStatement } from './similarity.js';
import type { SourceRegistry } from './sources.js';
import type { SummarySentence } from './types.js';

/**
 * Whether a sentence restates another from a different source: near-identical words, or the
 * same designation step on the same date ("designated ... in 2003", "banned ... since 2003").
 */
function restates(a: Sentence, b: Sentence): boolean {
  return sameStatement(a, b) || (a.article !== b.article && a.eventDate !== null && a.eventDate === b.eventDate && sameClaim(a, b));
}

export interface SummaryOptions {
  /** At most this many sentences (default 5). */
  maxSentences: number;
  /** Trade-off between relevance and novelty in MMR selection: 1 ignores redundancy (default 0.7). */
  lambda: number;
  /** Sentences that come first, in this order (the ones a direct answer rests on); at most MAX_LEAD of them. */
  lead: Sentence[];
}

const DEFAULTS: SummaryOptions = { maxSentences: 5, lambda: 0.7, lead: [] };
/** The summary leads with at most this many sentences a direct answer rests on, so that it still says more than the answer. */
const MAX_LEAD = 3;

/**
 * Picks the sentences that best answer the query, by maximal marginal relevance (a sentence
 * must add something the chosen ones do not say), and orders them newest development first,
 * after the `lead` sentences. A sentence that other sources repeat in near-identical words is
 * given once, citing them all.
 */
export function buildSummary(
  scored: ScoredSentence[],
  subjectIds: Set<string>,
  sources: SourceRegistry,
  options: Partial<SummaryOptions> = {},
): SummarySentence[] {
  const { maxSentences, lambda, lead } = { ...DEFAULTS, ...options };
  const quotable = scored.filter((s) => s.relevance > 0 && s.sentence.quotable);
  if (quotable.length === 0 && lead.length === 0) return [];
  const top = Math.max(0, ...quotable.map((c) => c.relevance));
  // Sentences that match the query far less well than the best are filler, however recent.
  const candidates = quotable.filter((c) => c.relevance >= 0.3 * top);
  const value = valuesOf(candidates, subjectIds, top);

  const pool = [...candidates].sort((a, b) => value.get(b)! - value.get(a)!);
  const leading = takeLead(lead, candidates, pool, top, Math.min(MAX_LEAD, maxSentences));
  const chosen = chooseByRelevanceAndNovelty(pool, leading, maxSentences, lambda, value);

  const newestFirst = (s: Sentence) => s.eventDate ?? s.article.published ?? '';
  const rest = chosen
    .slice(leading.length)
    .sort(
      (a, b) =>
        newestFirst(b.sentence).localeCompare(newestFirst(a.sentence)) ||
        (b.sentence.article.published ?? '').localeCompare(a.sentence.article.published ?? '') ||
        a.sentence.position - b.sentence.position,
    );
  return [...leading, ...rest].map(({ sentence }) => {
    const restatements = candidates.filter((c) => c.sentence === sentence || restates(sentence, c.sentence));
    return { text: sentence.text, citations: sources.cite([sentence.article, ...restatements.map((c) => c.sentence.article)]) };
  });
}

/**
 * What each candidate is worth to the summary: its relevance against the best, more for a claim
 * about a subject, a date, an article's opening, and a more recent article.
 */
function valuesOf(candidates: ScoredSentence[], subjectIds: Set<string>, top: number): Map<ScoredSentence, number> {
  const published = [...new Set(candidates.map((c) => c.sentence.article.published ?? ''))].sort();
  const recency = (s: Sentence) => (published.length > 1 ? published.indexOf(s.article.published ?? '') / (published.length - 1) : 1);
  const value = new Map<ScoredSentence, number>();
  for (const c of candidates) {
    const s = c.sentence;
    const aboutDesignation = s.claims.some((claim) => subjectIds.has(claim.targetId)) ? 0.5 : 0;
    const opening = s.position <= 1 ? 0.1 : 0;
    value.set(c, (3 * c.relevance) / top + aboutDesignation + (s.eventDate ? 0.2 : 0) + opening + 0.2 * recency(s));
  }
  return value;
}

/**
 * The lead sentences the summary opens with, at most `max` of them, quotable and none restating
 * another; each is taken out of `pool` with its restatements.
 */
function takeLead(lead: Sentence[], candidates: ScoredSentence[], pool: ScoredSentence[], top: number, max: number): ScoredSentence[] {
  const leading: ScoredSentence[] = [];
  for (const sentence of lead) {
    if (leading.length === max) break;
    if (!sentence.quotable || leading.some((k) => restates(k.sentence, sentence))) continue;
    leading.push(candidates.find((c) => c.sentence === sentence) ?? { sentence, relevance: top, onSubject: true });
    for (let i = pool.length - 1; i >= 0; i--) if (pool[i]!.sentence === sentence || restates(sentence, pool[i]!.sentence)) pool.splice(i, 1);
  }
  return leading;
}

/**
 * The chosen sentences after `leading`, picked from `pool` by maximal marginal relevance until there
 * are `maxSentences` in all; each pick's restatements leave the pool with it.
 */
function chooseByRelevanceAndNovelty(
  pool: ScoredSentence[],
  leading: ScoredSentence[],
  maxSentences: number,
  lambda: number,
  value: Map<ScoredSentence, number>,
): ScoredSentence[] {
  const chosen: ScoredSentence[] = [...leading];
  while (chosen.length < maxSentences && pool.length > 0) {
    let best = 0;
    let bestScore = -Infinity;
    pool.forEach((c, i) => {
      const redundancy = Math.max(0, ...chosen.map((k) => jaccard(k.sentence.stems, c.sentence.stems)));
      const score = lambda * value.get(c)! - (1 - lambda) * redundancy * 2;
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    const [pick] = pool.splice(best, 1);
    chosen.push(pick!);
    // Restatements of the pick are cited with it, not chosen again.
    for (let i = pool.length - 1; i >= 0; i--) if (restates(pick!.sentence, pool[i]!.sentence)) pool.splice(i, 1);
  }
  return chosen;
}
