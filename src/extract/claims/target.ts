import { isInternationalBody } from '../../knowledge/authorities.js';
import { entityId } from '../../knowledge/entities.js';
import type { Entity } from '../../knowledge/types.js';
import {
  ACTIVITY_NOUNS,
  LIST_NOUNS,
  MEMBER_NOUNS,
  POSSESSIVE_PRONOUNS,
  NOUN_DETERMINERS,
  OBJECT_DETERMINERS,
  OBJECT_RELATIVES,
  ORGANISATION_PRONOUNS,
  ORGANISATION_REFERENCES,
  REFERRING_DETERMINERS,
  STEP_PRONOUNS,
  ASSET_WORDS,
  COUNTRY_LIST,
  COUNTRY_REFERENCES,
  DEFINITE,
  DESIGNATION_OBJECTS,
  STEP_NOUNS,
  STEP_REFERENCES,
  TIME_MODIFIERS,
  baseOf,
  inclusionAt,
  PEOPLE_NOUNS,
  SET_NOUNS,
} from '../cues.js';
import { findOrganisationNames } from '../organisations.js';
import type { Claim, ReferenceContext } from '../types.js';
import { type Clause, isPossessive, possessiveAt, type Mentioned, type Named, type ParsedSentence } from './parsedSentence.js';
import { decide, type Rule, type Verdict } from './rule.js';
import type { StepMention } from './steps.js';

/** Spans of words where a step's entity may be named: [from, to). */
type Region = [number, number];

/** A step and what the sentence and the article have named so far, for the rules of what the step is about. */
export interface TargetCase {
  p: ParsedSentence;
  clause: Clause;
  step: StepMention;
  /** Where the next step of the clause starts. */
  next: number;
  context: ReferenceContext;
  /** Claims made earlier in the sentence. */
  made: Claim[];
  /** Organisations named so far in the sentence, known or found by name. */
  named: Named[];
  /** Organisations found by name so far in the sentence. */
  discovered: Map<string, Entity>;
  /** Where the step's entity may be named (see REGION_RULES). */
  regions: Region[];
  /** The rule that said where. */
  regionRule: string;
}

/** The entities a step is about; with the organisations found by name for it, and the earlier steps it refers to. */
export interface Targets {
  ids: string[];
  found: Entity[];
  named: Named[];
  /** For a step that refers to one told before ("the designation was revoked"): those steps. */
  referred: Claim[] | null;
}

/** What the step is about, and the rules that set aside names standing where it looks. */
export interface TargetVerdicts {
  regions: Verdict<Region[]>;
  targets: Verdict<Targets> | null;
  /** The mention rules that set a name aside ("a Foo Front leader"). */
  setAside: string[];
}

/** A case for the region rules: where to look for what the step is about. */
export type RegionCase = Pick<TargetCase, 'p' | 'clause' | 'step' | 'next'>;

/**
 * Whether the phrase at `k` is a name or a reference to one, not a common noun: "the ban on
 * the Front" is about the Front, "the ban on fishing in Lake Naivasha" is not about the lake.
 */
function namesDirectly(p: ParsedSentence, k: number): boolean {
  k = p.pastDeterminers(k, NOUN_DETERMINERS);
  const w = p.word(k);
  if (!w) return false;
  // "the rescission of the designation of X": through the inner step to its own object.
  if (p.isStepNoun(k) && ['of', 'on', 'against'].includes(p.lower(k + 1))) return namesDirectly(p, k + 2);
  if (p.mentionAt(k) !== null || /^\p{Lu}/u.test(w.text)) return true;
  if (ORGANISATION_PRONOUNS.has(w.lower) || ORGANISATION_REFERENCES.has(w.lower)) return true;
  // "the ban on the related group": one modifier before the reference noun.
  return ORGANISATION_REFERENCES.has(p.lower(k + 1)) && w.pos === 'ADJ';
}

/**
 * Whether a verb's object is a name, a reference or a number of them ("the Front", "the
 * money-transfer company", "two of its affiliates"), not a thing of theirs ("rallies by the Front").
 */
function objectNamed(p: ParsedSentence, k: number): boolean {
  k = p.pastDeterminers(k, OBJECT_DETERMINERS);
  for (let n = 0; n < 5 && p.word(k + n); n++) {
    const w = p.words[k + n]!;
    if (p.mentionAt(k + n) !== null || /^\p{Lu}/u.test(w.text) || w.pos === 'NUM' || w.pos === 'PRON') return true;
    if (ORGANISATION_REFERENCES.has(w.lower) || COUNTRY_REFERENCES.has(w.lower)) return true;
    const owned = ownerStandsFor(p, k + n);
    if (owned !== null) return owned;
    // "its regional offshoot, the Sturmkreis Nord": the name follows in apposition.
    if (w.text === ',') {
      const name = p.lower(k + n + 1) === 'the' ? p.word(k + n + 2) : p.word(k + n + 1);
      return objectNamed(p, k + n + 1) && /^\p{Lu}/u.test(name?.text ?? '');
    }
    if (!['NOUN', 'ADJ', 'ADV', 'PUNCT', 'VERB'].includes(w.pos) || (w.pos === 'PUNCT' && w.text !== '-')) return false;
  }
  return false;
}

/**
 * Whether assets or activities at `k` stand for their owner: "froze the assets of X", "banned the
 * activities of X", "banned its activities"; null where the word is neither.
 */
function ownerStandsFor(p: ParsedSentence, k: number): boolean | null {
  const w = p.words[k]!;
  if ((ASSET_WORDS.has(w.lower) || ACTIVITY_NOUNS.has(w.lower)) && p.lower(k + 1) === 'of') return objectNamed(p, k + 2);
  return ACTIVITY_NOUNS.has(w.lower) && POSSESSIVE_PRONOUNS.has(p.lower(k - 1)) ? true : null;
}

/**
 * The regions with the members of a set the step names, after an inclusion marker later in its
 * clause: "designated five groups as terrorist organisations, among them X and Y".
 */
function withMembers(p: ParsedSentence, clause: Clause, regions: Region[], from: number, next: number): Region[] {
  const end = Math.min(next, clause.to);
  for (let k = from; k < end; k++) {
    const marker = inclusionAt(p.words, k);
    if (marker === 0 || !p.inClause(clause, k) || regions.some(([a, b]) => k >= a && k < b)) continue;
    // The set must be one of organisations, not of people: "eleven people, including X" names people.
    const set = p.words.slice(from, k);
    const people = set.some((w, n) => PEOPLE_NOUNS.has(w.lower) && w.pos === 'NOUN' && set[n + 1]?.pos !== 'NOUN');
    if (!set.some((w) => SET_NOUNS.has(w.lower)) || people) return regions;
    return [...regions, [k + marker, p.phraseEnd(clause, k + marker, next)]];
  }
  return regions;
}

/** Where to look for what the step is about, in the order the rules are tried. */
export const REGION_RULES: Rule<RegionCase, Region[]>[] = [
  {
    name: 'joined-subject',
    says: 'A participle joined to a passive shares its subject: "X was listed by Canada in 2021 and proscribed by Britain in 2022".',
    examples: [
      {
        text: 'The Amber Wolf Brotherhood was listed by Canada in 2021 and proscribed by Britain in 2022.',
        claims: ['Canada listed Amber Wolf Brotherhood 2021', 'United Kingdom listed Amber Wolf Brotherhood 2022'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => (c.step.joinedTo ? (decide(REGION_RULES, { ...c, step: c.step.joinedTo })?.value ?? []) : undefined),
  },
  {
    name: 'undone-step-object',
    says: 'A verb that undoes a step is about what that step is about: "reversed the removal of X" is about X.',
    examples: [
      {
        text: 'The Council of the EU reversed the removal of the Amber Wolf Brotherhood from its terrorist list on Monday.',
        claims: ['European Union listed Amber Wolf Brotherhood 2024-09-09'],
      },
    ],
    apply: (c) => {
      const undone = c.step.undoes;
      if (!undone) return undefined;
      const clause = c.p.clauseAt(undone.at);
      return decide(REGION_RULES, { ...c, clause, step: undone, next: clause.to })?.value ?? [];
    },
  },
  {
    name: 'noun-phrase',
    says: 'A step noun is about the names in its own phrase: its modifiers ("the Front\'s ban"), a gerund\'s object, or its "of", "on", "against" phrase.',
    examples: [
      {
        text: "Britain's ban on the Amber Wolf Brotherhood took effect on Friday.",
        claims: ['United Kingdom listed Amber Wolf Brotherhood 2024-09-13'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: ({ p, clause, step, next }) => {
      if (!step.noun) return undefined;
      const regions: Region[] = [[p.nounPhraseStart(clause, step.at), step.at]];
      // A gerund takes its object as a verb does: "proposed listing the X", "a decree designating the X".
      const object = p.word(step.at + 1);
      if (object && (object.pos === 'DET' || object.pos === 'PROPN' || p.mentionAt(step.at + 1) !== null))
        regions.push([step.at + 1, p.phraseEnd(clause, step.at + 1, next)]);
      if (['of', 'on', 'against', 'for'].includes(p.lower(step.at + 1)) && namesDirectly(p, step.at + 2))
        regions.push([step.at + 1, p.phraseEnd(clause, step.at + 2, next)]);
      return withMembers(p, clause, regions, step.at + 1, next);
    },
  },
  {
    name: 'passive-subject',
    says: 'A passive step is about its subject: "the Front was banned".',
    examples: [
      {
        text: 'The Amber Wolf Brotherhood was banned by Norway in 2021.',
        claims: ['Norway listed Amber Wolf Brotherhood 2021'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: ({ p, clause, step, next }) => (step.passive ? withMembers(p, clause, [[p.subjectStart(clause, step.at), step.at]], step.at + 1, next) : undefined),
  },
  {
    name: 'ban-on-something-else',
    says: 'A verb whose object is a step noun on a common noun is about no organisation: "lifted a ban on the sale of fireworks".',
    examples: [
      {
        text: 'Delhi lifted a ban on the sale of firecrackers, which the Amber Wolf Brotherhood had opposed.',
        claims: [],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: ({ p, clause, step, next }) => {
      const end = p.phraseEnd(clause, step.at + 1, next);
      const noun = p.words.slice(step.at + 1, Math.min(end, step.at + 5)).findIndex((w) => baseOf(w.lemma) in STEP_NOUNS || baseOf(w.lower) in STEP_NOUNS);
      const at = step.at + 1 + noun;
      return noun >= 0 && ['on', 'of', 'against'].includes(p.lower(at + 1)) && !namesDirectly(p, at + 2) ? [[step.at + 1, at]] : undefined;
    },
  },
  {
    name: 'things-of-the-organisation',
    says: 'A verb whose object is a thing of an organisation, not a name, is not about the organisation: "banned rallies by the Front".',
    examples: [
      {
        text: 'Germany banned rallies by the Foo Front but stopped short of outlawing the group itself.',
        claims: [],
      },
    ],
    apply: ({ p, clause, step, next }) => {
      const end = p.phraseEnd(clause, step.at + 1, next);
      const stepNoun = p.words.slice(step.at + 1, Math.min(end, step.at + 5)).some((w) => baseOf(w.lemma) in STEP_NOUNS || baseOf(w.lower) in STEP_NOUNS);
      return !stepNoun && !objectNamed(p, step.at + 1) ? [[step.at + 1, step.at + 1]] : undefined;
    },
  },
  {
    name: 'verb-object',
    says: 'A verb step is about its object, up to the next predicate: "proscribed the Front and its youth wing".',
    examples: [{ text: 'Norway proscribed the Amber Wolf Brotherhood on Tuesday.', claims: ['Norway listed Amber Wolf Brotherhood 2024-09-10'] }],
    apply: ({ p, clause, step, next }) => withMembers(p, clause, [[step.at + 1, p.phraseEnd(clause, step.at + 1, next)]], step.at + 1, next),
  },
];

/** A mention in the step's regions, for the rules of which mentions are not what the step is about. */
interface MentionCase {
  p: ParsedSentence;
  m: Mentioned;
  /** Where its region starts. */
  from: number;
}

/** Mentions that are not the entity of the step, though they stand where it is named. */
export const MENTION_RULES: Rule<MentionCase, true>[] = [
  {
    name: 'name-modifies-noun',
    says: 'A name that qualifies another noun is not what the step is about: "a Foo Front leader", "the Foo Front\'s newspaper".',
    examples: [
      { text: 'Japan removed a Foo Front leader from its sanctions list.', claims: [], organisations: ['Foo Front'] },
      { text: 'France lifted its ban on the Foo Front’s newspaper, but the group itself remains outlawed.', claims: [], organisations: ['Foo Front'] },
      {
        text: 'Canada listed the Foo Front-backed Red Hand Brigade on Tuesday.',
        claims: ['Canada listed Red Hand Brigade 2024-09-10'],
        organisations: ['Foo Front', 'Red Hand Brigade'],
      },
    ],
    apply: ({ p, m }) => {
      const next = p.word(m.last + 1);
      if (!next) return undefined;
      // "the Foo Front-backed Brigade", "the Sulu-based Kataib": a name in a compound modifier.
      if (next.text === '-' && /^\p{Ll}/u.test(p.word(m.last + 2)?.text ?? '')) return true;
      const headNoun = (w: { lower: string } | undefined) => w !== undefined && !ORGANISATION_REFERENCES.has(w.lower) && !(baseOf(w.lower) in STEP_NOUNS);
      // "a hardline Sunni group": a name after an indefinite article qualifies the noun after it.
      let d = m.first - 1;
      while (d > 0 && p.words[d]!.pos === 'ADJ' && /^\p{Ll}/u.test(p.words[d]!.text)) d--;
      if (['a', 'an'].includes(p.lower(d)) && next.pos === 'NOUN' && /^\p{Ll}/u.test(next.text)) return true;
      if (possessiveAt(p.words, m.last + 1)) {
        // "the Front's chief recruiter": its people.
        if (p.words.slice(m.last + 2, m.last + 5).some((w) => MEMBER_NOUNS.has(w.lower))) return true;
        // "the PKK's former envoy": the noun past its adjectives.
        let h = m.last + 2;
        while (p.word(h)?.pos === 'ADJ') h++;
        return p.word(h)?.pos === 'NOUN' && headNoun(p.word(h)) ? true : undefined;
      }
      return next.pos === 'NOUN' && /^\p{Ll}/u.test(next.text) && headNoun(next) && !LIST_NOUNS.has(next.lower) ? true : undefined;
    },
  },
  {
    name: 'member-of-organisation',
    says: 'A step on a member of an organisation is not a step on it: "sanctioned three leaders of the Front".',
    examples: [{ text: 'Canada designated three leaders of the Foo Front on Tuesday.', claims: [], organisations: ['Foo Front'] }],
    apply: ({ p, m, from }) => {
      const k = ofBefore(p, m, from);
      return k !== null && MEMBER_NOUNS.has(p.lower(k - 1)) ? true : undefined;
    },
  },
  {
    name: 'apposition-of-object',
    says: 'A name in an apposition that describes the object is not the object: "listed the Red Hand, an offshoot of the Front".',
    examples: [
      {
        text: 'Canada listed the Red Hand Brigade, a splinter of the Foo Front, as a terrorist entity.',
        claims: ['Canada listed Red Hand Brigade -'],
        organisations: ['Foo Front', 'Red Hand Brigade'],
      },
    ],
    apply: ({ p, m, from }) => {
      const k = ofBefore(p, m, from);
      if (k === null) return undefined;
      // A noun phrase after a comma that opens with "a", "an" or "the".
      let c = k - 1;
      const opener = (i: number) => ['a', 'an', 'the', 'its'].includes(p.lower(i));
      while (c > from && ['NOUN', 'ADJ', 'PROPN', 'PART'].includes(p.words[c]!.pos) && !opener(c)) c--;
      return c > from && opener(c) && p.words[c - 1]!.text === ',' && c - 1 > from ? true : undefined;
    },
  },
];

/** The word "of" before a name (past "the", "its"), when it lies inside the region: "leaders of the Front". */
function ofBefore(p: ParsedSentence, m: Mentioned, from: number): number | null {
  let k = m.first - 1;
  // "commanders of the Haqqani-linked Front": past a compound modifier, then determiners.
  if (p.lower(k - 1) === '-' && /ed$/.test(p.lower(k)) && p.word(k - 2)?.end === p.word(k - 1)?.start) k -= 3;
  // "an offshoot of the separatist Front": past the determiner and the adjectives before the name.
  while (k >= from && (['the', 'its', 'their'].includes(p.lower(k)) || (['ADJ', 'NOUN'].includes(p.words[k]!.pos) && /^\p{Ll}/u.test(p.words[k]!.text)))) k--;
  return k > from && p.lower(k) === 'of' ? k : null;
}

/**
 * Whether a mention may be the entity of a step: an organisation, or a country where the sentence
 * (or the one before, through its claims) speaks of a list of countries such as state sponsors
 * of terrorism.
 */
function mayBeEntity(c: TargetCase, m: Mentioned): boolean {
  if (m.mention.kind === 'organisation') return true;
  if (m.authority !== m.mention.entityId || isInternationalBody(m.authority)) return false;
  return countryListTold(c);
}

/** Whether the sentence or the article before it speaks of a list of countries. */
const countryListTold = (c: TargetCase) => c.context.countryList || COUNTRY_LIST.test(c.p.text);

/** The organisations (or countries) named where the step looks, each with the mention rule that sets it aside, if one does. */
function mentionsWhereStepLooks(c: TargetCase): { m: Mentioned; setAside: string | null }[] {
  const out: { m: Mentioned; setAside: string | null }[] = [];
  for (const [from, to] of c.regions) {
    for (const m of c.p.mentioned) {
      const inRegion = m.first >= from && m.last < to && mayBeEntity(c, m);
      const own = c.p.inClause(c.clause, m.first) || (c.clause.antecedent !== null && m.first === from);
      if (inRegion && own) out.push({ m, setAside: decide(MENTION_RULES, { p: c.p, m, from })?.rule ?? null });
    }
  }
  return out;
}

/** The proper names of organisations where the step looks (see findOrganisationNames), new ones as entities. */
function namesWhereStepLooks(c: TargetCase, keep: (at: number) => boolean = () => true): { ids: string[]; found: Entity[]; named: Named[] } {
  const ids: string[] = [];
  const found: Entity[] = [];
  const named: Named[] = [];
  for (const [from, to] of c.regions) {
    const list = findOrganisationNames(
      c.p.words,
      from,
      to,
      (k) => c.p.mentionAt(k) !== null,
      (k) => c.p.mentionAt(k)?.authority != null && c.p.mentionAt(k)!.first === k,
    );
    // One list of names: kept whole when its first name is.
    if (list.length === 0 || !keep(list[0]!.at)) continue;
    for (const name of list) {
      const shortFor = shortNameOf(c, name.name);
      if (shortFor !== null) {
        ids.push(shortFor);
        continue;
      }
      const id = entityId(name.name);
      const known = c.p.entity(id) ?? c.discovered.get(id);
      if (known && known.kind !== 'organisation') continue;
      // A name seen before with aliases it did not have ("... (HDN)") gains them.
      const fresh = name.aliases.filter((a) => !known || (a !== known.name && !known.aliases.includes(a)));
      if (!known || fresh.length > 0)
        found.push({ id, name: known?.name ?? name.name, kind: 'organisation', aliases: known ? fresh : name.aliases, partOf: null });
      named.push({ at: name.at, id });
      ids.push(id);
    }
  }
  return { ids: [...new Set(ids)], found, named };
}

/** Whether the name at `at` follows a known organisation in one list: only joiners and a set's words between ("X and its media arm, Y"). */
function listedAfterMention(p: ParsedSentence, at: number): boolean {
  for (let k = at - 1; k >= Math.max(0, at - 10); k--) {
    const m = p.mentionAt(k);
    if (m !== null) return m.mention.kind === 'organisation';
    const w = p.words[k]!;
    // "X (XF) and Y": past the bracketed other name of X.
    if (w.text === ')' && p.lower(k - 2) === '(') {
      k -= 2;
      continue;
    }
    if (/^\p{Lu}/u.test(w.text) && w.lower !== 'the') return false;
    if (!['DET', 'NUM', 'ADJ', 'NOUN', 'PRON', 'CCONJ', 'PUNCT'].includes(w.pos) && w.lower !== 'of' && inclusionAt(p.words, k) === 0) return false;
  }
  return false;
}

/** The organisation named before that a one-word name stands for, as its last word: "the Legion" for the Valdren Iron Legion. */
function shortNameOf(c: TargetCase, name: string): string | null {
  if (/\s/.test(name)) return null;
  const named = [...c.context.organisations, ...c.p.mentioned.filter((m) => m.mention.kind === 'organisation').map((m) => m.mention.entityId)];
  const lastWord = (n: string) => n.split(/\s+/).pop()!.toLowerCase();
  return (
    named.find((id) => {
      const e = c.p.entity(id) ?? c.context.candidates.get(id);
      return e !== undefined && e.name !== name && [e.name, ...e.aliases].some((n) => /\s/.test(n) && lastWord(n) === name.toLowerCase());
    }) ?? null
  );
}

/** An organisation a reference stands for; one only seen as a name so far becomes an entity now. */
function referTo(c: TargetCase, id: string): { id: string; found: Entity[] } {
  const candidate = c.context.candidates.get(id) ?? c.p.candidates.get(id);
  return { id, found: !c.p.entity(id) && candidate ? [candidate] : [] };
}

function nearestOrganisationBefore(c: TargetCase, i: number): string | null {
  const before = [
    ...c.p.mentioned.filter((m) => m.last < i && m.mention.kind === 'organisation').map((m) => ({ at: m.first, id: m.mention.entityId })),
    ...c.named.filter((n) => n.at < i),
  ].sort((a, b) => a.at - b.at);
  return before.length > 0 ? before[before.length - 1]!.id : null;
}

/** "the group", "it": a reference to an organisation in the words, not a word of a name ("the Peasant Front"). */
function hasOrganisationReference(p: ParsedSentence, from: number, to: number): boolean {
  for (let k = Math.max(0, from); k < to; k++) {
    const w = p.words[k]!;
    if (ORGANISATION_PRONOUNS.has(w.lower)) return true;
    if (POSSESSIVE_PRONOUNS.has(w.lower) && ACTIVITY_NOUNS.has(p.lower(k + 1))) return true; // "banned its activities"
    if (isPossessive(p.word(k + 1))) continue; // "the group's Vienna chapter": another entity
    if (!ORGANISATION_REFERENCES.has(w.text) || qualifiesAnother(p, from, k)) continue;
    const between = p.words.slice(Math.max(from, k - 4), k);
    if (between.some((d) => DEFINITE.has(d.lower)) && !between.some((d) => /^\p{Lu}/u.test(d.text) && d.lower !== 'the')) return true;
  }
  return false;
}

/**
 * Whether the reference at `k` only qualifies another noun through "of" or "for": "three leaders of
 * the group", "a former accountant for the cartel" (what the step names is a person or a thing).
 */
function qualifiesAnother(p: ParsedSentence, from: number, k: number): boolean {
  const at = p.lower(k - 1) === 'the' ? k - 2 : k - 1;
  if (!['of', 'for'].includes(p.lower(at))) return false;
  const head = p.lower(at - 1);
  if (MEMBER_NOUNS.has(head) || PEOPLE_NOUNS.has(head)) return true;
  // "a former accountant for the cartel": an indefinite phrase names someone or something else.
  let d = at - 1;
  while (d > from && ['NOUN', 'ADJ', 'ADV'].includes(p.words[d]!.pos)) d--;
  return ['a', 'an'].includes(p.lower(d));
}

/**
 * "X, which Canada banned in 2019": a relative clause whose "which" is the step's object, the
 * clause's own subject standing between it and the verb, and no object after the verb.
 */
function objectGap(c: TargetCase): boolean {
  const { p, clause, step } = c;
  if (step.noun || clause.antecedent === null || !OBJECT_RELATIVES.has(p.lower(clause.from - 1))) return false;
  if (!p.words.slice(clause.from, step.at).some((w) => w.pos === 'PROPN' || w.pos === 'NOUN' || w.pos === 'PRON')) return false;
  // Nothing the verb could take as its object: a preposition, an adverb, a date, the clause's end.
  const next = p.word(step.at + 1);
  return (
    next === undefined ||
    step.at + 1 >= clause.to ||
    ['ADP', 'ADV', 'PUNCT', 'SCONJ', 'CCONJ', 'NUM', 'PART'].includes(next.pos) ||
    TIME_MODIFIERS.has(next.lower)
  );
}

/** Whether a step refers to one told before: "the designation was revoked", "lifted the label", "the listing took effect". */
function refersBack(c: TargetCase): boolean {
  const { p, clause, step } = c;
  if (step.repeats) return c.context.steps.length > 0 || c.made.length > 0;
  // "lifted the ban on travel": a step on something else refers to no step told.
  if (c.regionRule === 'ban-on-something-else') return false;
  if (step.noun) {
    const told = c.context.steps.length > 0 || c.made.length > 0;
    // "the designation", "its ban", "Britain's proscription order", or a pronoun for the step: "..., but it only came into force on 16 May".
    const refers = REFERRING_DETERMINERS.has(p.lower(step.at - 1)) || STEP_PRONOUNS.has(p.lower(step.at)) || isPossessive(p.word(step.at - 1));
    return told && refers && p.inClause(clause, step.at);
  }
  const [from, to] = step.passive ? [p.subjectStart(clause, step.at), step.at] : [step.at + 1, p.phraseEnd(clause, step.at + 1, c.next)];
  for (let k = from; k < to; k++) {
    const w = p.words[k]!;
    // "removed from its sanctions list": a list's name, not a step told.
    const noun = (p.isStepNoun(k) && !LIST_NOUNS.has(p.lower(k + 1))) || (step.passive ? STEP_REFERENCES.has(w.lower) : DESIGNATION_OBJECTS.has(w.lower));
    if (noun && p.definiteBetween(step.passive ? from : step.at + 1, k, REFERRING_DETERMINERS)) return true;
  }
  return false;
}

const targets = (ids: string[], found: Entity[] = [], named: Named[] = [], referred: Claim[] | null = null): Targets => ({ ids, found, named, referred });

/** What the step is about, in the order the rules are tried. */
export const TARGET_RULES: Rule<TargetCase, Targets>[] = [
  {
    name: 'named-where-step-looks',
    says: 'The organisations named where the step looks (its object, passive subject or noun phrase) are what it is about.',
    examples: [
      {
        text: 'Canada listed the Amber Wolf Brotherhood and the Red Hand Brigade as terrorist entities.',
        claims: ['Canada listed Amber Wolf Brotherhood -', 'Canada listed Red Hand Brigade -'],
        organisations: ['Amber Wolf Brotherhood', 'Red Hand Brigade'],
      },
    ],
    apply: (c) => {
      const found = mentionsWhereStepLooks(c).flatMap(({ m, setAside }) => (setAside ? [] : [m.mention.entityId]));
      if (found.length === 0) return undefined;
      // Names the knowledge base does not know yet, listed with the known ones: "X and its media arm, Y".
      const names = namesWhereStepLooks(c, (at) => listedAfterMention(c.p, at));
      return targets([...new Set([...found, ...names.ids])], names.found, names.named);
    },
  },
  {
    name: 'relative-antecedent',
    says: 'A passive relative clause, or one whose "which" is the object, is about its antecedent: "X, which was banned", "X, which Canada banned".',
    examples: [
      {
        text: 'Officials in Oslo spoke about the Amber Wolf Brotherhood, which Canada banned in 2021.',
        claims: ['Canada listed Amber Wolf Brotherhood 2021'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => {
      if (c.clause.antecedent === null || !(c.step.passive || objectGap(c))) return undefined;
      const m = c.p.mentioned.find((x) => x.last === c.clause.antecedent && mayBeEntity(c, x));
      return m ? targets([m.mention.entityId]) : undefined;
    },
  },
  {
    name: 'organisation-reference',
    says: '"the group", "the militia", "it" stand for the organisation named before, in the sentence or the article.',
    examples: [
      {
        before: ['The Amber Wolf Brotherhood attacked a ferry in June.'],
        text: 'Norway banned the group on Tuesday.',
        claims: ['Norway listed Amber Wolf Brotherhood 2024-09-10'],
      },
    ],
    apply: (c) => {
      for (const [from, to] of c.regions) {
        if (!hasOrganisationReference(c.p, from, to)) continue;
        const referent = nearestOrganisationBefore(c, from) ?? c.context.organisations[c.context.organisations.length - 1];
        if (referent === undefined) continue;
        const { id, found } = referTo(c, referent);
        return targets([id], found);
      }
      return undefined;
    },
  },
  {
    name: 'country-reference',
    says: '"the country", "the island" stand for the country named before, on a list of countries: "took the country off the list".',
    examples: [
      {
        text: 'Washington put North Korea back on its list of state sponsors of terrorism, nine years after it took the country off the list.',
        claims: ['United States listed North Korea -', 'United States removed North Korea -'],
      },
    ],
    apply: (c) => {
      if (!countryListTold(c)) return undefined;
      for (const [from, to] of c.regions) {
        const at = c.p.words.slice(from, to).findIndex((w, k) => COUNTRY_REFERENCES.has(w.lower) && DEFINITE.has(c.p.lower(from + k - 1)));
        if (at < 0) continue;
        const country = c.p.mentioned.filter((m) => m.last < from + at && m.authority === m.mention.entityId && !isInternationalBody(m.authority)).pop();
        const told = c.context.steps.find((s) => c.p.entity(s.targetId)?.kind === 'authority')?.targetId;
        const id = country?.mention.entityId ?? told;
        if (id !== undefined) return targets([id]);
      }
      return undefined;
    },
  },
  {
    name: 'organisation-named',
    says: 'A proper name that a step designates is an organisation, known or not: "listed the Harbour Dawn Network (HDN)".',
    examples: [
      {
        text: 'Canada listed the Harbour Dawn Network (HDN), also known as Fajr al-Mina, as a terrorist entity.',
        claims: ['Canada listed Harbour Dawn Network -'],
      },
    ],
    apply: (c) => {
      const names = namesWhereStepLooks(c);
      return names.ids.length > 0 ? targets(names.ids, names.found, names.named) : undefined;
    },
  },
  {
    name: 'step-referred-to',
    says: 'A step on a step told before ("the designation was revoked", "lifted the label") is about that step\'s entity.',
    examples: [
      {
        before: ['Canada listed the Amber Wolf Brotherhood in 2015.'],
        text: 'The designation was revoked on Tuesday.',
        claims: ['Canada removed Amber Wolf Brotherhood 2024-09-10'],
      },
    ],
    apply: (c) => {
      if (!refersBack(c)) return undefined;
      const steps = c.made.length > 0 ? c.made : c.context.steps;
      const ids = [...new Set(steps.map((s) => s.targetId))];
      if (ids.length > 0) return targets(ids, [], [], steps);
      const last = c.context.organisations[c.context.organisations.length - 1];
      if (last === undefined) return undefined;
      const { id, found } = referTo(c, last);
      return targets([id], found, [], steps);
    },
  },
];

/** What a step is about: the rule's entities, or none. */
export function targetsOf(c: Omit<TargetCase, 'regions' | 'regionRule'>): TargetVerdicts {
  const regions = decide(REGION_RULES, c) ?? { value: [], rule: 'nowhere' };
  const full = { ...c, regions: regions.value, regionRule: regions.rule };
  const setAside = [...new Set(mentionsWhereStepLooks(full).flatMap((x) => (x.setAside ? [x.setAside] : [])))];
  return { regions, targets: decide(TARGET_RULES, full), setAside };
}
