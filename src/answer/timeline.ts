import type { Sentence } from '../extract/extractArticle.js';
import { compareDates, type PartialDate } from '../knowledge/partialDate.js';
import type { ScoredSentence } from './relevance.js';
import { sameEvent } from './similarity.js';
import type { SourceRegistry } from './sources.js';
import type { TimelineEntry } from './types.js';

interface DatedSentence {
  date: PartialDate;
  sentence: Sentence;
}

/** A timeline entry with the sentences it stands for. */
export interface TimelineEvent {
  entry: TimelineEntry;
  sentences: Sentence[];
}

/**
 * The dated events of the sentences about the query's subject, oldest first, with `also` (the
 * sentences a direct answer rests on) among them. An event that several sources report is one
 * entry citing them all, dated as precisely as the most precise of them, in that source's words.
 */
export function buildTimeline(scored: ScoredSentence[], sources: SourceRegistry, also: Sentence[] = []): TimelineEvent[] {
  const events: DatedSentence[] = [];
  const seen = new Set<Sentence>();
  for (const sentence of [...scored.filter((s) => s.onSubject).map((s) => s.sentence), ...also]) {
    if (!sentence.quotable || seen.has(sentence)) continue;
    seen.add(sentence);
    for (const date of new Set(sentence.dates.map((d) => d.date))) events.push({ date, sentence });
  }
  // Most precise first, then first reported, so each cluster is led by its best-dated report.
  events.sort(
    (a, b) =>
      b.date.length - a.date.length ||
      (a.sentence.article.published ?? '9999').localeCompare(b.sentence.article.published ?? '9999') ||
      a.sentence.text.length - b.sentence.text.length,
  );

  const clusters: DatedSentence[][] = [];
  for (const event of events) {
    const home = clusters.find((cluster) => sameEvent(cluster[0]!.sentence, event.sentence, cluster[0]!.date, event.date));
    if (home) home.push(event);
    else clusters.push([event]);
  }
  return clusters
    .sort((a, b) => compareDates(a[0]!.date, b[0]!.date) || a[0]!.sentence.position - b[0]!.sentence.position)
    .map((cluster) => ({
      entry: { date: cluster[0]!.date, text: cluster[0]!.sentence.text, citations: sources.cite(cluster.map((e) => e.sentence.article)) },
      sentences: cluster.map((e) => e.sentence),
    }));
}
