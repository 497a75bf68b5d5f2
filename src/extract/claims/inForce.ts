import type { PartialDate } from '../../knowledge/partialDate.js';
import { BE, baseOf, IN_FORCE, IN_FORCE_DATE, IN_FORCE_PRESENT, LISTING_VERBS, REMOVAL_VERBS } from '../cues.js';
import type { DateMention } from '../dates.js';
import type { Word } from '../parse.js';
import type { Clause, ParsedSentence } from './parsedSentence.js';
import type { StepMention } from './steps.js';

/** An in-force predicate ("took effect", "comes into force"): where it starts, and whether it is in the present. */
export interface InForce {
  at: number;
  present: boolean;
}

/** The in-force predicate a step noun is the subject of ("the ban took effect"), in its clause or a relative clause on it. */
export function inForceAfter(p: ParsedSentence, step: StepMention, clause: Clause): InForce | null {
  const from = p.words[step.at]!.start;
  const to = clause.to < p.words.length ? p.words[clause.to]!.start : p.text.length;
  IN_FORCE.lastIndex = 0;
  const m = IN_FORCE.exec(p.text.slice(from, to));
  const inRelative = clause.antecedent === null ? relativeInForce(p, step) : null;
  if (!m) return inRelative;
  const at = p.words.findIndex((w) => w.start >= from + m.index);
  if (at < 0 || !p.inClause(clause, at)) return inRelative;
  // The noun must be the subject: no verb of another subject stands between ("amended the listing to cover ..., with the change taking effect").
  // (An aside between commas does not count: "Britain's ban on X, a network that officials say recruits online, came into force".)
  const between = p.words.slice(step.at + 1, at);
  const commas = between.flatMap((w, k) => (w.text === ',' ? [k] : []));
  const aside = (k: number) => commas.length >= 2 && k > commas[0]! && k < commas[commas.length - 1]!;
  // Not a verb of another subject: a name's word ("the Levant Fund"), "asset-freeze", "the order proscribing X", "was notified and".
  const verbOf = (w: Word, k: number) =>
    w.pos === 'VERB' &&
    !BE.has(w.lower) &&
    /^\p{Ll}/u.test(w.text) &&
    between[k - 1]?.text !== '-' &&
    !/ing$/.test(w.lower) &&
    !BE.has(between[k - 1]?.lower ?? '');
  // "the designation of X, also known as Y, is hereby revoked, effective ...": a passive of its own, aside or not.
  const stepVerb = (w: Word) => baseOf(w.lemma) in LISTING_VERBS || baseOf(w.lemma) in REMOVAL_VERBS;
  const passive = (w: Word, k: number) =>
    w.pos === 'VERB' && stepVerb(w) && BE.has((between[k - 1]?.pos === 'ADV' ? between[k - 2] : between[k - 1])?.lower ?? '');
  if (between.some((w, k) => ((verbOf(w, k) && !aside(k)) || passive(w, k)) && p.inClause(clause, step.at + 1 + k))) return inRelative;
  return { at, present: IN_FORCE_PRESENT.test(m[0]) };
}

/** "the ban on X, which came into force on Friday": an in-force relative clause on the noun. */
function relativeInForce(p: ParsedSentence, step: StepMention): InForce | null {
  for (const clause of p.clauses) {
    if (clause.antecedent === null || clause.from <= step.at) continue;
    const between = p.words.slice(step.at + 1, clause.from - 1);
    // The relative clause must hang from the noun's own phrase: "the ban on X, which came into force".
    if (between.length > 8 || between.some((w) => w.pos === 'VERB' || w.pos === 'AUX')) continue;
    IN_FORCE.lastIndex = 0;
    const m = IN_FORCE.exec(p.clauseText(clause));
    if (m) return { at: clause.from, present: IN_FORCE_PRESENT.test(m[0]) };
  }
  return null;
}

/** Whether a date is the day a step takes effect: it follows "takes effect on", "effective", "published on". */
export function isInForceDate(p: ParsedSentence, d: DateMention): boolean {
  return IN_FORCE_DATE.test(p.text.slice(Math.max(0, d.start - 40), d.start));
}

/** The in-force date a clause gives ("with effect from 1 October"), if any. */
export function inForceDateIn(p: ParsedSentence, clause: Clause, dates: DateMention[]): PartialDate | null {
  for (const d of dates) {
    const k = p.words.findIndex((w) => w.end > d.start);
    if (k >= 0 && p.inClause(clause, k) && isInForceDate(p, d)) return d.date;
  }
  return null;
}
