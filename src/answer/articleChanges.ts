import { passageEntityIds } from '../extract/extractArticle.js';
import type { KnowledgeBase } from '../index/knowledgeBase.js';
import type { Article } from '../knowledge/types.js';
import type { Answer, Source, StatusLine, TimelineEntry } from './types.js';

/** The kinds of entity an answer is about: who is designated, not who designates. */
const SUBJECT_KINDS = new Set(['organisation', 'person']);

/** What one added article changed in the answer about one entity it names. */
export interface EntityChanges {
  entity: string;
  /** Status lines the answer did not have before (a new authority, or a newer step), with `sources` to cite. */
  status: StatusLine[];
  /** Dated events the article brought, as the timeline shows them. */
  timeline: TimelineEntry[];
  sources: Source[];
}

/** The organisations and people an article names that the knowledge base already knows, before it is added. */
export function knownSubjects(kb: KnowledgeBase, article: Article): string[] {
  const ids = article.paragraphs.flatMap((p) =>
    kb.matcher
      .find(p)
      .filter((m) => SUBJECT_KINDS.has(m.kind))
      .map((m) => m.entityId),
  );
  return [...new Set(ids)];
}

/** The organisations and people the indexed article names, those it discovered included. */
export function indexedSubjects(kb: KnowledgeBase, path: string): string[] {
  return passageEntityIds(kb.sentencesOf(path)).filter((id) => SUBJECT_KINDS.has(kb.entity(id)?.kind ?? ''));
}

const statusKey = (s: StatusLine) => `${s.authority}\0${s.entity}\0${s.state}\0${s.toward ?? ''}\0${s.date ?? ''}`;
const eventKey = (t: TimelineEntry) => `${t.date}\0${t.text}`;

/**
 * What the article at `path` changed in an answer: the status lines and timeline entries of
 * `after` that cite it and that `before` (the answer without it; null for an entity it
 * discovered) did not hold.
 */
export function changesIn(before: Answer | null, after: Answer, path: string): Omit<EntityChanges, 'entity'> {
  const id = after.sources.find((s) => s.path === path)?.id;
  if (id === undefined) return { status: [], timeline: [], sources: after.sources };
  const hadStatus = new Set((before?.status ?? []).map(statusKey));
  const hadEvents = new Set((before?.timeline ?? []).map(eventKey));
  return {
    status: after.status.filter((s) => s.citations.includes(id) && !hadStatus.has(statusKey(s))),
    timeline: after.timeline.filter((t) => t.citations.includes(id) && !hadEvents.has(eventKey(t))),
    sources: after.sources,
  };
}
