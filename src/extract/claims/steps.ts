import {
  ASSET_WORDS,
  AUTHORITY_REFERENCES,
  AS_NOT_COMPLEMENT,
  BE,
  baseOf,
  DEFINITE,
  DESIGNATION_COMPLEMENTS,
  DESIGNATION_OBJECTS,
  IN_FORCE,
  isTerrorWord,
  isIrregularVerbForm,
  isVocabulary,
  LAPSE_OBJECTS,
  LAPSE_VERBS,
  LIST_NOUNS,
  LIST_PREPOSITIONS,
  LISTED_PARTICIPLES,
  LISTING_VERBS,
  MARKET_WORDS,
  ORGANISATION_PRONOUNS,
  ORGANISATION_REFERENCES,
  POSSESSIVE_PRONOUNS,
  RELATIVE_PRONOUNS,
  REMOVAL_VERBS,
  REPEATING_OBJECTS,
  REPEATING_VERBS,
  SANCTION_NOUNS,
  STEP_NOUNS,
  STEP_PRONOUNS,
  STEP_REFERENCES,
  SUBORDINATORS,
  UNDOING_VERBS,
} from '../cues.js';
import { intransitiveRemovals, removalParticles } from '../lexicon.js';
import type { DateMention } from '../dates.js';
import type { Word } from '../parse.js';
import type { Claim, DesignationState } from '../types.js';
import { authorityAgent } from './authority.js';
import { type Clause, isPossessive, type ParsedSentence } from './parsedSentence.js';
import { decide, type Rejection, type Rule } from './rule.js';

/** Where a sentence names a step (a verb or a noun), and how. */
export interface StepMention {
  at: number;
  state: 'listed' | 'removed';
  /** A noun ("the designation") rather than a verb. */
  noun: boolean;
  passive: boolean;
  /** The rule that read the step. */
  rule: string;
  /** For a verb that undoes a step ("reversed the removal of X"): the step it undoes. */
  undoes?: StepMention;
  /** For a verb that repeats the step told before ("Kuwait followed on Monday"): true. */
  repeats?: true;
  /** For a participle joined to a passive step ("listed by Canada in 2021 and proscribed by Britain"): that step, whose subject it shares. */
  joinedTo?: StepMention;
}

/** A word that may name a step, with what the rules ask of it. */
export interface StepCase {
  p: ParsedSentence;
  clause: Clause;
  i: number;
  w: Word;
  /** Its dictionary form (see baseOf). */
  base: string;
  before: Word | undefined;
  /** Used as a verb: a verb, a participle, or a step verb after a modal or "to". */
  verbal: boolean;
  passive: boolean;
  /** The clause's next 35 words. */
  after: Word[];
  /** The step noun it is, when it is used as a noun. */
  noun: string | null;
  /** The step told before it in its clause ("... and removed it"). */
  earlier: StepMention | undefined;
  /** Claims made earlier in the sentence. */
  made: Claim[];
  /** Claims of the sentence before, when this one has made none. */
  told: Claim[];
  /** A passive step this participle is joined to by "and", sharing its subject. */
  joinedTo: StepMention | undefined;
}

type StepRule = Rule<StepCase, Omit<StepMention, 'rule'> | null>;

const inverse = (state: 'listed' | 'removed') => (state === 'listed' ? 'removed' : 'listed');

/**
 * The step named in the object of an undoing verb, read by the other rules: "the removal of X",
 * "the order banning X", "the notice that had declared X a terrorist group" (a relative clause on
 * the object counts). Null where the object names none within a few words.
 */
function undoneStep(c: StepCase): StepMention | null {
  const { p, i } = c;
  const others = STEP_RULES.filter((r) => r.name !== 'undoes-a-step');
  for (let k = i + 1; k < Math.min(p.words.length, i + 14); k++) {
    const w = p.words[k]!;
    // The object ends at another predicate: "reversed course and designated the group".
    if (w.text === ';' || w.pos === 'CCONJ' || (w.text === ',' && !RELATIVE_PRONOUNS.has(p.lower(k + 1)))) break;
    if (p.mentionAt(k) !== null) continue;
    const clause = p.clauseAt(k);
    if (clause !== c.clause && clause.antecedent === null) break;
    const inner = stepCase(p, clause, k, undefined, c.made, c.told);
    const verdict = inner && decide(others, inner);
    if (verdict?.value) return { ...verdict.value, rule: verdict.rule };
  }
  return null;
}

const step = (c: StepCase, state: 'listed' | 'removed', noun = false, passive = c.passive) => ({
  at: c.i,
  state,
  noun,
  passive,
  ...(c.joinedTo && passive ? { joinedTo: c.joinedTo } : {}),
});
/** Whether a verb's particle follows it in its phrase, before any comma: "took the group off", "set the ban on X aside". */
const particleAfter = (c: StepCase, particles: string[]) => {
  const end = c.after.findIndex((a) => [',', ';', ':', '.'].includes(a.text));
  return c.after.slice(0, end < 0 ? 12 : Math.min(end, 12)).some((a) => particles.includes(a.lower));
};
const isListing = (c: StepCase) => c.verbal && c.base in LISTING_VERBS;
const isRemoval = (c: StepCase) => c.verbal && c.base in REMOVAL_VERBS;
/** The state of the step a reference stands for: a pending step's own direction. */
const stateOf = (told: { state: DesignationState; toward?: 'listed' | 'removed' }) => (told.state === 'pending' ? told.toward! : told.state);

/**
 * A list noun after a preposition in the words: "to its list of terrorist entities", "from the
 * register"; or, where the sentence has named a list before the step, "it" after one ("put back on it").
 */
function listAfter(c: StepCase): boolean {
  const { after } = c;
  if (after.some((a, k) => LIST_NOUNS.has(a.lower) && after.slice(Math.max(0, k - 9), k).some((b) => LIST_PREPOSITIONS.has(b.lower)))) return true;
  // "In Schedule 2 to the Act, insert X": the list phrase fronted in the step's clause.
  const fronted = c.p.words.slice(c.clause.from, c.i);
  const listNoun = (w: Word | undefined) => w !== undefined && LIST_NOUNS.has(w.lower) && ['NOUN', 'PROPN'].includes(w.pos);
  if (fronted.some((w, k) => LIST_PREPOSITIONS.has(w.lower) && w.pos === 'ADP' && listNoun(fronted[k + 1]))) return true;
  const listTold = c.p.words.slice(0, c.i).some((w) => LIST_NOUNS.has(w.lower));
  return listTold && after.slice(0, 4).some((a, k) => a.lower === 'it' && LIST_PREPOSITIONS.has(after[k - 1]?.lower ?? ''));
}

/** A step noun, a designation object or sanctions within the next eight words: "lifted the ban", "revoked its status". */
function stepNounNear(after: Word[]): boolean {
  return after
    .slice(0, 8)
    .some((a) => baseOf(a.lemma) in STEP_NOUNS || baseOf(a.lower) in STEP_NOUNS || DESIGNATION_OBJECTS.has(a.lower) || SANCTION_NOUNS.has(a.lower));
}

/** A noun of "something else" before a step noun: "the travel ban", not "the terror ban". */
function otherModifier(modifier: Word | undefined): boolean {
  return modifier !== undefined && modifier.pos === 'NOUN' && /^\p{Ll}/u.test(modifier.text) && !isTerrorWord(modifier.lower);
}

/** A step noun (or reference, or "status") before the verb in its clause: "the listing lapsed", "the ban ... was lifted". */
function stepNounBefore(p: ParsedSentence, clause: Clause, i: number): boolean {
  for (let k = i - 1; k >= clause.from; k--) {
    if (!p.inClause(clause, k)) continue;
    const w = p.words[k]!;
    if (w.pos === 'VERB' && k < i - 1 && p.lower(k + 1) !== 'to' && !p.inAliasOpener(k)) break;
    if (otherModifier(p.words[k - 1])) continue; // "the travel ban": a ban of something else
    if (p.isStepNoun(k) || STEP_REFERENCES.has(w.lower) || DESIGNATION_OBJECTS.has(w.lower)) return true;
  }
  return clause.antecedent !== null && p.isStepNoun(clause.antecedent);
}

/**
 * "as a terrorist entity" fits a designation; "de-listed ... as a registered political party" does
 * not. The complement ends at its agent: "listed as a charity by Britain" is not fitted by "Britain".
 */
function complementFits(after: Word[]): boolean {
  const as = after.findIndex((a) => a.lower === 'as');
  // "as well as", "as part of", "as reported by the news agency": no complement of the step.
  if (as < 0 || AS_NOT_COMPLEMENT.has(after[as + 1]?.lower ?? '') || after[as + 1]?.pos === 'VERB') return true;
  const by = after.findIndex((a, k) => k > as && a.lower === 'by');
  return after
    .slice(as + 1, Math.min(as + 8, by < 0 ? after.length : by))
    .some((a) => isTerrorWord(a.lower) || LIST_NOUNS.has(a.lower) || DESIGNATION_COMPLEMENTS.has(a.lower) || /^\p{Lu}/u.test(a.text));
}

/** "Canada listed X", "X was listed by Canada": an authority does the listing, in its own clause. */
function listedByAuthority(c: StepCase): boolean {
  const { p, clause, i } = c;
  if (c.passive) return authorityAgent(p, clause, i);
  // "Canada, which listed X": the authority the relative clause hangs from; "Canada waited until 2021 to list X": the infinitive's subject.
  const antecedent = clause.antecedent !== null ? p.mentionAt(clause.antecedent) : null;
  if (antecedent?.authority != null) return true;
  const infinitive = p.lower(i - 1) === 'to';
  return p.mentioned.some((m) => m.authority !== null && m.last < i && (infinitive || p.inClause(clause, m.first)));
}

/** What counts as a step, in the order the rules are tried: a rule that returns null blocks the word. */
export const STEP_RULES: StepRule[] = [
  {
    name: 'participle-modifier',
    says: 'A participle that only describes a noun is no step: "the schedule of banned organisations", "the Specially Designated Nationals list".',
    examples: [
      {
        text: 'Police raided the offices of banned organisations linked to the Amber Wolf Brotherhood.',
        claims: [],
        organisations: ['Amber Wolf Brotherhood'],
      },
      { text: 'OFAC added the Golden Delta Exchange to the Specially Designated Nationals list.', claims: ['United States listed Golden Delta Exchange -'] },
    ],
    apply: (c) => {
      const next = c.p.word(c.i + 1);
      const describes =
        (/^\p{Lu}/u.test(c.w.text) && c.i > 0) ||
        (['DET', 'ADP', 'ADJ'].includes(c.before?.pos ?? '') && c.before?.lower !== 'by' && ['NOUN', 'PROPN', 'ADJ'].includes(next?.pos ?? ''));
      return /(ed|en)$/.test(c.w.lower) && describes ? null : undefined;
    },
  },
  {
    name: 'gerund-as-noun',
    says: 'A gerund after a preposition, a determiner or a possessive names a step as a noun does: "the listing of", "its blacklisting".',
    examples: [
      { text: 'Norway announced the blacklisting of the Amber Wolf Brotherhood on Tuesday.', claims: ['Norway listed Amber Wolf Brotherhood 2024-09-10'] },
      { text: 'Lawyers for the Amber Wolf Brotherhood wrote a report on revoking designations.', claims: [], organisations: ['Amber Wolf Brotherhood'] },
    ],
    apply: (c) => {
      const { w, before, p, i } = c;
      if (!/ing$/.test(w.lower) || !(c.base in LISTING_VERBS || c.base in REMOVAL_VERBS || c.base in STEP_NOUNS)) return undefined;
      const possessive = before !== undefined && (isPossessive(before) || POSSESSIVE_PRONOUNS.has(before.lower));
      const nominal =
        possessive ||
        (before?.pos === 'NOUN' && p.mentionAt(i - 1) === null && !ORGANISATION_REFERENCES.has(before.lower)) ||
        (p.mentionAt(i - 1)?.authority != null && p.lower(i - 2) !== ',') || // "the US delisting of X"
        afterQualifier(p, i) ||
        (['ADP', 'DET', 'SCONJ'].includes(before?.pos ?? '') && !['to', 'by'].includes(before?.lower ?? ''));
      if (!nominal) return undefined;
      return step(c, c.base in STEP_NOUNS ? STEP_NOUNS[c.base]! : c.base in LISTING_VERBS ? 'listed' : 'removed', true, false);
    },
  },
  {
    name: 'complement-not-designation',
    says: 'A step verb whose "as" complement names no designation lists nothing: "de-listed as a registered political party".',
    examples: [
      {
        text: 'The Amber Wolf Brotherhood was de-listed as a registered political party by Norway last month.',
        claims: [],
        organisations: ['Amber Wolf Brotherhood'],
      },
      { text: 'Norway listed the Amber Wolf Brotherhood as a terrorist entity last month.', claims: ['Norway listed Amber Wolf Brotherhood 2024-08'] },
    ],
    apply: (c) => ((isListing(c) || isRemoval(c)) && !complementFits(c.after) ? null : undefined),
  },
  {
    name: 'listed-by-an-authority',
    says: 'A bare "list" is a designation when an authority does it, unless on a market: "Canada listed X", "X was listed by Canada".',
    examples: [
      {
        text: 'The Amber Wolf Brotherhood was listed by Canada in 2021.',
        claims: ['Canada listed Amber Wolf Brotherhood 2021'],
        organisations: ['Amber Wolf Brotherhood'],
      },
      {
        text: 'The Golden Delta Exchange, which Canada listed on the Toronto Stock Exchange in 2019, was sold last year.',
        claims: [],
        organisations: ['Golden Delta Exchange'],
      },
    ],
    apply: (c) =>
      isListing(c) && c.base === 'list' && listedByAuthority(c) && !c.after.slice(0, 10).some((a) => MARKET_WORDS.has(a.lower)) ? step(c, 'listed') : undefined,
  },
  {
    name: 'listing-needs-terror-word',
    says: '"list", "label", "declare" and their kind designate only beside a terror, extremist or list word: "declared a terrorist organisation".',
    examples: [
      { text: 'Norway declared the Amber Wolf Brotherhood a terrorist organisation on Tuesday.', claims: ['Norway listed Amber Wolf Brotherhood 2024-09-10'] },
      { text: "Norway declared the Amber Wolf Brotherhood's ban on phones a success.", claims: [], organisations: ['Amber Wolf Brotherhood'] },
    ],
    apply: (c) =>
      isListing(c) && LISTING_VERBS[c.base] === 'terror' && !c.after.some((a) => isTerrorWord(a.lower) || LIST_NOUNS.has(a.lower)) ? null : undefined,
  },
  {
    name: 'listing-needs-list-phrase',
    says: '"add", "place", "put", "include" designate only onto a list: "added X to its list of terrorist entities".',
    examples: [
      { text: 'Canada added the Red Meridian Network to its list of terrorist entities.', claims: ['Canada listed Red Meridian Network -'] },
      { text: 'Canada added the Red Meridian Network to a panel on the terrorist threat.', claims: [], organisations: ['Red Meridian Network'] },
    ],
    apply: (c) => (isListing(c) && LISTING_VERBS[c.base] === 'list' && !listAfter(c) ? null : undefined),
  },
  {
    name: 'impose-needs-sanctions',
    says: '"impose" designates only when it imposes sanctions: "imposed sanctions on X".',
    examples: [
      { text: 'Japan imposed sanctions on the Tokai Liberation Cell on Tuesday.', claims: ['Japan listed Tokai Liberation Cell 2024-09-10'] },
      { text: 'Japan imposed a curfew on districts where the banned Tokai Liberation Cell operates.', claims: [], organisations: ['Tokai Liberation Cell'] },
    ],
    apply: (c) => (isListing(c) && LISTING_VERBS[c.base] === 'object' && !c.after.slice(0, 3).some((a) => SANCTION_NOUNS.has(a.lower)) ? null : undefined),
  },
  {
    name: 'freeze-needs-assets',
    says: '"freeze" and "unfreeze" list or remove only the assets of their object: "froze the assets of X".',
    examples: [
      { text: 'Singapore froze the assets of the Amber Wolf Brotherhood on Friday.', claims: ['Singapore listed Amber Wolf Brotherhood 2024-09-13'] },
      {
        text: 'Singapore froze hiring at ministries that had investigated the banned Amber Wolf Brotherhood.',
        claims: [],
        organisations: ['Amber Wolf Brotherhood'],
      },
      { text: 'Norway froze the banned Amber Wolf Brotherhood out of the peace talks.', claims: [], organisations: ['Amber Wolf Brotherhood'] },
    ],
    apply: (c) =>
      (isListing(c) ? LISTING_VERBS[c.base] : isRemoval(c) ? REMOVAL_VERBS[c.base] : null) === 'assets' &&
      !c.after.slice(0, 4).some((a) => ASSET_WORDS.has(a.lower))
        ? null
        : undefined,
  },
  {
    name: 'ban-from-doing',
    says: '"banned firms from trading with X" restricts others; it is no listing of X.',
    examples: [{ text: 'Norway banned its firms from trading with the Amber Wolf Brotherhood.', claims: [], organisations: ['Amber Wolf Brotherhood'] }],
    apply: (c) =>
      isListing(c) && c.base === 'ban' && c.after.some((a, k) => a.lower === 'from' && /ing$/.test(c.after[k + 1]?.lower ?? '')) ? null : undefined,
  },
  {
    name: 'listing-verb',
    says: 'A verb of listing puts its object on a list: designate, proscribe, blacklist, outlaw, ban, sanction, re-list.',
    examples: [{ text: 'Norway proscribed the Amber Wolf Brotherhood on Tuesday.', claims: ['Norway listed Amber Wolf Brotherhood 2024-09-10'] }],
    apply: (c) => (isListing(c) ? step(c, 'listed') : undefined),
  },
  {
    name: 'repeats-a-step',
    says: 'A verb that repeats the step told before takes it for its own subject: "Bahrain designated X, and Kuwait followed on Monday", "Kyrgyzstan did the same".',
    examples: [
      {
        text: 'Bahrain designated the Amber Wolf Brotherhood as a terrorist group last month, and Kuwait followed on Monday.',
        claims: ['Bahrain listed Amber Wolf Brotherhood 2024-08', 'Kuwait listed Amber Wolf Brotherhood 2024-09-09'],
      },
    ],
    apply: (c) => {
      if (!c.verbal || !REPEATING_VERBS.has(c.base)) return undefined;
      const told = c.earlier ? [c.earlier] : c.made.length > 0 ? c.made : c.told;
      const next = c.after[0];
      // "followed on Monday", "followed suit", "did the same", "did so"; not "followed Britain in banning X".
      const repeats =
        c.base === 'do'
          ? REPEATING_OBJECTS.has(c.after.find((a) => a.lower !== 'the')?.lower ?? '')
          : next === undefined || ['ADP', 'PUNCT', 'CCONJ'].includes(next.pos) || REPEATING_OBJECTS.has(next.lower);
      if (told.length === 0 || !repeats || (c.base === 'follow' && c.p.lower(c.i + 1) === 'in' && /ing$/.test(c.p.lower(c.i + 2)))) return undefined;
      return { ...step(c, stateOf(told[told.length - 1]!)), repeats: true as const };
    },
  },
  {
    name: 'came-off-a-list',
    says: 'A subject that comes off a list is removed from it: "Iraq came off the State Department\'s list in 2004".',
    examples: [{ text: "Iraq came off the State Department's list of state sponsors of terrorism in 2004.", claims: ['United States removed Iraq 2004'] }],
    apply: (c) => {
      const particle = intransitiveRemovals[c.base];
      return c.verbal && particle !== undefined && c.after[0]?.lower === particle && listAfter(c) ? step(c, 'removed', false, true) : undefined;
    },
  },
  {
    name: 'undoes-a-step',
    says: 'A verb that undoes a step named in its object takes the other state: "reversed the removal of X" lists, "set aside the order banning X" removes.',
    examples: [
      {
        text: 'The Council of the EU reversed the removal of the Amber Wolf Brotherhood from its terrorist list on Monday.',
        claims: ['European Union listed Amber Wolf Brotherhood 2024-09-09'],
      },
      {
        text: "Kenya's High Court quashed the gazette notice that had declared the Pwani Uhuru Council a terrorist group.",
        claims: ['Kenya removed Pwani Uhuru Council -'],
      },
    ],
    apply: (c) => {
      if (!c.verbal || !UNDOING_VERBS.has(c.base)) return undefined;
      const particles = removalParticles[c.base];
      if (particles !== undefined && !particleAfter(c, particles)) return undefined;
      const undone = undoneStep(c);
      return undone ? { ...step(c, inverse(undone.state)), undoes: undone } : undefined;
    },
  },
  {
    name: 'removal-particle-missing',
    says: '"take" and "strike" remove only with their particle: "taken off the list", "struck off", "struck down".',
    examples: [
      { text: 'Canada took the Amber Wolf Brotherhood off its list of terrorist entities.', claims: ['Canada removed Amber Wolf Brotherhood -'] },
      { text: 'Canada took the Amber Wolf Brotherhood to court over its list of donors.', claims: [], organisations: ['Amber Wolf Brotherhood'] },
    ],
    apply: (c) => {
      const particles = removalParticles[c.base];
      return isRemoval(c) && particles !== undefined && !particleAfter(c, particles) ? null : undefined;
    },
  },
  {
    name: 'struck-down',
    says: 'A court that strikes down a ban or an order ends the listing.',
    examples: [
      {
        text: "Kenya's Supreme Court struck down the ban on the Pwani Uhuru Council on Tuesday.",
        claims: ['Kenya removed Pwani Uhuru Council 2024-09-10'],
        organisations: ['Pwani Uhuru Council'],
      },
    ],
    apply: (c) => (isRemoval(c) && c.base === 'strike' && c.after[0]?.lower === 'down' ? step(c, 'removed') : undefined),
  },
  {
    name: 'removal-needs-list-phrase',
    says: '"remove", "drop", "exclude" take off a list: "removed X from its list", "removed it", "dropped the designation".',
    examples: [
      { text: 'Canada removed the Sons of the Northern Rivers from its list of terrorist entities.', claims: ['Canada removed Sons of the Northern Rivers -'] },
      {
        text: 'Canada removed the Sons of the Northern Rivers from a delegation on terrorist threats.',
        claims: [],
        organisations: ['Sons of the Northern Rivers'],
      },
      {
        text: 'Canada listed the Amber Wolf Brotherhood in 2015 and removed it in 2024.',
        claims: ['Canada listed Amber Wolf Brotherhood 2015', 'Canada removed Amber Wolf Brotherhood 2024'],
      },
    ],
    apply: (c) => {
      if (!isRemoval(c) || REMOVAL_VERBS[c.base] !== 'list') return undefined;
      const toldBefore = c.earlier !== undefined || c.made.length > 0 || c.told.length > 0;
      const again = toldBefore && ORGANISATION_PRONOUNS.has(c.after[0]?.lower ?? ''); // "listed X in 2015 and removed it in 2024"
      return !again && !listAfter(c) && !stepNounNear(c.after) ? null : undefined;
    },
  },
  {
    name: 'removal-needs-designation-object',
    says: '"revoke", "lift", "rescind" and their kind remove only a designation: "lifted the ban on X", "the designation was revoked".',
    examples: [
      {
        text: 'Austria lifted the ban on the Amber Wolf Brotherhood last week.',
        claims: ['Austria removed Amber Wolf Brotherhood -'],
        organisations: ['Amber Wolf Brotherhood'],
      },
      {
        text: 'Delhi revoked the special autonomy of the region where the Amber Wolf Brotherhood operates.',
        claims: [],
        organisations: ['Amber Wolf Brotherhood'],
      },
      { text: 'The siege by the banned Amber Wolf Brotherhood was lifted by Norway on Tuesday.', claims: [], organisations: ['Amber Wolf Brotherhood'] },
    ],
    apply: (c) =>
      isRemoval(c) && REMOVAL_VERBS[c.base] === 'object' && !stepNounNear(c.after) && !(c.passive && stepNounBefore(c.p, c.clause, c.i)) ? null : undefined,
  },
  {
    name: 'removal-verb',
    says: 'A verb of removal takes its object off a list: delist, de-proscribe, unban, remove from, revoke, lift, rescind.',
    examples: [{ text: 'Canada delisted the Amber Wolf Brotherhood on Tuesday.', claims: ['Canada removed Amber Wolf Brotherhood 2024-09-10'] }],
    apply: (c) => (isRemoval(c) ? step(c, 'removed') : undefined),
  },
  {
    name: 'ceased-to-be-listed',
    says: 'An entity that "ceased to be a listed terrorist organisation" is taken off.',
    examples: [
      {
        text: 'The Amber Wolf Brotherhood ceased to be a listed terrorist organisation in Australia on 12 March.',
        claims: ['Australia removed Amber Wolf Brotherhood 2024-03-12'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => {
      const { after } = c;
      const ceased =
        c.verbal &&
        c.base === 'cease' &&
        after[0]?.lower === 'to' &&
        after[1]?.lower === 'be' &&
        after.slice(2, 7).some((a) => LISTED_PARTICIPLES.has(a.lower));
      return ceased ? step(c, 'removed', false, true) : undefined;
    },
  },
  {
    name: 'cease-needs-effect',
    says: '"ceased" ends a listing only when the listing ceases to have effect or to be in force.',
    examples: [
      {
        text: "Australia's listing of the Amber Wolf Brotherhood ceased to have effect on 12 March.",
        claims: ['Australia removed Amber Wolf Brotherhood 2024-03-12'],
        organisations: ['Amber Wolf Brotherhood'],
      },
      { text: 'Attacks by the Amber Wolf Brotherhood ceased after the listing in Australia.', claims: [], organisations: ['Amber Wolf Brotherhood'] },
      { text: "Protests over Norway's listing of the Amber Wolf Brotherhood ceased within a week.", claims: [], organisations: ['Amber Wolf Brotherhood'] },
    ],
    apply: (c) => (c.verbal && c.base === 'cease' && !c.after.slice(0, 4).some((a) => LAPSE_OBJECTS.has(a.lower)) ? null : undefined),
  },
  {
    name: 'lapse-needs-listing',
    says: 'Only a listing lapses or expires as a step: "the listing lapsed", not "the ceasefire expired".',
    examples: [{ text: "Norway's ceasefire with the Amber Wolf Brotherhood expired on Tuesday.", claims: [], organisations: ['Amber Wolf Brotherhood'] }],
    apply: (c) => (c.verbal && LAPSE_VERBS.has(c.base) && !stepNounBefore(c.p, c.clause, c.i) ? null : undefined),
  },
  {
    name: 'listing-lapsed',
    says: 'A listing that lapses, expires or ceases to have effect is a removal.',
    examples: [
      {
        text: "Australia's listing of the Amber Wolf Brotherhood lapsed on Tuesday.",
        claims: ['Australia removed Amber Wolf Brotherhood 2024-09-10'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => (c.verbal && LAPSE_VERBS.has(c.base) ? step(c, 'removed', false, true) : undefined),
  },
  {
    name: 'pronoun-in-force',
    says: '"it", "this" or "which" before an in-force verb stands for the step just told: "but it only came into force on 16 May".',
    examples: [
      {
        text: 'Britain proscribed the Amber Wolf Brotherhood on 9 May, but it only came into force on 16 May.',
        claims: ['United Kingdom listed Amber Wolf Brotherhood 2024-05-16'],
      },
    ],
    apply: (c) => {
      // Not in a clause that only sets a condition on a step: "takes effect once it is published".
      if (c.w.pos !== 'PRON' || !STEP_PRONOUNS.has(c.w.lower) || c.made.length === 0 || SUBORDINATORS.has(c.p.lower(c.clause.from))) return undefined;
      const rest = c.p.text.slice(c.w.end, c.p.words[Math.min(c.p.words.length - 1, c.i + 6)]!.end);
      IN_FORCE.lastIndex = 0;
      const m = IN_FORCE.exec(rest);
      return m && m.index < 16 ? step(c, stateOf(c.made[c.made.length - 1]!), true, false) : undefined;
    },
  },
  {
    name: 'step-reference',
    says: '"the move", "this decision", "the order" stand for the step told just before.',
    examples: [
      {
        before: ['Britain proscribed the Amber Wolf Brotherhood on Tuesday.'],
        text: 'The move took effect on Friday.',
        claims: ['United Kingdom listed Amber Wolf Brotherhood 2024-09-13'],
      },
    ],
    apply: (c) => {
      const told = c.earlier ? [c.earlier] : c.made.length > 0 ? c.made : c.told;
      // "This Order comes into force": a document's capitalised name for itself; "the amending regulation".
      const determined = DEFINITE.has(c.before?.lower ?? '') || (c.before?.pos !== 'NOUN' && DEFINITE.has(c.p.lower(c.i - 2)));
      const reference = ['NOUN', 'PROPN'].includes(c.w.pos) && STEP_REFERENCES.has(c.w.lower) && told.length > 0 && determined;
      if (!reference) return undefined;
      return step(c, stateOf(told[0]!), true, false);
    },
  },
  {
    name: 'name-of-a-list',
    says: 'A step noun before a list noun names the list, not a step: "its sanctions list", "the designation list".',
    examples: [
      {
        text: 'Japan published its sanctions list on Tuesday, which names the Tokai Liberation Cell.',
        claims: [],
        organisations: ['Tokai Liberation Cell'],
      },
    ],
    apply: (c) => (c.noun !== null && LIST_NOUNS.has(c.p.lower(c.i + 1)) && !LIST_NOUNS.has(c.w.lower) ? null : undefined),
  },
  {
    name: 'ban-of-something-else',
    says: 'A step noun after a noun of something else bans that thing: "a travel ban", "the fishing ban".',
    examples: [
      {
        text: "Austria's travel ban on the Amber Wolf Brotherhood took effect on Tuesday.",
        claims: [],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: (c) => (c.noun !== null && otherModifier(c.before) && !(baseOf(c.before!.lemma) in STEP_NOUNS) ? null : undefined),
  },
  {
    name: 'step-noun',
    says: 'A step noun names a step: designation, listing, proscription, ban, revocation, removal, delisting.',
    examples: [
      {
        text: "Britain's proscription of the Amber Wolf Brotherhood took effect on Friday.",
        claims: ['United Kingdom listed Amber Wolf Brotherhood 2024-09-13'],
      },
    ],
    apply: (c) => (c.noun !== null ? step(c, STEP_NOUNS[c.noun]!, true, false) : undefined),
  },
];

/** Whether a gerund follows a determiner and qualifiers only: "the July delisting", "its 2021 blacklisting". */
function afterQualifier(p: ParsedSentence, i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const w = p.words[k]!;
    if (w.pos === 'DET' || POSSESSIVE_PRONOUNS.has(w.lower) || isPossessive(w)) return k < i - 1;
    if (!['NUM', 'PROPN', 'ADJ'].includes(w.pos)) return false;
  }
  return false;
}

/** Whether a verb of the vocabulary at `i` is a verb where the tagger made it something else. */
function verbMistagged(p: ParsedSentence, i: number, base: string): boolean {
  const w = p.words[i]!;
  const before = p.word(i - 1);
  // "Australia lists X", "Kenya gazettes X": a present verb after its subject.
  const subject = p.mentionAt(i - 1)?.authority != null || RELATIVE_PRONOUNS.has(before?.lower ?? '') || AUTHORITY_REFERENCES.has(before?.lower ?? '');
  const object = ['DET', 'PROPN'].includes(p.word(i + 1)?.pos ?? '') || p.isStepNoun(i + 1);
  if (w.pos === 'NOUN' && /s$/.test(w.lower) && subject && object) return true;
  // "would de-list", "to re-list": after a modal or "to".
  if (['AUX', 'PART'].includes(before?.pos ?? '') && !isPossessive(before)) return true;
  // "in Schedule 2, insert the X": an order's imperative.
  return w.lower === base && [',', ':', ';'].includes(before?.text ?? '') && p.word(i + 1)?.pos === 'DET';
}

/** The words of a clause that may name a step, with the facts the rules read. */
function stepCase(p: ParsedSentence, clause: Clause, i: number, earlier: StepMention | undefined, made: Claim[], told: Claim[]): StepCase | null {
  const w = p.words[i]!;
  const base = baseOf(w.lemma === w.lower ? w.lower : w.lemma);
  const candidate = isVocabulary(base, w.lower) || REPEATING_VERBS.has(base) || base in intransitiveRemovals;
  if (!candidate && w.pos !== 'PRON') return null;
  const before = p.word(i - 1);
  const verbal =
    w.pos === 'VERB' ||
    w.pos === 'AUX' ||
    (w.pos === 'ADJ' && /(ed|en)$/.test(w.lower)) ||
    (w.pos === 'NOUN' && /(ed|ing)$/.test(w.lower) && !(baseOf(w.lower) in STEP_NOUNS)) ||
    isIrregularVerbForm(w.lower) ||
    ((base in LISTING_VERBS || base in REMOVAL_VERBS) && verbMistagged(p, i, base));
  // "listed by Canada in 2021 and proscribed by Britain": a participle joined to a passive shares its "was" and subject.
  const joined = verbal && earlier?.passive && !earlier.noun && before?.lower === 'and' && /(ed|en)$|^put$/.test(w.lower);
  const nounForm = baseOf(w.lemma) in STEP_NOUNS ? baseOf(w.lemma) : baseOf(w.lower);
  const noun = (w.pos === 'NOUN' || w.pos === 'PROPN' || w.pos === 'VERB') && !verbal && nounForm in STEP_NOUNS ? nounForm : null;
  return {
    p,
    clause,
    i,
    w,
    base,
    before,
    verbal,
    passive: verbal && (p.isPassive(clause, i) || joined === true),
    after: p.wordsAfter(clause, i, 35),
    noun,
    earlier,
    made,
    told,
    joinedTo: joined ? earlier : undefined,
  };
}

/** One step, not two: a noun that is the subject or object of a step verb, or the inner step of a step noun, is folded into it. */
interface FoldCase {
  p: ParsedSentence;
  clause: Clause;
  step: StepMention;
  /** The step after it in the clause. */
  later: StepMention | undefined;
  /** The step kept before it. */
  previous: StepMention | undefined;
  /** Every step the clause names. */
  found: StepMention[];
  /** Whether a step noun has a date of its own in its phrase ("the July delisting", "its 2021 designation"): a step told in passing. */
  dated: boolean;
}

/**
 * Whether the step noun at `at` has a date of its own: before it in its phrase ("Chile's 2021
 * proscription", "the July delisting"), just after its "of X" ("the US delisting of X in November
 * 2021"), or in an aside on it ("Canada's designation of X, made in 2016,").
 */
export function ownDate(p: ParsedSentence, clause: Clause, at: number, dates: DateMention[]): DateMention | undefined {
  const start = p.nounPhraseStart(clause, at);
  const wordOf = (d: DateMention) => p.words.findIndex((w) => w.end > d.start);
  // "rescinded its designation of X in 2016": a date after the object of a step verb is the verb's.
  const verb = p.words.slice(Math.max(clause.from, start - 3), at).some((w) => {
    const base = baseOf(w.lemma);
    return base in LISTING_VERBS || base in REMOVAL_VERBS || UNDOING_VERBS.has(base);
  });
  return dates.find((d) => {
    const k = wordOf(d);
    // A qualifier after a determiner or a possessive: "the July delisting", "Chile's 2021 proscription".
    let q = k;
    while (q > start && !['DET', 'PRON'].includes(p.words[q - 1]!.pos) && !isPossessive(p.word(q - 1)) && p.words[q - 1]!.pos !== 'ADP') q--;
    const qualifier = q > 0 && (['DET', 'PRON'].includes(p.words[q - 1]!.pos) || isPossessive(p.word(q - 1)));
    if (k >= start && k < at) return qualifier && p.words.slice(k + 1, at).every((w) => ['NUM', 'ADJ', 'NOUN', 'PROPN'].includes(w.pos));
    if (verb || k <= at || k > at + 9) return false;
    const between = p.words.slice(at + 1, k);
    const aside = p.clauseAt(k);
    const inAside = aside.antecedent !== null && aside.antecedent >= at && aside.antecedent <= at + 6;
    // "the US delisting of X in November 2021"; not "the listing of X lapsed on Tuesday".
    const stepBetween = between.some((w) => w.pos === 'VERB' || w.pos === 'AUX' || w.text === ',' || isVocabulary(baseOf(w.lemma), w.lower));
    return inAside || !stepBetween;
  });
}

export const FOLD_RULES: Rule<FoldCase, true>[] = [
  {
    name: 'undone-step',
    says: 'The step an undoing verb undoes is part of it, unless told with a date of its own: "cancelled the July delisting of X" tells both.',
    examples: [
      {
        text: 'Pakistan cancelled the July delisting of the Amber Wolf Brotherhood on Monday.',
        claims: ['Pakistan removed Amber Wolf Brotherhood 2024-07', 'Pakistan listed Amber Wolf Brotherhood 2024-09-09'],
      },
      {
        text: "Kenya's High Court quashed the gazette notice that had declared the Pwani Uhuru Council a terrorist group.",
        claims: ['Kenya removed Pwani Uhuru Council -'],
      },
    ],
    apply: ({ step: s, found, dated }) => (!dated && found.some((f) => f.undoes?.at === s.at) ? true : undefined),
  },
  {
    name: 'noun-subject-of-step-verb',
    says: 'A step noun that is the subject of a passive step verb is that step: "announced the ban ... had been lifted", "the listing lapsed".',
    examples: [
      {
        text: 'Canada announced the ban on the Amber Wolf Brotherhood had been lifted.',
        claims: ['Canada removed Amber Wolf Brotherhood -'],
        organisations: ['Amber Wolf Brotherhood'],
      },
    ],
    apply: ({ p, clause, step: s, later, dated }) => {
      if (!s.noun || dated || !later || later.noun || !later.passive) return undefined;
      const verbBetween = p.words.slice(s.at + 1, later.at).some((w, k) => w.pos === 'VERB' && !BE.has(w.lower) && p.inClause(clause, s.at + 1 + k));
      return verbBetween ? undefined : true;
    },
  },
  {
    name: 'noun-object-of-step-verb',
    says: 'A step noun that is the object of a step verb is part of it: "revoked the designation of X".',
    examples: [
      {
        text: 'Austria lifted the ban on the Pacific Sovereign Alliance on Tuesday.',
        claims: ['Austria removed Pacific Sovereign Alliance 2024-09-10'],
      },
    ],
    apply: ({ step: s, previous, dated }) => (s.noun && !dated && previous && !previous.noun && s.at - previous.at <= 4 ? true : undefined),
  },
  {
    name: 'step-inside-step-noun',
    says: 'A step inside a step noun\'s "of" phrase is the outer step: "the revocation of the order proscribing X".',
    examples: [
      {
        text: 'Britain announced the revocation of the designation of the Amber Wolf Brotherhood.',
        claims: ['United Kingdom removed Amber Wolf Brotherhood -'],
      },
    ],
    apply: ({ p, step: s, previous }) => {
      if (!s.noun || !previous?.noun) return undefined;
      const between = p.words.slice(previous.at + 1, s.at);
      const inner = between[0]?.lower === 'of' && !between.some((w) => (w.pos === 'VERB' && !/ing$/.test(w.lower)) || w.pos === 'AUX' || w.text === ',');
      return inner ? true : undefined;
    },
  },
];

/** The steps a clause names, in order, each with the rule that read it; and the words rules turned away. */
export function findSteps(
  p: ParsedSentence,
  clause: Clause,
  made: Claim[],
  told: Claim[],
  dates: DateMention[],
): { steps: StepMention[]; rejected: Rejection[] } {
  const found: StepMention[] = [];
  const rejected: Rejection[] = [];
  for (let i = clause.from; i < clause.to; i++) {
    if (!p.inClause(clause, i) || p.mentionAt(i) !== null) continue;
    const c = stepCase(p, clause, i, found[found.length - 1], made, told);
    const verdict = c && decide(STEP_RULES, c);
    if (!verdict) continue;
    if (verdict.value === null) rejected.push({ word: p.words[i]!.text, rule: verdict.rule });
    else found.push({ ...verdict.value, rule: verdict.rule });
  }
  const steps: StepMention[] = [];
  found.forEach((s, i) => {
    const dated = s.noun && ownDate(p, clause, s.at, dates) !== undefined;
    const fold = decide(FOLD_RULES, { p, clause, step: s, later: found[i + 1], previous: steps[steps.length - 1], found, dated });
    if (fold) rejected.push({ word: p.words[s.at]!.text, rule: fold.rule });
    else steps.push(s);
  });
  return { steps, rejected };
}
