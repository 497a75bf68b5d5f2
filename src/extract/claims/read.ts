import type { Entity } from '../../knowledge/types.js';
import { EXPECTATION, mayHoldStep } from '../cues.js';
import type { DateMention } from '../dates.js';
import type { EntityMention } from '../entityMatcher.js';
import type { OrganisationLikeName } from '../organisations.js';
import { parseWords } from '../parse.js';
import { maskQuotes } from '../sentences.js';
import type { Claim, ReferenceContext } from '../types.js';
import { authoritiesOf } from './authority.js';
import { dateOf } from './date.js';
import { inForceAfter } from './inForce.js';
import { governingWords, modeOf } from './mode.js';
import { type Clause, type Mentioned, type Named, ParsedSentence } from './parsedSentence.js';
import { decide, type Rejection, type Rule } from './rule.js';
import { findSteps, type StepMention } from './steps.js';
import { targetsOf } from './target.js';

export interface SentenceClaims {
  claims: Claim[];
  /** Organisations the knowledge base did not know, named as the entity of a step. */
  discovered: Entity[];
  /** The steps the reader found but made no claim of, each with the rule that stopped it. */
  rejected: Rejection[];
}

/** Sentences longer than this (in characters, about 150 words) are not read for claims. */
const MAX_SENTENCE = 1000;
const NONE: SentenceClaims = { claims: [], discovered: [], rejected: [] };

/**
 * Reads the designation claims of one sentence from its clauses: which step each clause
 * reports (a verb such as "proscribed", or a noun such as "the designation" with a verb that
 * puts it in force), whether it is done, planned or refused, the authority that takes it, the
 * entity it is about and the date in its own clause. Each decision is taken by a named rule
 * (steps.ts, mode.ts, authority.ts, target.ts, date.ts), and each claim keeps their names in
 * `why`. Quoted speech is left out.
 */
export function findClaims(
  sentence: string,
  mentions: EntityMention[],
  dates: DateMention[],
  entity: (id: string) => Entity | undefined,
  context: ReferenceContext,
  names: OrganisationLikeName[],
): SentenceClaims {
  const text = maskQuotes(sentence);
  if (!mayHoldStep(text)) return NONE;
  // A run-on of hundreds of words is a list or a table, not a sentence whose clauses can be read.
  if (text.length > MAX_SENTENCE) return NONE;
  const words = parseWords(text);
  if (words.length === 0 || words[words.length - 1]!.text === '?') return NONE;
  const p = new ParsedSentence(sentence, text, words, mentions, entity, names);
  const reading: Reading = { p, dates, context, made: [], words: new Map(), inForce: new Set(), named: [...p.named], discovered: new Map(), rejected: [] };
  for (const clause of p.clauses) {
    const { steps, rejected } = findSteps(p, clause, [...reading.made], context.steps, dates);
    reading.rejected.push(...rejected);
    steps.forEach((step, i) => {
      // The step an undoing verb undoes is part of its predicate: "cancelled the July delisting of X on Monday".
      const next = steps.slice(i + 1).find((s) => s.at !== step.undoes?.at)?.at ?? clause.to;
      readStep(reading, step, clause, next, steps[i - 1]?.at ?? null);
    });
  }
  let claims = reading.made;
  for (const rule of SENTENCE_RULES) {
    const kept = rule.apply({ claims, inForce: reading.inForce });
    if (kept === undefined) continue;
    // A claim a sentence rule drops was read at a step's word; one it merges lives on in the claim kept.
    const left = new Set(kept.map((c) => key(c)));
    for (const c of claims) if (!left.has(key(c))) reading.rejected.push({ word: reading.words.get(c) ?? '', rule: rule.name });
    claims = kept;
  }
  return { claims, discovered: [...reading.discovered.values()], rejected: reading.rejected };
}

/** What reading a sentence has found so far: its claims, and the organisations it has named. */
interface Reading {
  p: ParsedSentence;
  dates: DateMention[];
  context: ReferenceContext;
  made: Claim[];
  /** The word of the step each claim was read at. */
  words: Map<Claim, string>;
  /** Claims told by an in-force clause ("the listing took effect on 10 June"). */
  inForce: Set<Claim>;
  named: Named[];
  discovered: Map<string, Entity>;
  rejected: Rejection[];
}

/** The claims of one step: its mode, what it is about, whose it is and its date, each by a rule. */
function readStep(r: Reading, step: StepMention, clause: Clause, next: number, previous: number | null): void {
  const { p } = r;
  const word = p.words[step.at]!.text;
  let told: ReturnType<typeof dateOf> | undefined;
  // The step's date as the mode rules ask for it, read once.
  const stepDate = () => (told ??= dateOf(p, r.dates, step, clause, previous, next < clause.to ? next : null));
  const mode = modeOf(p, step, clause, r.dates, stepDate, r.context.published);
  if (mode.value === 'none') {
    r.rejected.push({ word, rule: mode.rule });
    return;
  }
  const about = targetsOf({ p, clause, step, next, context: r.context, made: r.made, named: r.named, discovered: r.discovered });
  const target = about.targets;
  for (const rule of about.setAside) r.rejected.push({ word, rule });
  if (target === null) {
    r.rejected.push({ word, rule: about.regions.rule === 'verb-object' || about.regions.rule === 'noun-phrase' ? 'no-entity' : about.regions.rule });
    return;
  }
  for (const found of target.value.found) r.discovered.set(found.id, found);
  r.named.push(...target.value.named);
  const byReference = ['organisation-reference', 'step-referred-to', 'country-reference'].includes(target.rule);
  const authority = authoritiesOf({ p, clause, step, previous, context: r.context, referred: target.value.referred, byReference });
  if (authority === null) {
    r.rejected.push({ word, rule: 'no-authority' });
    return;
  }
  const state = mode.value === 'pending' || mode.value === 'scheduled' ? 'pending' : step.state;
  const expected = mode.value === 'pending' && governingWords(p, step, clause).words.some((g) => EXPECTATION.has(g.lemma) || EXPECTATION.has(g.lower));
  const date = expected || mode.value === 'pending' ? dateOf(p, r.dates, step, clause, previous, next < clause.to ? next : null, expected, true) : stepDate();
  const why = [step.rule, mode.rule, about.regions.rule, target.rule, authority.rule, date.rule, ...date.setAside];
  const claims: Claim[] = authority.value.ids.flatMap((authorityId) =>
    target.value.ids.map((targetId) => ({
      authorityId,
      targetId,
      state,
      ...(state === 'pending' ? { toward: step.state } : {}),
      ...(mode.value === 'scheduled' ? { scheduled: true as const } : {}),
      date: date.value,
      why,
    })),
  );
  r.made.push(...claims);
  for (const c of claims) r.words.set(c, word);
  if (step.noun && inForceAfter(p, step, clause) !== null) for (const c of claims) r.inForce.add(c);
  const gapped = decide(GAP_RULES, { p, dates: r.dates, claims, from: step.at + 1, to: next, countryList: r.context.countryList });
  if (gapped) {
    const told = gapped.value.map((c) => ({ ...c, why: [...c.why, gapped.rule] }));
    r.made.push(...told);
    for (const c of told) r.words.set(c, word);
  }
}

/** A step's claims and the words after it, for the rules of steps told again with words left out. */
interface GapCase {
  p: ParsedSentence;
  dates: DateMention[];
  claims: Claim[];
  from: number;
  to: number;
  countryList: boolean;
}

/** A name and a date after a step, with its verb left out: ", Libya in 2006", "and Ecuador on 20 August". */
function gaps(c: GapCase): { m: Mentioned; date: DateMention }[] {
  const { p } = c;
  const out: { m: Mentioned; date: DateMention }[] = [];
  for (let k = c.from; k < c.to; k++) {
    if (p.words[k]!.text !== ',' && p.lower(k) !== 'and') continue;
    let j = k + 1;
    while (p.lower(j) === 'and' || p.lower(j) === 'the') j++;
    const m = p.mentionAt(j);
    if (m === null || m.first !== j || !['in', 'on'].includes(p.lower(m.last + 1))) continue;
    const date = c.dates.find((d) => d.start === p.word(m.last + 2)?.start);
    if (date === undefined) continue;
    const end = p.words.findIndex((w) => w.start >= date.end);
    if (end >= 0 && ![',', '.', ';', 'and'].includes(p.lower(end)) && p.words[end]!.text !== ',') continue;
    out.push({ m, date });
  }
  return out;
}

/** Steps told again with their verb left out, after the step that has it. */
export const GAP_RULES: Rule<GapCase, Claim[]>[] = [
  {
    name: 'gapped-step',
    says: 'A name and a date after a step, with the verb left out, tell the same step: "Paraguay declared X a terrorist organisation on 2 August, Argentina on 9 August".',
    examples: [
      {
        text: 'Paraguay declared the Amber Wolf Brotherhood a terrorist organisation on 2 August, Argentina on 9 August and Ecuador on 20 August.',
        claims: [
          'Paraguay listed Amber Wolf Brotherhood 2024-08-02',
          'Argentina listed Amber Wolf Brotherhood 2024-08-09',
          'Ecuador listed Amber Wolf Brotherhood 2024-08-20',
        ],
      },
    ],
    apply: (c) => {
      if (c.claims.length === 0) return undefined;
      const first = c.claims[0]!;
      const targetIsCountry = c.p.entity(first.targetId)?.kind === 'authority';
      const more = gaps(c).flatMap(({ m, date }) => {
        // The left-out verb's subject is an authority ("Argentina on 9 August") or, on a list of countries, its entity ("Libya in 2006").
        const asTarget = m.mention.kind === 'organisation' || (targetIsCountry && c.countryList && m.authority === m.mention.entityId);
        if (!asTarget && m.authority === null) return [];
        return c.claims.map((claim) => ({ ...claim, ...(asTarget ? { targetId: m.mention.entityId } : { authorityId: m.authority! }), date: date.date }));
      });
      return more.length > 0 ? more : undefined;
    },
  },
];

/** The claims of a whole sentence, for the rules that weigh them against each other. */
interface SentenceCase {
  claims: Claim[];
  inForce: Set<Claim>;
}

const key = (c: Claim) => `${c.authorityId} ${c.targetId} ${c.state} ${c.toward ?? ''}`;

/** Rules over a sentence's claims, applied in turn: each returns the claims it keeps, or undefined to change nothing. */
export const SENTENCE_RULES: Rule<SentenceCase, Claim[]>[] = [
  {
    name: 'own-authority',
    says: 'An authority is not the entity of its own step: in "Washington returned Cuba to the US list" the US keeps the list.',
    examples: [{ text: 'Washington returned Cuba to the US list of state sponsors of terrorism on Monday.', claims: ['United States listed Cuba 2024-09-09'] }],
    apply: ({ claims }) => {
      const kept = claims.filter((c) => c.authorityId !== c.targetId);
      return kept.length === claims.length ? undefined : kept;
    },
  },
  {
    name: 'step-told-twice',
    says: 'One step told twice ("announced on 9 May ..., and the ban took effect on 16 May") is one claim, dated by its in-force clause.',
    examples: [
      {
        text: 'Britain proscribed the Amber Wolf Brotherhood on 9 May, and the ban took effect on 16 May.',
        claims: ['United Kingdom listed Amber Wolf Brotherhood 2024-05-16'],
      },
    ],
    apply: ({ claims, inForce }) => {
      const kept = new Map<string, Claim>();
      for (const c of claims) {
        const earlier = kept.get(key(c));
        if (!earlier) kept.set(key(c), c);
        // The in-force telling dates it, or any dated telling where the first gave no date ("followed suit and removed X on 14 November").
        else if (c.date !== null && (inForce.has(c) || earlier.date === null))
          kept.set(key(c), { ...earlier, date: c.date, why: [...new Set([...earlier.why, 'step-told-twice', ...c.why])] });
      }
      return kept.size === claims.length ? undefined : [...kept.values()];
    },
  },
  {
    name: 'taken-over-pending',
    says: 'A step the sentence tells as taken replaces the same step told as pending: "said it would ban X, and the ban took effect on 3 June".',
    examples: [
      {
        text: 'Britain said it would proscribe the Amber Wolf Brotherhood, and the ban took effect on 3 June.',
        claims: ['United Kingdom listed Amber Wolf Brotherhood 2024-06-03'],
      },
    ],
    apply: ({ claims }) => {
      // "insert X ..., and this Order comes into force on 22 November": a dated in-force day to come outweighs an undated telling.
      const scheduled = new Set(claims.filter((c) => c.scheduled && c.date !== null).map((c) => `${c.authorityId} ${c.targetId} ${c.toward} `));
      const told = claims.filter((c) => c.state === 'pending' || c.date !== null || !scheduled.has(key(c)));
      const taken = new Set(told.filter((c) => c.state !== 'pending').map((c) => key(c)));
      const kept = told.filter((c) => c.state !== 'pending' || !taken.has(`${c.authorityId} ${c.targetId} ${c.toward} `));
      return kept.length === claims.length ? undefined : kept;
    },
  },
];
