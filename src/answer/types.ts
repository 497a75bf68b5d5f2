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

/** The forms of question a direct answer is assembled for (see src/answer/question.ts). */
export type QuestionForm = 'when' | 'yes-no' | 'who' | 'changed';

/** A designation step a direct answer states: the authority, the entity, the state and its date. */
export interface DirectFact {
  authority: string;
  entity: string;
  state: DesignationState;
  toward?: 'listed' | 'removed';
  date: PartialDate | null;
}

/** One part of a direct answer: a fact in fixed words, or fixed words that state none ("Yes.", "No source in the knowledge base says ..."). */
export interface DirectPart {
  text: string;
  /** For a fact: the verbatim sentence of the first cited source that the fact rests on; else null. */
  evidence: string | null;
  citations: SourceId[];
  fact: DirectFact | null;
}

/**
 * The answer to a direct question, assembled in fixed words from the steps the sources report:
 * not a quotation, and labelled as assembled wherever it is shown.
 */
export interface DirectAnswer {
  form: QuestionForm;
  /** Whether any source reports what was asked; false when the answer says no source does. */
  found: boolean;
  /** The parts as one or two sentences, with citations as [n]. */
  text: string;
  parts: DirectPart[];
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
  /** For a question about designations (when, yes or no, who, what changed): its direct answer; null for a plain query. */
  direct: DirectAnswer | null;
  summary: SummarySentence[];
  timeline: TimelineEntry[];
  /**
   * The timeline entries that matter most for the query (the designation steps and the events
   * closest to the question), at most five, by index into `timeline`, oldest first: what a short
   * message shows.
   */
  keyEvents: number[];
  status: StatusLine[];
  conflicts: Conflict[];
  sources: Source[];
  /** Names of the entities the answer is about, for follow-up questions. */
  subjects: string[];
  /** Set when nothing matched: says so and what the knowledge base covers. */
  message: string | null;
}
