import { isInternationalBody } from '../../knowledge/authorities.js';
import { entityId } from '../../knowledge/entities.js';
import {
  AGENT_PREPOSITIONS,
  AMONG,
  AUTHORITY_JOIN,
  AUTHORITY_JOIN_AFTER,
  AUTHORITY_REFERENCES,
  DEFINITE,
  EXCEPTIONS,
  isTerrorWord,
  LAPSE_VERBS,
  LIST_NOUNS,
  LIST_PREPOSITIONS,
  namedListKeeper,
  PROPOSALS,
  NOT_AGENT_BEFORE,
  REPORTING,
  SANCTION_NOUNS,
  baseOf,
} from '../cues.js';
import { placePreposition } from '../lexicon.js';
import type { Claim, ReferenceContext } from '../types.js';
import { inForceAfter } from './inForce.js';
import { type Clause, isPossessive, type Mentioned, type ParsedSentence } from './parsedSentence.js';
import { decide, type Rule, type Verdict } from './rule.js';
import type { StepMention } from './steps.js';

/**
 * Whether a passive verb at `i` has an authority for its agent, in its own predicate: "was listed
 * by the EU", "had been listed in 2019 by Canada"; not "by the EU report" (the report is the agent).
 */
export function authorityAgent(p: ParsedSentence, clause: Clause, i: number): boolean {
  for (let k = i + 1; k < Math.min(clause.to, i + 7); k++) {
    const w = p.words[k]!;
    if (w.text === ',' || !p.inClause(clause, k)) return false;
    if (w.lower !== 'by') continue;
    const m = p.mentionAt(p.word(k + 1)?.pos === 'DET' ? k + 2 : k + 1);
    const head = m ? p.word(m.last + 1) : undefined;
    // "listed by Britain among the companies bidding": a list of another kind.
    const among = m !== null && p.words.slice(m.last + 1, Math.min(clause.to, m.last + 4)).some((a) => AMONG.has(a.lower));
    return m !== null && m.authority !== null && !among && !(head?.pos === 'NOUN' && !AUTHORITY_REFERENCES.has(head.lower));
  }
  return false;
}

/**
 * The authority whose list the step puts its entity on or takes it off, named in the list's
 * own phrase: "removed from the European Union's terrorist list", "added to the UN sanctions list".
 */
export function listKeeper(p: ParsedSentence, step: StepMention, inClause: Mentioned[]): Mentioned | undefined {
  return inClause.find((m) => m.first > step.at && opensListPhrase(p, m));
}

/** Whether a mention is the keeper (a possessive or a modifier) of a list noun after a preposition ("to the EU terrorist list"). */
function opensListPhrase(p: ParsedSentence, m: Mentioned): boolean {
  let k = m.first - 1;
  while (k >= 0 && ['DET', 'ADJ'].includes(p.words[k]!.pos)) k--;
  if (!LIST_PREPOSITIONS.has(p.lower(k))) return false;
  const possessive = isPossessive(p.word(m.last + 1));
  // "Russia's register", "the EU's consolidated terrorist list"; "the US list", "the US terror blacklist".
  // A country as a bare modifier of "sanctions list" is whom the sanctions are on ("the Russia sanctions list"):
  // it keeps such a list only as an international body does, or where the list is one of terrorists.
  const keeps = possessive || (m.authority !== null && isInternationalBody(m.authority));
  for (let j = m.last + (possessive ? 2 : 1); j <= m.last + 4; j++) {
    const w = p.word(j);
    if (!w || !LIST_NOUNS.has(w.lower)) {
      if (!w || !['ADJ', 'NOUN', 'PROPN', 'VERB'].includes(w.pos)) return false;
      continue;
    }
    const between = p.words.slice(m.last + 1, j);
    return keeps || !between.some((b) => SANCTION_NOUNS.has(b.lower)) || between.some((b) => isTerrorWord(b.lower) && !SANCTION_NOUNS.has(b.lower));
  }
  return false;
}

/**
 * The list's keeper a proposal or request addresses, where the step is what it proposes: "asked
 * the Security Council's committee to add X", "proposed that X be listed under the UN's regime",
 * "a request for the Council of the EU to add X". Only an international body keeps such a list,
 * and never one of those proposing.
 */
export function proposalKeeper(p: ParsedSentence, step: StepMention): Mentioned | null {
  let proposal = -1;
  for (let k = step.at - 1; k >= Math.max(0, step.at - 16) && p.words[k]!.text !== ';'; k--) {
    if (PROPOSALS.has(p.words[k]!.lemma) || PROPOSALS.has(p.lower(k))) {
      proposal = k;
      break;
    }
  }
  if (proposal < 0) return null;
  const proposers = new Set(p.mentioned.filter((m) => m.authority !== null && m.last < proposal).map((m) => m.authority));
  return p.mentioned.find((m) => m.authority !== null && m.first > proposal && isInternationalBody(m.authority) && !proposers.has(m.authority)) ?? null;
}

/** A body's country, or a country named right beside a body ("the Kenyan interior ministry", "Supreme Court of Pakistan"). */
function countryOf(p: ParsedSentence, m: Mentioned): string {
  if (p.entity(m.mention.entityId)?.partOf) {
    const beside = p.mentioned.find(
      (o) =>
        o !== m &&
        o.authority !== null &&
        !p.entity(o.mention.entityId)?.partOf &&
        (o.last === m.first - 1 || o.last === m.first - 2 || (o.first === m.last + 2 && p.lower(m.last + 1) === 'of')),
    );
    if (beside) return beside.authority!;
  }
  return m.authority!;
}

/** The authority at `lead` with those joined to it by "and" or commas ("Canada and Australia listed"), each body as its country. */
function group(p: ParsedSentence, lead: Mentioned, all: Mentioned[]): string[] {
  const chosen = [lead];
  const index = all.indexOf(lead);
  for (let i = index - 1; i >= 0; i--) {
    const between = p.text.slice(all[i]!.mention.end, chosen[0]!.mention.start);
    if (AUTHORITY_JOIN.test(between)) chosen.unshift(all[i]!);
    else if (/^\s*(?:'s|’s)?\s*$/i.test(between) && p.entity(chosen[0]!.mention.entityId)?.partOf) {
      // "Kenya's Supreme Court": the country named with the body.
      chosen[0] = all[i]!;
    } else break;
  }
  for (let i = index + 1; i < all.length; i++) {
    const between = p.text.slice(chosen[chosen.length - 1]!.mention.end, all[i]!.mention.start);
    if (AUTHORITY_JOIN_AFTER.test(between)) chosen.push(all[i]!);
    else break;
  }
  return [...new Set(chosen.map((m) => countryOf(p, m)))];
}

/** Whether a mention qualifies the noun or name after it: "the Lebanese firm X", "a Kenyan charity". */
function qualifiesNoun(p: ParsedSentence, m: Mentioned): boolean {
  const next = p.word(m.last + 1);
  return next !== undefined && (next.pos === 'NOUN' || next.pos === 'PROPN') && !AUTHORITY_REFERENCES.has(next.lower) && !isPossessive(next);
}

/** A step and the authorities its clause names, for the rules of whose step it is. */
export interface AuthorityCase {
  p: ParsedSentence;
  clause: Clause;
  step: StepMention;
  /** The step before it in its clause, whose subject is not this one's. */
  previous: number | null;
  context: ReferenceContext;
  /** The authorities named in the clause. */
  inClause: Mentioned[];
  /** The keeper of the list the step names, if it names one. */
  keeper: Mentioned | undefined;
  /** The earlier steps this step refers to ("the designation was revoked"), if it refers to any. */
  referred: Claim[] | null;
  /** Whether what the step is about was found through a reference to the story ("the militia", "it"), not a name. */
  byReference: boolean;
}

/** The authorities of a step, and whether they were inferred (from a reference, a reporter or the publisher) rather than named with it. */
export interface Authorities {
  ids: string[];
  inferred: boolean;
}

const named = (ids: string[]): Authorities => ({ ids, inferred: false });
const inferred = (ids: string[]): Authorities => ({ ids, inferred: true });

/** The word before a mention, past a determiner: "in" for "in the United Kingdom". */
function prepositionBefore(p: ParsedSentence, m: Mentioned): string {
  return DEFINITE.has(p.lower(m.first - 1)) ? p.lower(m.first - 2) : p.lower(m.first - 1);
}

/** The agents of a passive or noun step: "banned by Canada", "listed under the EU's regime", "banned in Britain". */
function agentsOf(c: AuthorityCase): Mentioned[] {
  const { p, clause, step } = c;
  const near = step.noun ? (inForceAfter(p, step, clause)?.at ?? step.at) : step.at;
  return c.inClause.filter((m) => {
    if (m.first <= step.at) return false;
    const preposition = prepositionBefore(p, m);
    if (AGENT_PREPOSITIONS.has(preposition)) return true;
    // "banned in Britain" names the authority; "banned after attacks in Uganda" does not.
    const between = p.words.slice(near + 1, m.first);
    return preposition === placePreposition && m.first > near && between.length <= 8 && !between.some((w) => w.text === ',' || NOT_AGENT_BEFORE.has(w.lower));
  });
}

/** Whether a mention stands in an apposition that describes a name before the step: "X, a unit of exiles fighting for Ukraine, ...". */
function inApposition(p: ParsedSentence, m: Mentioned, step: number): boolean {
  let k = m.first - 1;
  while (k > 0 && p.words[k]!.text !== ',' && m.first - k < 12) k--;
  if (p.words[k]?.text !== ',' || !['a', 'an'].includes(p.lower(k + 1))) return false;
  return p.words.slice(m.last + 1, step).some((w) => w.text === ',');
}

/** The authorities before the step that may be its subject. */
function subjectsOf(c: AuthorityCase): Mentioned[] {
  const { p, clause, step } = c;
  const before = c.inClause.filter((m) => {
    if (m.last >= step.at) return false;
    // "Britain and France, unlike Germany, have banned X": the authority set apart is not a subject.
    if (EXCEPTIONS.has(p.lower(m.first - 1)) || inApposition(p, m, step.at)) return false;
    // "The Iranian-backed Front was banned": a passive's subject names whom, not who; only "Kenya's ban was lifted" says who.
    const inSubject =
      step.passive && !LAPSE_VERBS.has(baseOf(p.words[step.at]!.lemma)) && clause.antecedent === null && m.first >= p.subjectStart(clause, step.at);
    if (inSubject && !isPossessive(p.word(m.last + 1))) return false;
    // "Uganda said the ruling took effect": the reporter, not the step's subject.
    return !(step.noun && p.words.slice(m.last + 1, step.at).some((w) => (w.pos === 'VERB' && REPORTING.has(w.lemma)) || w.lower === 'that'));
  });
  const own = before.filter((m) => m.first > (c.previous ?? -1));
  return own.length > 0 ? own : before;
}

/** Whose step it is, in the order the rules are tried. */
export const AUTHORITY_RULES: Rule<AuthorityCase, Authorities>[] = [
  {
    name: 'keeper-of-proposal',
    says: "A step proposed to a list's keeper is the keeper's, not the proposers': \"India and the US proposed that X be listed under the UN's regime\".",
    examples: [
      {
        text: 'France and Britain asked the Security Council sanctions committee to add the Amber Wolf Brotherhood to its list.',
        claims: ['United Nations Security Council pending→listed Amber Wolf Brotherhood -'],
      },
    ],
    apply: (c) => {
      const keeper = proposalKeeper(c.p, c.step);
      return keeper ? named([countryOf(c.p, keeper)]) : undefined;
    },
  },
  {
    name: 'agent',
    says: 'The agent of a passive or of a step noun takes the step: "was banned by Canada", "the ban in Britain", with the authorities joined to it.',
    examples: [
      {
        text: 'The Amber Wolf Brotherhood was banned by Canada and Australia in 2021.',
        claims: ['Canada listed Amber Wolf Brotherhood 2021', 'Australia listed Amber Wolf Brotherhood 2021'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => {
      if (!c.step.passive && !c.step.noun) return undefined;
      const agents = agentsOf(c);
      if (agents.length === 0) return undefined;
      // "banned by Canada and Australia": the authorities joined to the agent are agents too; in "by Britain, France said", France has a verb of its own.
      const conjuncts = c.inClause.filter((m) => agents.includes(m) || !['VERB', 'AUX'].includes(c.p.word(m.last + 1)?.pos ?? ''));
      return named(group(c.p, agents[0]!, conjuncts));
    },
  },
  {
    name: 'list-keeper-of-passive',
    says: 'A passive onto or off a list names the list\'s keeper as whose step it is: "Kenya said X was added to the EU terrorist list".',
    examples: [
      {
        text: 'Kenya said the Amber Wolf Brotherhood was added to the EU terrorist list on Tuesday.',
        claims: ['European Union listed Amber Wolf Brotherhood 2024-09-10'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => (c.keeper && c.step.passive ? named([countryOf(c.p, c.keeper)]) : undefined),
  },
  {
    name: 'possessive-owner',
    says: 'A possessive inside a step noun\'s phrase takes the step: "the lifting of Egypt\'s ban on X".',
    examples: [
      {
        text: "The court announced the lifting of Egypt's ban on the Amber Wolf Brotherhood on Tuesday.",
        claims: ['Egypt removed Amber Wolf Brotherhood 2024-09-10'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => {
      const { p, clause, step } = c;
      if (!step.noun) return undefined;
      const owner = c.inClause.find((m) => m.first > step.at && m.first <= step.at + 3 && isPossessive(p.word(m.last + 1)));
      const start = p.nounPhraseStart(clause, step.at) - 1;
      return owner && !c.inClause.some((m) => m.last < step.at && m.last >= start) ? named([countryOf(p, owner)]) : undefined;
    },
  },
  {
    name: 'subject',
    says: 'The authority that is the subject of the step takes it, with those joined to it: "Canada and Australia listed X".',
    examples: [
      {
        text: 'Canada and Australia listed the Amber Wolf Brotherhood in 2021.',
        claims: ['Canada listed Amber Wolf Brotherhood 2021', 'Australia listed Amber Wolf Brotherhood 2021'],
      },
    ],
    apply: (c) => {
      const subject = subjectsOf(c);
      if (subject.length === 0) return undefined;
      if (c.step.noun) {
        const adjacent = subject.filter((m) => m.last >= c.p.nounPhraseStart(c.clause, c.step.at) - 1);
        if (adjacent.length > 0) return named(group(c.p, adjacent[adjacent.length - 1]!, subject));
      }
      return named(group(c.p, subject[subject.length - 1]!, subject));
    },
  },
  {
    name: 'main-clause-authority',
    says: 'A step in a relative clause or aside is taken by the authority of its main clause: "Canada listed X, banned by Britain in 2019" aside, "X, which Canada banned".',
    examples: [
      {
        text: 'Canada said the Amber Wolf Brotherhood, which was banned in 2021, had regrouped.',
        claims: ['Canada listed Amber Wolf Brotherhood 2021'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => {
      if (c.clause.antecedent === null) return undefined;
      // "OFAC delisted the Lebanese firm X, which was designated in September": not the authority that qualifies a noun.
      const main = c.p.mentioned.filter((m) => m.authority !== null && m.last < c.clause.from && !qualifiesNoun(c.p, m));
      return main.length > 0 ? named([main[main.length - 1]!.authority!]) : undefined;
    },
  },
  {
    name: 'jurisdiction',
    says: 'With no authority for its subject, the country a step applies in takes it: "the court banned its activity in Russia".',
    examples: [
      {
        text: 'The district court recognised the Amber Wolf Brotherhood as extremist and banned its activity in Russia.',
        claims: ['Russia listed Amber Wolf Brotherhood -'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => {
      if (c.step.passive || c.step.noun) return undefined;
      const places = agentsOf(c).filter((m) => prepositionBefore(c.p, m) === placePreposition && !isInternationalBody(m.authority!));
      return places.length > 0 ? named([countryOf(c.p, places[0]!)]) : undefined;
    },
  },
  {
    name: 'list-keeper',
    says: 'With no subject, the keeper of the list the step names takes it: "X was removed from the UN sanctions list".',
    examples: [
      {
        text: 'Officials removed the Amber Wolf Brotherhood from the UN sanctions list on Tuesday.',
        claims: ['United Nations Security Council removed Amber Wolf Brotherhood 2024-09-10'],
      },
    ],
    apply: (c) => (c.keeper ? named([countryOf(c.p, c.keeper)]) : undefined),
  },
  {
    name: 'named-list-keeper',
    says: 'A list or gazette whose name says who keeps it names the step\'s authority: "the list of state sponsors of terrorism", "the Canada Gazette".',
    examples: [
      {
        text: 'Cuba was taken off the list of state sponsors of terrorism in 2015.',
        claims: ['United States removed Cuba 2015'],
      },
    ],
    apply: (c) => {
      const keeper = namedListKeeper(c.p.text);
      const id = keeper === null ? undefined : c.p.entity(entityId(keeper))?.id;
      return id === undefined ? undefined : named([id]);
    },
  },
  {
    name: 'authority-of-step-referred-to',
    says: 'A step on a step told before is taken by that step\'s authority, unless the sentence names another: "The court annulled the listing".',
    examples: [
      {
        before: ['Canada listed the Amber Wolf Brotherhood in 2015.'],
        text: 'The listing was annulled on Tuesday.',
        claims: ['Canada removed Amber Wolf Brotherhood 2024-09-10'],
      },
    ],
    apply: (c) => (c.referred !== null && c.referred.length > 0 ? named([...new Set(c.referred.map((s) => s.authorityId))]) : undefined),
  },
  {
    name: 'authority-reference',
    says: '"it", "the government", "the ministry" as the subject stand for the authority named before.',
    examples: [
      {
        before: ['Canada reviewed its list of terrorist entities in August.'],
        text: 'The government delisted the Amber Wolf Brotherhood on Tuesday.',
        claims: ['Canada removed Amber Wolf Brotherhood 2024-09-10'],
      },
    ],
    apply: (c) => {
      const { p, clause, step } = c;
      const opener = p.words.slice(clause.from, step.at).find((w) => AUTHORITY_REFERENCES.has(w.lower));
      if (!opener || step.passive) return undefined;
      const earlier = p.mentioned.filter((m) => m.authority !== null && m.last < step.at);
      if (earlier.length > 0) return inferred([earlier[earlier.length - 1]!.authority!]);
      return c.context.authority !== null ? inferred([c.context.authority]) : undefined;
    },
  },
  {
    name: 'reporting-authority',
    says: 'The authority that reports the step takes it: "Kenya said the group was banned", "according to the ministry".',
    examples: [
      {
        text: 'The Amber Wolf Brotherhood has been banned, the Kenyan interior ministry said on Tuesday.',
        claims: ['Kenya listed Amber Wolf Brotherhood -'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => {
      const { p } = c;
      const reporter = p.mentioned.find(
        (m) =>
          m.authority !== null &&
          (p.words.slice(m.last + 1, m.last + 6).some((w) => w.pos === 'VERB' && REPORTING.has(w.lemma)) ||
            (p.lower(m.first - 1) === 'to' && p.lower(m.first - 2) === 'according') ||
            (p.word(m.first - 1)?.pos === 'DET' && p.lower(m.first - 2) === 'to' && p.lower(m.first - 3) === 'according')),
      );
      return reporter ? inferred([countryOf(p, reporter)]) : undefined;
    },
  },
  {
    name: 'publisher',
    says: "A step that names no authority, in an article an authority publishes, is the publisher's.",
    examples: [
      {
        outlet: 'Public Safety Canada',
        text: 'The Amber Wolf Brotherhood has been listed as a terrorist entity.',
        claims: ['Canada listed Amber Wolf Brotherhood -'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => (c.context.voice !== null ? inferred([c.context.voice]) : undefined),
  },
  {
    name: 'authority-named-before',
    says: 'A step on the story\'s organisation by reference that names no authority is taken by the authority the article named last: "The regulation listing the militia took effect".',
    examples: [
      {
        before: ['Australia lists the Great Dividing Range Militia as a terrorist organisation'],
        text: 'The regulation listing the militia took effect on 15 November.',
        claims: ['Australia listed Great Dividing Range Militia 2024-11-15'],
        published: '2024-11-20',
      },
    ],
    apply: (c) => (c.byReference && c.context.authority !== null ? inferred([c.context.authority]) : undefined),
  },
];

/** Whose step it is: the rule's authorities, or none. */
export function authoritiesOf(c: Omit<AuthorityCase, 'inClause' | 'keeper'>): Verdict<Authorities> | null {
  const inClause = c.p.authoritiesIn(c.clause);
  return decide(AUTHORITY_RULES, { ...c, inClause, keeper: listKeeper(c.p, c.step, inClause) });
}
