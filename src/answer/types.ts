import type { PartialDate } from '../knowledge/partialDate.js';
import type { DesignationState } from '../extract/claims.js';

/** A source's number in one answer, from 1, in order of first citation. */
export type SourceId = number;

export interface SummarySentence {
  /** Verbatim from a source it cites (whitespace normalised). */
  text: string;
  citations: SourceId[];
}

export interface TimelineEntry {
  date: PartialDate;
  text: string;
  citations: SourceId[];
}

export interface StatusLine {
  /** The authority that keeps the list: a country or an international body. */
  authority: string;
  /** Whom the line is about: the organisation the authority listed or removed. */
  entity: string;
  state: DesignationState;
  /** On a pending line: the step that is pending. */
  toward?: 'listed' | 'removed';
  date: PartialDate | null;
  text: string;
  citations: SourceId[];
}

export interface Conflict {
  about: string;
  values: { value: string; citations: SourceId[] }[];
}

export interface Source {
  id: SourceId;
  title: string;
  outlet: string | null;
  url: string | null;
  published: PartialDate | null;
  /** The article's file, relative to the knowledge folder. */
  path: string;
}

/**
 * An answer as plain data: what every renderer (terminal, JSON, Block Kit) draws from.
 * Every `text` in summary, timeline and status is a verbatim span of a source it cites.
 */
export interface Answer {
  query: string;
  summary: SummarySentence[];
  timeline: TimelineEntry[];
  status: StatusLine[];
  conflicts: Conflict[];
  sources: Source[];
  /** Names of the entities the answer is about, for follow-up questions. */
  subjects: string[];
  /** Set when nothing matched: says so and what the knowledge base covers. */
  message: string | null;
}
