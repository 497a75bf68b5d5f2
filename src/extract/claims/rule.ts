/**
 * A rule of the claim reader: one decision with a name, one line saying what it decides, and the
 * labelled sentences that show it. The rules of one decision stand in a table, in the order they
 * are tried; the first that applies decides, and the decision returns its result with the rule's
 * name. Deleting a rule from its table deletes it from the reader (`npm run rules`).
 */
export interface Rule<Case, Result> {
  /** Unique among all rules: what a trace shows. */
  name: string;
  /** One line: what the rule decides, and when. */
  says: string;
  /** Labelled sentences that show the rule; each fails when the rule is deleted. */
  examples: Example[];
  /** The rule's result for the case, or undefined where it does not apply. */
  apply(c: Case): Result | undefined;
}

/**
 * A labelled sentence. `claims` are what a careful reader takes from the sentence (its last
 * paragraph), each as "Authority state Entity date": "Norway listed Amber Wolf Brotherhood
 * 2024-09-10", "Canada pending→removed Foo Front -"; none for a sentence with no claim.
 */
export interface Example {
  text: string;
  claims: string[];
  /** The article's publication date; 2024-09-13 (a Friday) when not given. */
  published?: string | null;
  /** Earlier paragraphs of the article: the context references pick up. */
  before?: string[];
  /** Organisations the knowledge base already knows; others are found by name. */
  organisations?: string[];
  /** The article's outlet. */
  outlet?: string;
}

/** A decision's result and the rule that made it. */
export interface Verdict<Result> {
  value: Result;
  rule: string;
}

/** The first rule of the table that applies, with its result; null when none does. */
export function decide<Case, Result>(rules: readonly Rule<Case, Result>[], c: Case): Verdict<Result> | null {
  for (const rule of rules) {
    const value = rule.apply(c);
    if (value !== undefined) return { value, rule: rule.name };
  }
  return null;
}

/** A step the reader found but made no claim of, and the rule that stopped it: what `ask --explain` shows for a missing line. */
export interface Rejection {
  /** The word the step was read at. */
  word: string;
  rule: string;
}
