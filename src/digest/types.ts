import type { Source, SourceId, StatusLine, TimelineEntry } from '../answer/types.js';
import type { PartialDate } from '../knowledge/partialDate.js';
import type { DesignationState } from '../extract/claims.js';

/** An article the window brought: new to the knowledge base, or a new version of one. */
export interface DigestArticle {
  source: SourceId;
  kind: 'new' | 'updated';
}

/** A status line that reads differently now than it did before the window. */
export interface StatusChange {
  line: StatusLine;
  /** What the line said before the window, or null when there was no line. */
  before: { state: DesignationState; toward?: 'listed' | 'removed'; date: PartialDate | null } | null;
}

/**
 * What the knowledge base learned in a window of time (ISO instants, `since` exclusive), as
 * plain data for the renderers. Every text is verbatim from a source it cites, as in answers.
 */
export interface Digest {
  since: string;
  until: string;
  /** Names of the entities the digest is limited to; empty for every topic. */
  topics: string[];
  statusChanges: StatusChange[];
  /** Dated events no older article reported, newest first. */
  events: TimelineEntry[];
  articles: DigestArticle[];
  /** How many events and articles were left out to keep the digest short. */
  omitted: { events: number; articles: number };
  sources: Source[];
}

export function isEmptyDigest(digest: Digest): boolean {
  return digest.statusChanges.length === 0 && digest.events.length === 0 && digest.articles.length === 0;
}
