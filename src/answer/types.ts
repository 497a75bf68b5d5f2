import type { PartialDate } from '../knowledge/partialDate.js';
import type { DesignationState } from '../extract/types.js';

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

/** What a status line from an official list rests on: the entry, and the list's own dates. */
export interface ListedEntry {
  /** The list's name ("UN Security Council Consolidated List"). */
  list: string;
  /** The entry's reference in the list (`QDe.004`, `SDN-6636`). */
  ref: string;
  /** The entry's name as the list writes it, and the name of it that matched the entity. */
  name: string;
  matched: string;
  programs: string[];
  listedOn: PartialDate | null;
  endedOn: PartialDate | null;
  /** Where the list points for this entry (OpenSanctions' sourceUrl), if anywhere. */
  url: string | null;
  /** The list file's date: from its content, or else the file's modification time (`datedBy`). */
  listDate: PartialDate;
  datedBy: 'content' | 'file';
  /** How well the entry's names match the entity's (see LINK_THRESHOLD), and whether an editor confirmed it. */
  score: number;
  confirmed: boolean;
}

export interface StatusLine {
  /** Where the line comes from: an official list's entry, or what news sources say. */
  source: 'list' | 'news';
  /** The authority that keeps the list: a country or an international body. */
  authority: string;
  /** Whom the line is about: the organisation the authority listed or removed. */
  entity: string;
  state: DesignationState;
  /** On a pending line: the step that is pending. */
  toward?: 'listed' | 'removed';
  date: PartialDate | null;
  /** For news: the verbatim sentence. For a list: the entry's name and reference as the list gives them. */
  text: string;
  citations: SourceId[];
  /** On a line from a list: the entry. */
  entry?: ListedEntry;
  /** On a line from the news: the names of the rules that read its step (see `ask --explain`). */
  why?: string[];
}

/** A list entry that may be an entity the answer is about, below the threshold that links them: for an editor to confirm, never a status. */
export interface Candidate {
  entity: string;
  list: string;
  ref: string;
  /** The entry's name that matched best, and how well (0 to 1). */
  name: string;
  score: number;
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
  /** A news article, or an official list file. */
  kind: 'news' | 'list';
  title: string;
  outlet: string | null;
  url: string | null;
  published: PartialDate | null;
  /** The article's or list's file, relative to the knowledge folder. */
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
  /** The official lists' lines first, then the news lines. */
  status: StatusLine[];
  /** List entries that may be the subjects, for an editor to confirm in entities.yml. */
  candidates: Candidate[];
  conflicts: Conflict[];
  sources: Source[];
  /** Names of the entities the answer is about, for follow-up questions. */
  subjects: string[];
  /** Set when nothing matched: says so and what the knowledge base covers. */
  message: string | null;
}
