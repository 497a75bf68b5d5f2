import { SourceRegistry } from '../answer/sources.js';
import { sameEvent } from '../answer/similarity.js';
import { buildStatus } from '../answer/statusLines.js';
import { buildTimeline } from '../answer/timeline.js';
import type { SourceId, StatusLine } from '../answer/types.js';
import type { Sentence } from '../extract/extractArticle.js';
import { authorityOf } from '../knowledge/authorities.js';
import type { KnowledgeBase } from '../index/knowledgeBase.js';
import type { Article } from '../knowledge/types.js';
import type { Seen } from '../store/articleLedger.js';
import type { ListReplacement } from '../store/listVersions.js';
import { listChanges } from './listChanges.js';
import type { Digest, DigestArticle, StatusChange } from './types.js';
import { sentenceKey } from './versions.js';

export interface DigestOptions {
  /** ISO instants; an article version first seen after `since` and at or before `until` is new. */
  since: string;
  until: string;
  /** Entity ids to keep to; empty for every topic. */
  topics: string[];
  /** At most this many events, articles and list changes are listed (default 10, 15 and 15). */
  maxEvents: number;
  maxArticles: number;
  maxListChanges: number;
  /** The lists whose newer versions arrived in the window, with the versions they replaced (from the store's list versions). */
  replaced: ListReplacement[];
}

/**
 * What changed in the knowledge base in a window: status lines that now read differently,
 * entries that newer official lists added, removed or changed, dated events that no article
 * known before reported, and the articles that brought them.
 * `seen` says when each article version was first seen (from the article ledger, asked with
 * the same `since`); an article it does not list counts as new. Of an article edited in the
 * window, only the sentences its earlier versions did not have are new.
 *
 * @example
 * const digest = buildDigest(kb, ledger.seen(versions), { since: lastDigest, until: now, topics: ['taliban'] });
 */
export function buildDigest(kb: KnowledgeBase, seen: Map<string, Seen>, options: Partial<DigestOptions> & Pick<DigestOptions, 'since' | 'until'>): Digest {
  const { since, until, topics = [], maxEvents = 10, maxArticles = 15, maxListChanges = 15, replaced = [] } = options;
  const inWindow = (article: Article) => {
    const changed = seen.get(article.path)?.changed ?? until;
    return changed > since && changed <= until;
  };
  const isNew = (sentence: Sentence) => inWindow(sentence.article) && !seen.get(sentence.article.path)?.known.has(sentenceKey(sentence.text));
  const onTopic = topicFilter(kb, topics);
  const fresh = kb.articles.filter(inWindow);
  const newSentences = fresh.flatMap((a) => kb.sentencesOf(a.path)).filter(isNew);
  const freshSentences = newSentences.filter(onTopic);
  const sources = new SourceRegistry();

  const subjects = topics.length > 0 ? topics : [...new Set(freshSentences.flatMap((s) => s.claims.map((c) => c.targetId)))];
  const statusChanges = changedStatus(kb, subjects, isNew, sources);
  const allListChanges = listChanges(kb, replaced, topics, sources);

  const known = knownEvents(kb.articles.flatMap((a) => kb.sentencesOf(a.path)).filter((s) => !isNew(s)));
  const newEvents = freshSentences.filter((s) => s.quotable && s.dates.length > 0 && !known(s));
  const scratch = new SourceRegistry();
  const allEvents = buildTimeline(
    newEvents.map((sentence) => ({ sentence, relevance: 1, onSubject: true })),
    scratch,
  )
    .map((e) => e.entry)
    .reverse();
  const events = allEvents.slice(0, maxEvents).map((e) => ({ ...e, citations: recite(kb, e.citations, scratch, sources) }));

  // An article is listed when it brought something: a new sentence on the topics.
  const bringing = new Set(freshSentences.map((s) => s.article));
  const brought = fresh.filter((a) => bringing.has(a)).sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.title.localeCompare(b.title));
  const articles: DigestArticle[] = brought.slice(0, maxArticles).map((a) => {
    const s = seen.get(a.path);
    return { source: sources.cite([a])[0]!, kind: s === undefined || s.added === s.changed ? 'new' : 'updated' };
  });
  return {
    since,
    until,
    topics: topics.map((id) => kb.entity(id)?.name ?? id),
    statusChanges,
    listChanges: allListChanges.slice(0, maxListChanges),
    events,
    articles,
    omitted: {
      events: allEvents.length - events.length,
      articles: brought.length - articles.length,
      listChanges: Math.max(0, allListChanges.length - maxListChanges),
    },
    sources: sources.list(),
  };
}

/** Whether a sentence concerns the topics: names one, a body of one, or makes a claim about one. */
function topicFilter(kb: KnowledgeBase, topics: string[]): (sentence: Sentence) => boolean {
  if (topics.length === 0) return () => true;
  const wanted = new Set(topics);
  const entity = (id: string) => kb.entity(id);
  return (sentence) =>
    sentence.entities.some((m) => wanted.has(m.entityId) || wanted.has(authorityOf(entity, m.entityId) ?? '')) ||
    sentence.claims.some((c) => wanted.has(c.targetId) || wanted.has(c.authorityId));
}

/** Status lines of the subjects that read differently with the window's articles than without them. */
function changedStatus(kb: KnowledgeBase, subjects: string[], isNew: (s: Sentence) => boolean, sources: SourceRegistry): StatusChange[] {
  const ids = [...new Set(subjects.map((id) => authorityOf((key) => kb.entity(key), id) ?? id))];
  const key = (l: StatusLine) => `${l.entity}\0${l.authority}`;
  const beforeLines = new Map(buildStatus(kb, ids, new SourceRegistry(), (s) => !isNew(s)).map((l) => [key(l), l]));
  const scratch = new SourceRegistry();
  const changes: StatusChange[] = [];
  for (const line of buildStatus(kb, ids, scratch)) {
    const before = beforeLines.get(key(line));
    if (before && before.state === line.state && before.toward === line.toward && before.date === line.date) continue;
    changes.push({
      line: { ...line, citations: recite(kb, line.citations, scratch, sources) },
      before: before ? { state: before.state, ...(before.toward ? { toward: before.toward } : {}), date: before.date } : null,
    });
  }
  return changes;
}

/** A test for whether an older sentence already reported the event a sentence reports. */
function knownEvents(older: Sentence[]): (sentence: Sentence) => boolean {
  const byYear = new Map<string, { sentence: Sentence; date: string }[]>();
  for (const sentence of older) {
    for (const { date } of sentence.dates) {
      const year = date.slice(0, 4);
      const list = byYear.get(year) ?? [];
      list.push({ sentence, date });
      byYear.set(year, list);
    }
  }
  return (sentence) => sentence.dates.some(({ date }) => (byYear.get(date.slice(0, 4)) ?? []).some((old) => sameEvent(old.sentence, sentence, old.date, date)));
}

/** Citations numbered in a scratch registry, numbered again in the digest's own, in the order it shows things. */
function recite(kb: KnowledgeBase, ids: SourceId[], scratch: SourceRegistry, sources: SourceRegistry): SourceId[] {
  const listed = scratch.list();
  return sources.cite(ids.map((id) => kb.article(listed.find((s) => s.id === id)!.path)!));
}
