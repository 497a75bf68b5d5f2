import type { PartialDate } from '../knowledge/partialDate.js';
import type { Entity } from '../knowledge/types.js';

export type DesignationState = 'listed' | 'removed' | 'pending';

/**
 * What a sentence says about a designation: an authority listed an entity, removed it, or a
 * step toward one of those is announced or planned (`pending`, with `toward`).
 */
export interface Claim {
  authorityId: string;
  targetId: string;
  state: DesignationState;
  /** On pending claims: the step that is pending. */
  toward?: 'listed' | 'removed';
  /** The date of the step, from its own clause (the in-force date where there is one). */
  date: PartialDate | null;
  /** On pending claims: the step is decided and takes effect on `date`, after the article (not a plan or a condition). */
  scheduled?: true;
  /** The names of the rules that made the claim, one per decision: the step, its mode, authority, entity and date. */
  why: string[];
}

/** What the sentences before this one in the article leave for references to pick up. */
export interface ReferenceContext {
  /** Organisations named most recently, nearest last. */
  organisations: string[];
  /** The authority named most recently. */
  authority: string | null;
  /** The claims of the latest sentence that made any. */
  steps: Claim[];
  /** Names seen in earlier sentences that look like organisations', by id: what a reference may stand for. */
  candidates: Map<string, Entity>;
  /** The authority that publishes the article (its outlet is a ministry, a council): the speaker of steps that name none. */
  voice: string | null;
  /** When the article was published: a step in force after it is still pending on that day. */
  published: PartialDate | null;
  /** Whether the article has spoken of a list of countries (state sponsors of terrorism): its countries may be the entities of steps. */
  countryList: boolean;
}
