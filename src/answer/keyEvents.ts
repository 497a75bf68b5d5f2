import type { Sentence } from '../extract/extractArticle.js';
import type { KnowledgeBase } from '../index/knowledgeBase.js';
import { compatible } from '../knowledge/partialDate.js';
import type { ScoredSentence } from './relevance.js';
import { cachedStep } from './statusLines.js';
import type { TimelineEvent } from './timeline.js';

/** How many timeline entries a short message shows. */
const KEY_EVENTS = 5;

/**
 * The timeline entries that matter most, by index, oldest first: first the events a direct
 * answer rests on; then the steps the status lines give and the first step of the story; then
 * the other designation steps of the subjects; then the events closest to the query. Background
 * that merely comes first in time is left for the full timeline.
 */
export function pickKeyEvents(kb: KnowledgeBase, events: TimelineEvent[], scored: ScoredSentence[], subjects: string[], evidence: Sentence[]): number[] {
  const wanted = new Set(subjects);
  const latest = new Set(
    subjects
      .flatMap((id) => kb.claimPairs(id))
      .map((pair) => cachedStep(kb, pair)?.told.sentence)
      .filter((s): s is Sentence => s !== undefined),
  );
  const relevance = new Map(scored.map((s) => [s.sentence, s.relevance]));
  const isStep = (event: TimelineEvent) =>
    event.sentences.some((s) =>
      s.claims.some((c) => (wanted.has(c.targetId) || wanted.has(c.authorityId)) && c.date !== null && compatible(c.date, event.entry.date)),
    );
  const steps = events.map(isStep);
  const firstStep = steps.indexOf(true);
  const weighed = events.map((event, index) => {
    const tier = event.sentences.some((s) => evidence.includes(s))
      ? 3
      : index === firstStep || event.sentences.some((s) => latest.has(s))
        ? 2
        : steps[index]
          ? 1
          : 0;
    return { index, tier, relevance: Math.max(0, ...event.sentences.map((s) => relevance.get(s) ?? 0)) };
  });
  return weighed
    .sort((a, b) => b.tier - a.tier || b.relevance - a.relevance || b.index - a.index)
    .slice(0, KEY_EVENTS)
    .map((w) => w.index)
    .sort((a, b) => a - b);
}
