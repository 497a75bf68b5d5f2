import type { PartialDate } from '../../knowledge/partialDate.js';
import { BE, inclusionAt, MAKING_VERBS, NOUN_DETERMINERS, REPORTING } from '../cues.js';
import type { DateMention } from '../dates.js';
import { isInForceDate } from './inForce.js';
import type { Clause, ParsedSentence } from './parsedSentence.js';
import { decide, type Rule, type Verdict } from './rule.js';
import type { StepMention } from './steps.js';

/** A date the sentence names, for the rules of whether it dates a step. */
interface DateCandidate {
  p: ParsedSentence;
  step: StepMention;
  date: DateMention;
  /** The word it starts at. */
  k: number;
  /** Whether the step is pending (planned, proposed, ordered). */
  pending: boolean;
}

/** Dates that stand in a step's clause but do not date the step. */
export const UNDATING_RULES: Rule<DateCandidate, true>[] = [
  {
    name: 'date-of-dispatch',
    says: 'A dispatch\'s dateline dates the report, not a step told in the past: "ISLAMABAD, Nov 5 (Reuters) - Pakistan has banned X"; a live entry\'s present ("Iraq lists X") is its stamp\'s.',
    examples: [
      {
        published: '2024-11-05',
        text: 'ISLAMABAD, Nov 5 (Reuters) - Pakistan has banned the Amber Wolf Brotherhood, the interior ministry said.',
        claims: ['Pakistan listed Amber Wolf Brotherhood -'],
      },
    ],
    apply: ({ p, step, date }) => {
      if (!date.stamp) return undefined;
      const w = p.words[step.at]!;
      // "Kenya gazettes X", "Australia lists X": a step in the present of a live entry happens on its stamp.
      const present = /[^s]s$/.test(w.lower) && w.lower !== w.lemma;
      return present ? undefined : true;
    },
  },
  {
    name: 'date-of-plan',
    says: 'A date before a pending step dates the plan or the request, not the step: "Germany submitted a request on 4 March for the EU to add X".',
    examples: [
      {
        text: 'Germany submitted a request on 4 March for the Council of the EU to add the Amber Wolf Brotherhood to its terrorist list.',
        claims: ['European Union pending→listed Amber Wolf Brotherhood -'],
      },
    ],
    apply: ({ step, k, pending }) => (pending && k < step.at ? true : undefined),
  },
  {
    name: 'date-qualifies-noun',
    says: 'A year that qualifies a noun dates that noun, not the step: "a 2019 arson attack", "the original 2019 listing".',
    examples: [
      {
        text: 'New Zealand designated the Pacific Sovereign Alliance as a terrorist entity over a 2019 arson attack.',
        claims: ['New Zealand listed Pacific Sovereign Alliance -'],
      },
    ],
    apply: ({ p, step, k }) => {
      // "the July delisting": a qualifier of the step noun itself dates it.
      const ownQualifier = step.noun && k < step.at && k >= p.nounPhraseStart(p.clauseAt(step.at), step.at);
      return NOUN_DETERMINERS.has(p.lower(k - 1)) && !ownQualifier ? true : undefined;
    },
  },
  {
    name: 'date-of-report',
    says: 'A date right after a verb of reporting dates the report: "Latvia said on Wednesday it would lift the ban in November", "X was banned, the ministry said on Tuesday".',
    examples: [
      {
        published: '2024-09-13',
        text: 'Latvia said on Wednesday that it had banned the Amber Wolf Brotherhood in 2019.',
        claims: ['Latvia listed Amber Wolf Brotherhood 2019'],
      },
      {
        published: '2024-09-13',
        text: 'Bahrain announced on Sunday the designation of the Amber Wolf Brotherhood as a terrorist entity.',
        claims: ['Bahrain listed Amber Wolf Brotherhood 2024-09-08'],
      },
    ],
    apply: ({ p, k, step }) => {
      // "reported by the state broadcaster on Tuesday": past the reporter.
      for (let j = k - 1; j >= Math.max(0, k - 6); j--) {
        const w = p.words[j]!;
        // "announced on Sunday the designation of X": the report makes the step it names.
        if (w.pos === 'VERB' && REPORTING.has(w.lemma)) return (k - j <= 3 || p.lower(j + 1) === 'by') && !makes(p, j, step) ? true : undefined;
        if (!['ADP', 'ADV', 'PROPN', 'NOUN', 'DET', 'ADJ'].includes(w.pos)) return undefined; // "notified Congress on Tuesday"
      }
      return undefined;
    },
  },
];

/** The dates that may date a step, for the rules of which one does. */
interface DateCase {
  p: ParsedSentence;
  step: StepMention;
  candidates: DateMention[];
  /** Whether the step is only expected ("is expected to list X next month"). */
  expected: boolean;
}

/** Which of the candidate dates is the step's, in the order the rules are tried. */
export const DATE_RULES: Rule<DateCase, PartialDate | null>[] = [
  {
    name: 'expected-undated',
    says: 'A step only expected is undated, whatever day it is expected on: "is expected to add X to its list on Thursday".',
    examples: [
      {
        text: 'The UN sanctions committee is expected to add the Amber Wolf Brotherhood to its list on Thursday.',
        claims: ['United Nations Security Council pending→listed Amber Wolf Brotherhood -'],
      },
    ],
    apply: ({ expected }) => (expected ? null : undefined),
  },
  {
    name: 'in-force-date',
    says: 'The date a step takes effect dates it over the date it was announced: "announced on 9 May, ... took effect on 16 May".',
    examples: [
      {
        text: 'Britain announced on Monday that its ban on the Amber Wolf Brotherhood would take effect from 1 October.',
        claims: ['United Kingdom pending→listed Amber Wolf Brotherhood 2024-10-01'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: ({ p, candidates }) => candidates.find((d) => isInForceDate(p, d))?.date,
  },
  {
    name: 'nearest-date',
    says: 'Else the date of the step\'s own predicate nearest the step: "banned X on Tuesday, and police searched properties on Thursday".',
    examples: [
      {
        text: 'Norway banned the Amber Wolf Brotherhood on Tuesday, and police searched properties on Thursday.',
        claims: ['Norway listed Amber Wolf Brotherhood 2024-09-10'],
      },
    ],
    apply: ({ p, step, candidates }) => {
      const at = p.words[step.at]!.start;
      return [...candidates].sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0]?.date;
    },
  },
];

/** Whether the verb at `j` makes the step noun it names: "announced on Sunday the designation of X", "the move was announced on Monday". */
function makes(p: ParsedSentence, j: number, step: StepMention): boolean {
  if (!step.noun || !MAKING_VERBS.has(p.words[j]!.lemma)) return false;
  // "The move was announced by the ministry on Monday": the noun is the passive's subject.
  if (step.at < j) return p.words.slice(step.at + 1, j).every((w) => BE.has(w.lower) || w.pos === 'ADV');
  return !p.words.slice(j + 1, step.at).some((w) => w.pos === 'VERB' || w.pos === 'AUX' || w.lower === 'that');
}

/**
 * The words a verb step's date may stand in: from its subject (or the "and" after the step
 * before it) to the next step or the next verb of another predicate ("..., and police searched
 * properties on Thursday").
 */
function predicateSpan(p: ParsedSentence, step: StepMention, clause: Clause, previous: number | null, next: number | null): [number, number] {
  let from = clause.from;
  if (previous !== null) {
    from = previous + 1;
    for (let k = step.at - 1; k > previous; k--) {
      if (['and', 'but', ','].includes(p.lower(k))) {
        from = k;
        break;
      }
    }
  }
  let to = next ?? clause.to;
  for (let k = step.at + 1; k < to; k++) {
    const w = p.words[k]!;
    if (!p.inClause(clause, k)) continue;
    const following = p.word(k + 1);
    // A participle in a compound modifier ("the Leeds-based Trust") is no verb of another predicate.
    const verbSoon = p.words.slice(k + 1, k + 5).some((x, n) => (x.pos === 'VERB' || x.pos === 'AUX') && p.lower(k + n) !== '-');
    // ", saying ...", ", citing ...", "and police searched ...", "that it had ...": another predicate.
    // ", including X and Y," lists the object's members, not another predicate.
    const participle =
      w.text === ',' && following !== undefined && following.pos === 'VERB' && /ing$|ed$/.test(following.lower) && inclusionAt(p.words, k + 1) === 0;
    const coordinated = ['and', 'but'].includes(w.lower) && verbSoon;
    const subordinate = w.pos === 'SCONJ' && w.lower !== 'as' && verbSoon;
    if (participle || coordinated || subordinate) {
      to = k;
      break;
    }
  }
  return [from, to];
}

/** The date of a step: the in-force date among the dates of its own predicate (and, for a noun, its relative clauses), else the nearest. */
export function dateOf(
  p: ParsedSentence,
  dates: DateMention[],
  step: StepMention,
  clause: Clause,
  previous: number | null = null,
  next: number | null = null,
  expected = false,
  pending = false,
): Verdict<PartialDate | null> & { setAside: string[] } {
  const [from, to] = step.noun ? [clause.from, clause.to] : predicateSpan(p, step, clause, previous, next);
  const wordAt = (d: DateMention) => p.words.findIndex((w) => w.end > d.start);
  const setAside: string[] = [];
  const candidates = dates.filter((d) => {
    const k = wordAt(d);
    if (k < from || k >= to || !p.inClause(clause, k)) return false;
    const undated = decide(UNDATING_RULES, { p, step, date: d, k, pending });
    if (undated) setAside.push(undated.rule);
    return undated === null;
  });
  if (step.noun) {
    // "the ban on X, which came into force on Friday": the dates of relative clauses on the noun's phrase.
    const relatives = p.clauses.filter((c) => c.antecedent !== null && c.antecedent >= step.at - 1 && c.antecedent <= step.at + 6);
    for (const c of relatives) candidates.push(...dates.filter((d) => wordAt(d) >= c.from && wordAt(d) < c.to));
  }
  return { ...(decide(DATE_RULES, { p, step, candidates, expected }) ?? { value: null, rule: 'undated' }), setAside };
}
