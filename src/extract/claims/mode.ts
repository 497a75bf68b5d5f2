import {
  ADDRESSEE_PREPOSITIONS,
  AUTHORITY_REFERENCES,
  BE,
  CONDITION,
  COMPLEMENTIZERS,
  CONFIRMATIONS,
  CONTINUING,
  DENIALS,
  COUNTERFACTUAL_OPENERS,
  DECIDING,
  DOUBTS,
  FUTURE_BEFORE_TO,
  GOVERNING_STOPS,
  HEDGED,
  HYPOTHETICAL,
  IMMEDIATE,
  MAKING_VERBS,
  NEGATION,
  ORDERING,
  PLAN_NOUNS,
  PLANNED,
  PRESENT_BE,
  PRESSURE,
  QUESTION_OPENERS,
  REFUSAL,
  REPORT_NOUNS,
  REPORTING,
  REQUESTS,
  SCHEDULED,
  STOPPED,
  STEP_REFERENCES,
  SUBJECT_JOINERS,
} from '../cues.js';
import { compatible, type PartialDate } from '../../knowledge/partialDate.js';
import type { DateMention } from '../dates.js';
import type { Word } from '../parse.js';
import { listKeeper, proposalKeeper } from './authority.js';
import { type InForce, inForceAfter, inForceDateIn } from './inForce.js';
import type { Clause, Mentioned, ParsedSentence } from './parsedSentence.js';
import { decide, type Rule, type Verdict } from './rule.js';
import { ownDate, type StepMention } from './steps.js';

/**
 * Done, pending, or no step at all (negated, refused, only urged or possible). `scheduled` is
 * pending with a fixed day: decided, and in force on a day after the article.
 */
export type Mode = 'done' | 'pending' | 'scheduled' | 'none';

/** A step with the words that govern it, for the rules of its mode. */
export interface ModeCase {
  p: ParsedSentence;
  clause: Clause;
  step: StepMention;
  dates: DateMention[];
  /** The in-force predicate of a step noun ("the ban took effect"), if it has one. */
  inForce: InForce | null;
  /** The words that govern the step (see governingWords), nearest first. */
  governing: Word[];
  /** Whether the authority before the step is addressed by a verb ("urged Ottawa to list"). */
  addressed: boolean;
  /** The step's date, by the rule that dates it. */
  date: () => Verdict<PartialDate | null>;
  /** When the article was published. */
  published: PartialDate | null;
}

/** A word of a set by its lemma or form; a capitalised word inside a name ("the Appeal Commission") is none, a heading's verb ("Calls on") is. */
const lemmaIn = (set: Set<string>) => (g: Word) => (g.text === g.lower || g.pos === 'VERB') && (set.has(g.lemma) || set.has(g.lower));
const planned = lemmaIn(PLANNED);
const refused = lemmaIn(REFUSAL);
const pressed = lemmaIn(PRESSURE);
const requested = (g: Word) => REQUESTS.has(g.lemma);
const ordered = (g: Word) => ORDERING.has(g.lemma) && g.pos === 'VERB';
const negated = (g: Word) => NEGATION.has(g.lower);
/** A modal of mere possibility ("may list", "could ban") or a condition ("if", "whether"); not the month "May". */
const hypothetical = (w: Word) => HYPOTHETICAL.has(w.lower) && (w.pos === 'AUX' || w.pos === 'SCONJ' || w.pos === 'VERB' || w.text === w.lower);
const isStepReference = (c: ModeCase) => STEP_REFERENCES.has(c.p.words[c.step.at]!.lower);
const nounWithout = (c: ModeCase) => c.step.noun && c.inForce === null;
const verbStep = (c: ModeCase) => !c.step.noun;
/** Whether the step's in-force date falls after the article's day: it is still to come when the article tells it. */
const inForceLater = (c: ModeCase) => {
  if (c.dates.length === 0) return false;
  const { value, rule } = c.date();
  const inForceDate = c.inForce !== null || rule === 'in-force-date';
  return inForceDate && value !== null && c.published !== null && !compatible(value, c.published) && value > c.published;
};
/** A step noun that a verb of asking governs: "asked the court for the lifting of the ban". */
const nounVerbRequests = (c: ModeCase) => {
  const verb = c.governing.find((g) => g.pos === 'VERB');
  return nounWithout(c) && verb !== undefined && requested(verb);
};

/**
 * The words that govern a step: auxiliaries, negation and the verbs or nouns it hangs from
 * ("declined to", "plans to"). The scan goes past an authority that is the object of a verb
 * ("urged Ottawa to list", "demanded that Ottawa delist") and stops at its subject.
 */
export function governingWords(p: ParsedSentence, step: { at: number; noun: boolean }, clause: Clause): { words: Word[]; addressed: boolean } {
  let addressed = false;
  const out: Word[] = [];
  for (let k = step.at - 1; k >= clause.from && out.length < 14; k--) {
    if (!p.inClause(clause, k)) continue;
    const mention = p.mentionAt(k);
    if (mention !== null) {
      if (mention.authority === null) continue;
      k = mention.first;
      if (!isAddressee(p, mention)) break;
      addressed = true;
      continue;
    }
    const reading = governingWord(p, k, step.noun);
    if (reading === 'stop') break;
    if (reading === 'skip') continue;
    out.push(p.words[k]!);
    if (endsGroup(p, k, out.length)) break;
  }
  return { words: out, addressed };
}

/** How the scan for a step's governing words reads word `k`: a word of the group, one to pass over, or where the group stops. */
function governingWord(p: ParsedSentence, k: number, noun: boolean): 'take' | 'skip' | 'stop' {
  const w = p.words[k]!;
  if (w.text === ':') return 'stop'; // "confirmed what it had denied: the government proscribed X"
  if (w.text === ',' || w.text === '(' || w.text === '—') return noun ? 'stop' : 'skip';
  if (w.lower === 'that' && w.pos !== 'DET') {
    // "urged that", "asked that", "ordered that": the step is what is urged, asked or ordered.
    const asker = p.word(k - 1);
    return asker && (refused(asker) || pressed(asker) || REQUESTS.has(asker.lemma) || PLANNED.has(asker.lemma) || ORDERING.has(asker.lemma)) ? 'skip' : 'stop';
  }
  if (GOVERNING_STOPS.has(w.lower) && w.pos !== 'DET' && w.pos !== 'PRON') return 'stop';
  if (w.lower === 'and' || w.lower === 'or') return 'skip';
  // "set the ban aside": "set" governs as a plan only before "to" ("is set to list").
  if (FUTURE_BEFORE_TO.has(w.lower) && p.lower(k + 1) !== 'to') return 'skip';
  return w.pos === 'VERB' && REPORTING.has(w.lemma) && !noun ? 'stop' : 'take';
}

/** Whether the verb at `k` ends the governing group: a verb of its own, not itself governed ("to announce", "is expected to"). */
function endsGroup(p: ParsedSentence, k: number, taken: number): boolean {
  const w = p.words[k]!;
  if (w.pos !== 'VERB' || ['to', 'of'].includes(p.lower(k + 1)) || BE.has(w.lower) || taken <= 1) return false;
  const governs = PLANNED.has(w.lemma) || refused(w) || pressed(w) || REQUESTS.has(w.lemma) || DECIDING.has(w.lemma) || ORDERING.has(w.lemma);
  const left = p.word(k - 1);
  const governed = left !== undefined && (left.lower === 'to' || left.pos === 'AUX' || left.pos === 'PART' || left.pos === 'ADV');
  return !governs && !governed;
}

/** Whether an authority is the object of the verb before it ("urged Ottawa", "called on Britain", "a request from Bangladesh"). */
function isAddressee(p: ParsedSentence, m: Mentioned): boolean {
  let k = m.first - 1;
  while (k >= 0 && (p.words[k]!.pos === 'DET' || p.words[k]!.pos === 'ADJ')) k--;
  // "pressed Canada and Britain to follow": the first of the authorities joined to it.
  const joined = ['and', ','].includes(p.lower(k)) ? p.mentionAt(k - 1) : null;
  if (joined && joined.authority !== null) return isAddressee(p, joined);
  const w = p.word(k);
  if (!w) return false;
  if (w.pos === 'VERB' && !BE.has(w.lower)) return true;
  // "recommended that the British government proscribe X": the subject of what is asked.
  const asker = p.word(k - 1);
  if (w.lower === 'that' && asker !== undefined && (pressed(asker) || requested(asker) || refused(asker))) return true;
  if (w.lower === 'by' && p.word(k - 1)?.pos === 'VERB') return true; // "were urged by Washington to list"
  // "called on Britain", "a call on Canada".
  const verb = p.word(k - 1);
  return ADDRESSEE_PREPOSITIONS.has(w.lower) && verb !== undefined && ['VERB', 'NOUN', 'ADJ'].includes(verb.pos);
}

/**
 * Whether a negation stands before the step in its clause, since the last "that" or reporting
 * verb: "did not approve the proposal to add X" gives no step, however far the negation is.
 */
function negatedBefore(p: ParsedSentence, step: StepMention, clause: Clause): boolean {
  for (let k = step.at - 1; k >= clause.from; k--) {
    if (!p.inClause(clause, k)) continue;
    const w = p.words[k]!;
    if (w.lower === 'that' && w.pos !== 'DET') return false;
    if (w.pos === 'VERB' && REPORTING.has(w.lemma)) return false;
    // "Not a single Gulf state has listed X, and the EU has removed it": the negation is the other clause's.
    if (['and', 'but'].includes(w.lower) && p.word(k - 1)?.text === ',') return false;
    const mention = p.mentionAt(k);
    if (mention !== null && mention.authority !== null && !step.passive) return subjectNegated(p, mention, clause);
    if (NEGATION.has(w.lower)) return true;
  }
  return false;
}

/**
 * The step's subject: a negation before it counts only when it opens the subject ("Neither X nor Y
 * has"); a question or a counterfactual ("asked whether Britain would", "Had Canada listed X") too.
 */
function subjectNegated(p: ParsedSentence, mention: Mentioned, clause: Clause): boolean {
  let first = mention.first;
  while (first > 0 && (SUBJECT_JOINERS.has(p.lower(first - 1)) || p.mentionAt(first - 1)?.authority)) first--;
  // "Had Canada listed X", "Were Canada to ban X": a counterfactual opens the clause before its subject.
  if (first - 1 === clause.from && COUNTERFACTUAL_OPENERS.has(p.lower(first - 1))) return true;
  if (QUESTION_OPENERS.has(p.lower(first - 1))) return true;
  // "Perhaps one day Canada will list X": a word of doubt before the subject.
  if (p.words.slice(clause.from, first).some((x) => DOUBTS.has(x.lower))) return true;
  return p.words.slice(Math.max(0, first - 1), mention.first).some(negated);
}

/**
 * Whether the step is only the content of a report or a denial the text does not vouch for:
 * "reports that Jordan had banned X were false", "denied that it had proscribed X", "a post
 * claiming that the EU had removed X"; not "confirmed reports that it had listed X".
 */
function onlyReported(p: ParsedSentence, step: StepMention): boolean {
  const from = Math.max(0, step.at - 16);
  for (let k = step.at - 1; k > from; k--) {
    const w = p.words[k]!;
    if (w.text === ':' || w.text === ';') return false;
    // "reports that X had been banned"; "an earlier version of this article said X had been banned".
    const telling = w.pos === 'VERB' && REPORTING.has(w.lemma);
    // "misstated the date on which X was listed": what is told is a noun, not the step.
    if (telling && !tellsClause(p, k)) return false;
    if (!COMPLEMENTIZERS.has(w.lower) && !telling) continue;
    const before = p.words.slice(Math.max(0, k - 7), k);
    const reported = before.some((b) => REPORT_NOUNS.has(b.lower) || (b.pos === 'VERB' && DENIALS.has(b.lemma)));
    return reported && !p.words.slice(0, k).some((b) => CONFIRMATIONS.has(b.lower) || CONFIRMATIONS.has(b.lemma));
  }
  return false;
}

/** Whether a verb of telling at `k` takes a clause ("said the US had delisted X"), not a noun ("misstated the date on which ..."). */
function tellsClause(p: ParsedSentence, k: number): boolean {
  const next = p.word(k + 1)?.pos === 'DET' ? k + 2 : k + 1;
  return p.mentionAt(next) !== null || p.word(next)?.pos === 'PRON';
}

/** For a gerund after "by" ("amend the Schedule by adding X"), the words of the verb group it is the means of; null otherwise. */
function meansOf(c: ModeCase): Word[] | null {
  const { p, clause, step } = c;
  if (!/ing$/.test(p.lower(step.at)) || p.lower(step.at - 1) !== 'by') return null;
  // The verb before it, not a name's capitalised word ("the Terrorism Act").
  const verbal = (w: Word) => ['VERB', 'AUX', 'PART', 'ADV'].includes(w.pos) && w.text === w.lower;
  let k = step.at - 2;
  while (k >= clause.from && !(verbal(p.words[k]!) && p.words[k]!.pos === 'VERB')) k--;
  const group: Word[] = [];
  for (let j = k; j >= clause.from && verbal(p.words[j]!); j--) group.push(p.words[j]!);
  return group.length > 0 ? group : null;
}

/**
 * Whether quoted words stand between a step and its subject: "Britain had "no current plans" to
 * ban them" is governed by the quote, which is left out, so nothing can be said of the step.
 */
function quoteGoverns(p: ParsedSentence, step: StepMention, clause: Clause): boolean {
  const subject = p.mentioned.filter((m) => m.authority !== null && m.last < step.at && p.inClause(clause, m.first)).pop();
  const from = subject ? p.words[subject.last]!.end : p.words[clause.from]!.start;
  const to = p.words[step.at]!.start;
  return from < to && p.original.slice(from, to) !== p.text.slice(from, to);
}

/** Whether a mention only qualifies the noun after it: "a Washington think tank". */
function placeModifier(p: ParsedSentence, m: Mentioned): boolean {
  const next = p.word(m.last + 1);
  return next !== undefined && next.pos === 'NOUN' && next.text === next.lower && !AUTHORITY_REFERENCES.has(next.lower);
}

/**
 * A request is a step under way when an authority makes it of itself or of its own bodies
 * ("the prosecutor general asked the Supreme Court to lift the ban"); one state asking
 * another, or anyone else asking, is not the step of the state asked.
 */
function requestMode(c: ModeCase): Mode {
  const { p, clause, step } = c;
  // Who asks is named before the verb of asking; whom it asks, after ("the committee recommended that the government list X").
  let asking = step.at - 1;
  while (asking >= clause.from && !(p.inClause(clause, asking) && REQUESTS.has(p.words[asking]!.lemma))) asking--;
  // "a Washington think tank asks ...": a place before a noun is no authority asking.
  const authorities = p.mentioned.filter((m) => m.authority !== null && m.last < step.at && p.inClause(clause, m.first) && !placeModifier(p, m));
  const before = authorities.filter((m) => m.last < asking);
  if (before.length === 0) return 'none';
  // "Colombia will ask the United States to remove X": one state asking another is neither's step.
  const countries = new Set(authorities.map((m) => m.authority));
  // "France asked that X be added to the EU terrorist list": a request of the list's keeper.
  const keeper = listKeeper(
    p,
    step,
    p.mentioned.filter((m) => m.authority !== null && p.inClause(clause, m.first)),
  );
  if (keeper) countries.add(keeper.authority);
  return countries.size === 1 ? 'pending' : 'none';
}

/** The mode of a step, in the order the rules are tried. */
export const MODE_RULES: Rule<ModeCase, Mode>[] = [
  {
    name: 'quoted',
    says: 'A step governed by words in quotation marks says nothing: quoted speech is left out.',
    examples: [
      { text: 'Britain had "no current plans" to ban the Amber Wolf Brotherhood, officials said.', claims: [], organisations: ['Amber Wolf Brotherhood'] },
    ],
    apply: (c) => (quoteGoverns(c.p, c.step, c.clause) ? 'none' : undefined),
  },
  {
    name: 'negated',
    says: 'A negation before the step in its clause, or opening its subject, makes no step: "did not approve the proposal to add X", "Neither Canada nor Japan has listed X".',
    examples: [
      { text: 'Sweden has never designated the Amber Wolf Brotherhood as a terrorist group.', claims: [], organisations: ['Amber Wolf Brotherhood'] },
      {
        text: 'Had Canada listed the Amber Wolf Brotherhood in 2019, the attacks might have been prevented.',
        claims: [],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => (negatedBefore(c.p, c.step, c.clause) ? 'none' : undefined),
  },
  {
    name: 'only-reported',
    says: 'A step that is only the content of a report, a rumour or a denial is no step: "reports that X had been banned were false", "denied that it had listed X".',
    examples: [
      {
        text: 'Reports on social media that Norway had banned the Amber Wolf Brotherhood were false, a spokesperson said.',
        claims: [],
        organisations: ['Amber Wolf Brotherhood'],
      },
      {
        text: 'Norway confirmed reports that it had banned the Amber Wolf Brotherhood.',
        claims: ['Norway listed Amber Wolf Brotherhood -'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => (onlyReported(c.p, c.step) ? 'none' : undefined),
  },
  {
    name: 'proposal-stopped',
    says: "A proposal to a list's keeper that was blocked, put on hold, vetoed or withdrawn makes no step.",
    examples: [
      {
        text: 'Russia and China blocked a US proposal in June to add the Amber Wolf Brotherhood to the UN sanctions list.',
        claims: [],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => (proposalKeeper(c.p, c.step) !== null && c.p.words.some((w) => STOPPED.has(w.lower) || STOPPED.has(w.lemma)) ? 'none' : undefined),
  },
  {
    name: 'proposed-to-keeper',
    says: 'A step proposed to a list\'s keeper (the UN, the EU) is pending: "asked the EU to add X to the bloc\'s list".',
    examples: [
      {
        text: "Lithuania and Poland have formally asked the European Union to add the Amber Wolf Brotherhood to the bloc's sanctions list.",
        claims: ['European Union pending→listed Amber Wolf Brotherhood -'],
      },
    ],
    apply: (c) => (proposalKeeper(c.p, c.step) !== null ? 'pending' : undefined),
  },
  {
    name: 'continuing',
    says: 'A state that goes on is no step: "remains designated", "is still banned".',
    examples: [
      { text: 'Canada still bans the Amber Wolf Brotherhood.', claims: [], organisations: ['Amber Wolf Brotherhood'] },
      { text: "Canada's ban on the Amber Wolf Brotherhood remains in force.", claims: [], organisations: ['Amber Wolf Brotherhood'] },
    ],
    apply: (c) => {
      if (CONTINUING.has(c.p.lower(c.step.at - 1))) return 'none';
      // "the ban remains in force": the in-force predicate of a state that goes on.
      return c.inForce !== null && c.p.words.slice(c.step.at + 1, c.inForce.at + 1).some((w) => CONTINUING.has(w.lower)) ? 'none' : undefined;
    },
  },
  {
    name: 'in-force-negated',
    says: 'A step noun whose in-force verb is negated, refused or only possible is no step: "the ban has not taken effect".',
    examples: [{ text: "Britain's ban on the Amber Wolf Brotherhood has not taken effect.", claims: [], organisations: ['Amber Wolf Brotherhood'] }],
    apply: (c) => (c.inForce !== null && c.governing.some((g) => negated(g) || hypothetical(g) || refused(g) || pressed(g)) ? 'none' : undefined),
  },
  {
    name: 'in-force-immediately',
    says: 'A step in force "with immediate effect" is done.',
    examples: [
      {
        text: "Britain's ban on the Amber Wolf Brotherhood came into force with immediate effect, once the order was signed on Tuesday.",
        claims: ['United Kingdom listed Amber Wolf Brotherhood -'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => (c.inForce !== null && IMMEDIATE.test(c.p.clauseText(c.clause)) ? 'done' : undefined),
  },
  {
    name: 'in-force-awaited',
    says: 'A step noun only expected to take effect, or waiting on a condition, is pending: "is expected to take effect", "once approved", "subject to".',
    examples: [
      {
        text: "Australia's listing of the Amber Wolf Brotherhood is due to take effect once the regulation is registered.",
        claims: ['Australia pending→listed Amber Wolf Brotherhood -'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => {
      if (c.inForce === null) return undefined;
      // Up to the next main clause: "takes effect once it is published" waits; "took effect on Tuesday, and officials said more
      // groups could follow" does not.
      const { p, step } = c;
      const next = p.words.findIndex((w, k) => k > step.at && (w.text === ';' || (w.text === ',' && ['and', 'but'].includes(p.lower(k + 1)))));
      const rest = p.text.slice(p.words[step.at]!.start, next < 0 ? p.text.length : p.words[next]!.start);
      return HEDGED.test(rest) || c.governing.some((g) => planned(g) && !SCHEDULED.has(g.lower)) ? 'pending' : undefined;
    },
  },
  {
    name: 'in-force-on-condition',
    says: 'An undated step in force "when" or "upon" something happens is pending.',
    examples: [
      {
        text: "Britain's ban on the Amber Wolf Brotherhood takes effect upon approval by Parliament.",
        claims: ['United Kingdom pending→listed Amber Wolf Brotherhood -'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => (c.inForce?.present && CONDITION.test(c.p.clauseText(c.clause)) && c.date().value === null ? 'pending' : undefined),
  },
  {
    name: 'in-force-scheduled',
    says: 'A step noun in force on a day after the article is pending on the article\'s day: "the designation comes into force on 1 October".',
    examples: [
      {
        text: "Britain's ban on the Amber Wolf Brotherhood comes into force on 11 November.",
        claims: ['United Kingdom pending→listed Amber Wolf Brotherhood 2024-11-11'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => (c.step.noun && inForceLater(c) ? 'scheduled' : undefined),
  },
  {
    name: 'in-force',
    says: 'A step noun with an in-force verb is the step on that day, even a day after the article: "the ban took effect", "comes into force on 11 November".',
    examples: [
      {
        text: "Britain's ban on the Amber Wolf Brotherhood came into force on 11 September.",
        claims: ['United Kingdom listed Amber Wolf Brotherhood 2024-09-11'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => (c.inForce !== null ? 'done' : undefined),
  },
  {
    name: 'reference-to-be-made',
    says: 'A reference to a step ("the move") is a step only when an authority is to make it: "is expected to announce the step".',
    examples: [
      {
        before: ['Canada listed the Amber Wolf Brotherhood in 2019.'],
        text: 'Ottawa confirmed the decision on Tuesday.',
        claims: [],
      },
    ],
    apply: (c) => {
      if (!nounWithout(c) || !isStepReference(c)) return undefined;
      const verb = c.governing.find((g) => g.pos === 'VERB');
      const plans = c.governing.some(planned) && !c.governing.some((g) => negated(g) || hypothetical(g) || refused(g) || pressed(g));
      return verb && MAKING_VERBS.has(verb.lemma) && plans ? 'pending' : 'none';
    },
  },
  {
    name: 'noun-negated',
    says: 'A step noun under negation, refusal, pressure or a modal is no step: "rejected the proscription of X", "a motion calling for the ban".',
    examples: [
      {
        text: 'Lawmakers in Rome tabled a motion calling for the proscription of the Amber Wolf Brotherhood.',
        claims: [],
        organisations: ['Amber Wolf Brotherhood'],
      },
      { text: 'Norway refused to announce a ban on the Amber Wolf Brotherhood.', claims: [], organisations: ['Amber Wolf Brotherhood'] },
    ],
    apply: (c) => (nounWithout(c) && c.governing.some((g) => negated(g) || hypothetical(g) || refused(g) || pressed(g)) ? 'none' : undefined),
  },
  {
    name: 'noun-planned',
    says: 'A step noun planned, proposed or ordered is pending: "plans the proscription of X", "ordered the ban".',
    examples: [
      {
        text: 'Germany is preparing the proscription of the Amber Wolf Brotherhood.',
        claims: ['Germany pending→listed Amber Wolf Brotherhood -'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => {
      const verb = c.governing.find((g) => g.pos === 'VERB');
      if (!nounWithout(c) || !verb || nounVerbRequests(c)) return undefined;
      return PLANNED.has(verb.lemma) || ordered(verb) || c.governing.some(planned) ? 'pending' : undefined;
    },
  },
  {
    name: 'noun-made',
    says: 'A step noun a verb makes is done: "announced the proscription of X", "signed the listing".',
    examples: [{ text: 'Britain announced the rescission of the designation of the Foo Front.', claims: ['United Kingdom removed Foo Front -'] }],
    apply: (c) => (nounWithout(c) && !nounVerbRequests(c) && MAKING_VERBS.has(c.governing.find((g) => g.pos === 'VERB')?.lemma ?? '') ? 'done' : undefined),
  },
  {
    name: 'dated-noun-step',
    says: 'A step noun with a date of its own is a step told in passing, done on that date: "Chile\'s 2021 proscription of X pushed its members ...".',
    examples: [
      {
        text: "Community leaders say Chile's 2021 proscription of the Amber Wolf Brotherhood pushed its members towards radical cells.",
        claims: ['Chile listed Amber Wolf Brotherhood 2021'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => (nounWithout(c) && ownDate(c.p, c.clause, c.step.at, c.dates) !== undefined ? 'done' : undefined),
  },
  {
    name: 'means-of-a-plan',
    says: 'A gerund that is the means of a planned or negated verb shares its mode: "the Order will amend the Schedule by adding X", "did not amend it by adding X".',
    examples: [
      {
        text: 'The Order will amend Schedule 2 to the Terrorism Act by adding the Amber Wolf Brotherhood to the list of proscribed organisations.',
        claims: ['United Kingdom pending→listed Amber Wolf Brotherhood -'],
      },
    ],
    apply: (c) => {
      const means = meansOf(c);
      if (means === null) return undefined;
      if (means.some((g) => negated(g) || hypothetical(g))) return 'none';
      return means.some((g) => planned(g)) ? 'pending' : undefined;
    },
  },
  {
    name: 'verb-negated',
    says: 'A step verb under negation, a modal of possibility or a condition is no step: "could ban", "if Canada lists".',
    examples: [{ text: 'Canada could ban the Amber Wolf Brotherhood next year.', claims: [], organisations: ['Amber Wolf Brotherhood'] }],
    apply: (c) => (verbStep(c) && c.governing.some((g) => negated(g) || hypothetical(g)) ? 'none' : undefined),
  },
  {
    name: 'refused',
    says: 'A step refused, resisted, denied or abandoned is no step: "declined to list", "stopped short of", "denied reports that it had banned".',
    examples: [
      {
        text: 'The Irish government declined to ban the Amber Wolf Brotherhood, saying it posed no threat.',
        claims: [],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => (verbStep(c) && c.governing.some(refused) ? 'none' : undefined),
  },
  {
    name: 'urged',
    says: 'A step only urged, demanded or called for is no step: "urged Canberra to list", "called for the group to be banned".',
    examples: [
      {
        text: 'Campaigners urged Canberra to list the Amber Wolf Brotherhood as a terrorist organisation.',
        claims: [],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => (verbStep(c) && c.governing.some(pressed) ? 'none' : undefined),
  },
  {
    name: 'request',
    says: "A request an authority makes of itself or its own bodies is a step under way; one state asking another is neither's step.",
    examples: [
      {
        text: "Kenya's attorney-general asked the High Court to lift the ban on the Pwani Uhuru Council.",
        claims: ['Kenya pending→removed Pwani Uhuru Council -'],
        organisations: ['Pwani Uhuru Council'],
      },
      {
        text: 'Colombia will ask the United States to remove the Llanos Popular Militia from its terrorist list.',
        claims: [],
        organisations: ['Llanos Popular Militia'],
      },
    ],
    apply: (c) => {
      const request = c.step.noun ? nounVerbRequests(c) : c.governing.some(requested);
      return request ? requestMode(c) : undefined;
    },
  },
  {
    name: 'effective-later',
    says: 'A step verb with an in-force date after the article is pending until then: "designated X, effective 1 May", "decided to revoke ... with effect from 1 October".',
    examples: [
      {
        text: 'Canada has designated the Amber Wolf Brotherhood as a terrorist entity, with effect from 1 October.',
        claims: ['Canada pending→listed Amber Wolf Brotherhood 2024-10-01'],
      },
    ],
    apply: (c) => (verbStep(c) && inForceLater(c) && !c.governing.some((g) => planned(g) && !SCHEDULED.has(g.lower)) ? 'scheduled' : undefined),
  },
  {
    name: 'addressed',
    says: 'A step someone wants of an authority is no step of it: "Critics want Canada to lift the ban".',
    examples: [{ text: 'Critics want Canada to lift the ban on the Foo Front.', claims: [] }],
    apply: (c) => (verbStep(c) && c.addressed && !c.governing.some((g) => ORDERING.has(g.lemma)) ? 'none' : undefined),
  },
  {
    name: 'ordered',
    says: 'A step ordered is pending: "the court ordered the government to lift the ban".',
    examples: [
      {
        text: "Kenya's High Court ordered the government to lift the ban on the Pwani Uhuru Council.",
        claims: ['Kenya pending→removed Pwani Uhuru Council -'],
        organisations: ['Pwani Uhuru Council'],
      },
    ],
    apply: (c) => (verbStep(c) && c.governing.some(ordered) ? 'pending' : undefined),
  },
  {
    name: 'plan-to',
    says: 'A document or plan for a step is pending: "laid an order to proscribe X", "a plan to list".',
    examples: [
      {
        text: 'Britain laid an order to proscribe the Amber Wolf Brotherhood on Monday.',
        claims: ['United Kingdom pending→listed Amber Wolf Brotherhood 2024-09-09'],
      },
    ],
    apply: (c) => (verbStep(c) && c.governing[0]?.lower === 'to' && PLAN_NOUNS.has(c.governing[1]?.lower ?? '') ? 'pending' : undefined),
  },
  {
    name: 'headline-infinitive',
    says: 'A bare infinitive or "be" is announced, not done: headlines\' "Russia to remove X", "asked that the ban be lifted".',
    examples: [
      {
        text: 'Russia to remove the Taliban from its list of terrorist organisations.',
        claims: ['Russia pending→removed Taliban -'],
        organisations: ['Taliban'],
      },
    ],
    apply: (c) => {
      if (!verbStep(c)) return undefined;
      const { p, clause, step, governing } = c;
      const bare = governing[0]?.lower === 'be' && !governing.some((g) => g.pos === 'AUX' && g.lower !== 'be');
      const infinitive =
        governing[0]?.lower === 'to' &&
        !governing.slice(1).some((g) => g.pos === 'VERB' || g.pos === 'AUX' || g.pos === 'NOUN') &&
        !p.words.slice(clause.from, step.at).some((g, k) => (g.pos === 'VERB' || g.pos === 'AUX') && p.inClause(clause, clause.from + k));
      return bare || infinitive ? 'pending' : undefined;
    },
  },
  {
    name: 'decided-in-force',
    says: 'A step decided with an in-force date or "with immediate effect" is done then: "has decided to revoke ... with effect from 1 October".',
    examples: [
      {
        text: 'The Council of the EU has decided to revoke the listing of the Amber Wolf Brotherhood with effect from 1 October 2024.',
        claims: ['European Union removed Amber Wolf Brotherhood 2024-10-01'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => {
      if (!verbStep(c) || !c.governing.some((g) => DECIDING.has(g.lemma))) return undefined;
      return IMMEDIATE.test(c.p.clauseText(c.clause)) || inForceDateIn(c.p, c.clause, c.dates) !== null ? 'done' : undefined;
    },
  },
  {
    name: 'planned',
    says: 'A step planned, expected, proposed or decided without an in-force date is pending: "will list", "plans to", "decided to".',
    examples: [
      { text: 'Canada plans to add the Red Meridian Network to its list of terrorist entities.', claims: ['Canada pending→listed Red Meridian Network -'] },
    ],
    apply: (c) => (verbStep(c) && c.governing.some((g) => planned(g) || (DECIDING.has(g.lemma) && g.pos === 'VERB')) ? 'pending' : undefined),
  },
  {
    name: 'under-way',
    says: 'A step in the present progressive is under way: "is designating", "are moving to list".',
    examples: [
      {
        text: 'Canada is designating the Amber Wolf Brotherhood as a terrorist entity.',
        claims: ['Canada pending→listed Amber Wolf Brotherhood -'],
      },
    ],
    apply: (c) =>
      verbStep(c) && /ing$/.test(c.p.words[c.step.at]!.lower) && c.governing.some((g) => PRESENT_BE.has(g.lower)) && !c.step.passive ? 'pending' : undefined,
  },
  {
    name: 'done',
    says: 'A step verb with nothing governing it otherwise is done.',
    examples: [{ text: 'Norway banned the Amber Wolf Brotherhood in 2021.', claims: ['Norway listed Amber Wolf Brotherhood 2021'] }],
    apply: (c) => (verbStep(c) ? 'done' : undefined),
  },
];

/** The mode of a step, by the rule that decides it; none where no rule does. */
export function modeOf(
  p: ParsedSentence,
  step: StepMention,
  clause: Clause,
  dates: DateMention[],
  date: () => Verdict<PartialDate | null>,
  published: PartialDate | null,
): Verdict<Mode> {
  const inForce = step.noun ? inForceAfter(p, step, clause) : null;
  // A participle joined to a passive is governed as that passive is: "was listed by Canada and proscribed by Britain".
  const own = governingWords(p, step.joinedTo ?? step, clause);
  const governing =
    inForce === null ? own.words : [...own.words, ...governingWords(p, { ...step, at: inForce.at }, clause).words].filter((g) => g !== p.words[step.at]);
  return decide(MODE_RULES, { p, clause, step, dates, inForce, governing, addressed: own.addressed, date, published }) ?? { value: 'none', rule: 'no-mode' };
}
