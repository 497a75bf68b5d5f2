import { AUTHORITY_RULES } from './authority.js';
import { DATE_RULES, UNDATING_RULES } from './date.js';
import { MODE_RULES } from './mode.js';
import { GAP_RULES, SENTENCE_RULES } from './read.js';
import type { Rule } from './rule.js';
import { FOLD_RULES, STEP_RULES } from './steps.js';
import { MENTION_RULES, REGION_RULES, TARGET_RULES } from './target.js';

/** Every table of rules of the claim reader, by the decision it takes, in the order decisions are taken. */
export const RULE_TABLES: { decision: string; rules: Rule<never, unknown>[] }[] = [
  { decision: 'what counts as a step', rules: STEP_RULES },
  { decision: 'one step, not two', rules: FOLD_RULES },
  { decision: 'done, pending or nothing', rules: MODE_RULES },
  { decision: 'where the entity is named', rules: REGION_RULES },
  { decision: 'names that are not the entity', rules: MENTION_RULES },
  { decision: 'what the step is about', rules: TARGET_RULES },
  { decision: 'whose step it is', rules: AUTHORITY_RULES },
  { decision: 'dates that do not date the step', rules: UNDATING_RULES },
  { decision: 'the date of the step', rules: DATE_RULES },
  { decision: 'steps told again with the verb left out', rules: GAP_RULES },
  { decision: 'the claims of a sentence together', rules: SENTENCE_RULES },
] as { decision: string; rules: Rule<never, unknown>[] }[];

/** Outcomes named by the reader itself rather than by a rule: what happens when no rule decides. */
const OUTCOMES: Record<string, string> = {
  'no-mode': 'No rule decided whether the step is done or pending.',
  nowhere: 'No rule said where the step names its entity.',
  'no-entity': 'The step names no organisation or country where it looks.',
  'no-authority': 'No authority takes the step: none is named, reported or publishing.',
  undated: "No date in the step's own clause.",
};

/** What a rule (or an outcome) says, by its name, for traces. */
export function ruleSays(name: string): string {
  for (const table of RULE_TABLES) {
    const rule = table.rules.find((r) => r.name === name);
    if (rule) return rule.says;
  }
  return OUTCOMES[name] ?? name;
}
