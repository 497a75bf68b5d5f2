import type { Source, SourceId, StatusLine, TimelineEntry } from '../answer/types.js';
import type { PartialDate } from '../knowledge/partialDate.js';
import type { DesignationState } from '../extract/types.js';

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

/** An entry that a newer version of an official list added, removed or changed. */
export interface ListChange {
  /** The list, as a source of the digest. */
  list: SourceId;
  listTitle: string;
  ref: string;
  /** The entry's name as the list writes it. */
  name: string;
  /** The entity the entry is, as answers link them; null for an entry that is none known. */
  entity: string | null;
  change: 'added' | 'removed' | 'changed';
  /** For a changed entry: what changed, in fixed words ("listing date 2019-05-14 → 2019-05-15"). */
  details: string[];
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
  /** Entries of official lists that a newer version of the list added, removed or changed. */
  listChanges: ListChange[];
  /** Dated events no older article reported, newest first. */
  events: TimelineEntry[];
  articles: DigestArticle[];
  /** How many events, articles and list changes were left out to keep the digest short. */
  omitted: { events: number; articles: number; listChanges: number };
  sources: Source[];
}

export function isEmptyDigest(digest: Digest): boolean {
  return digest.statusChanges.length === 0 && digest.listChanges.length === 0 && digest.events.length === 0 && digest.articles.length === 0;
}
