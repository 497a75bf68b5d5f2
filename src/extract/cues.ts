/**
 * The sets and patterns the rules read, each built from the named word lists of `lexicon.ts`:
 * a pattern here never restates a word, so a word added to the lexicon reaches every rule.
 */
import * as lexicon from './lexicon.js';

const set = (...lists: readonly string[][]) => new Set(lists.flat());
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An alternation of phrases, longest first, with their spaces and dots as written. */
const alternation = (phrases: readonly string[]) =>
  [...phrases]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
const formsOf = (verbs: readonly string[]) => verbs.flatMap((v) => lexicon.irregularForms[v] ?? [v]);

export const LISTING_VERBS = lexicon.listingVerbs;
export const REMOVAL_VERBS = lexicon.removalVerbs;
export const STEP_NOUNS = lexicon.stepNouns;
export const LAPSE_VERBS = set(lexicon.lapseVerbs);
export const LAPSE_OBJECTS = set(lexicon.lapseObjects);
export const LISTED_PARTICIPLES = set(lexicon.listedParticiples);
export const STEP_REFERENCES = set(lexicon.stepReferences);
export const DESIGNATION_OBJECTS = set(lexicon.designationObjects);
export const LIST_NOUNS = set(lexicon.listNouns);
export const LIST_PREPOSITIONS = set(lexicon.listPrepositions);
export const MARKET_WORDS = set(lexicon.marketWords);
export const ASSET_WORDS = set(lexicon.assetWords);
export const ACTIVITY_NOUNS = set(lexicon.activityNouns);
export const AS_NOT_COMPLEMENT = set(lexicon.asNotComplement);
export const DESIGNATION_COMPLEMENTS = set(lexicon.designationComplements);
export const SANCTION_NOUNS = set(lexicon.sanctionNouns);
export const ORGANISATION_REFERENCES = set(lexicon.organisationReferences);
export const ORGANISATION_PRONOUNS = set(lexicon.organisationPronouns);
export const COUNTRY_REFERENCES = set(lexicon.countryReferences);
export const SET_NOUNS = set(lexicon.organisationReferences, lexicon.partNouns);
export const PEOPLE_NOUNS = set(lexicon.peopleNouns, lexicon.memberNouns);
export const PERSON_NAME_WORDS = set(lexicon.personNameWords);
export const PERSON_APPOSITIONS = set(lexicon.personAppositions);
export const NAME_CONNECTORS = set(lexicon.nameConnectors);
export const NOT_NAME_WORDS = set(lexicon.notNameWords);
export const DOCUMENT_WORDS = set(lexicon.documentWords);
export const BODY_WORDS = set(lexicon.bodyWords);
export const CATEGORY_WORDS = set(lexicon.categoryWords);
export const NAME_LIST_JOINERS = set(lexicon.nameListJoiners);
export const ALIAS_JOINERS = set(lexicon.aliasJoiners);
/** Alternations of the head words of organisations' names, for the name patterns. */
export const HEADS = alternation(lexicon.organisationHeads);
export const PEOPLE_HEADS = alternation(lexicon.peopleHeads);
export const BODY_NAME_OPENER = new RegExp(`^(?:${alternation(lexicon.bodyNameOpeners)})\\b`);
/** Whether a word is an irregular form of one of the vocabulary's verbs ("froze", "struck"): a verb, whatever the tagger says. */
export const isIrregularVerbForm = (lower: string): boolean => IRREGULAR.has(lower);
/** Where a word starts an inclusion marker ("among them", "including"), how many words the marker takes; 0 for none. */
export function inclusionAt(words: { lower: string }[], i: number): number {
  for (const parts of INCLUSION_BY_FIRST.get(words[i]?.lower ?? '') ?? []) {
    if (parts.every((part, k) => words[i + k]?.lower === part)) return parts.length;
  }
  return 0;
}
/** The inclusion markers as words, by their first word, longest first. */
const INCLUSION_BY_FIRST = new Map<string, string[][]>();
for (const marker of [...lexicon.inclusionMarkers].sort((a, b) => b.length - a.length)) {
  const parts = marker.split(' ');
  INCLUSION_BY_FIRST.set(parts[0]!, [...(INCLUSION_BY_FIRST.get(parts[0]!) ?? []), parts]);
}
export const MEMBER_NOUNS = set(lexicon.memberNouns);
export const AUTHORITY_REFERENCES = set(lexicon.authorityReferences);
export const NEGATION = set(lexicon.negation);
export const REFUSAL = set(lexicon.refusal);
export const PRESSURE = set(lexicon.pressure);
export const REPORT_NOUNS = set(lexicon.reportNouns);
export const DENIALS = set(lexicon.denials);
export const CONFIRMATIONS = set(lexicon.confirmations);
export const COMPLEMENTIZERS = set(lexicon.complementizers);
export const REQUESTS = set(lexicon.requests);
export const PROPOSALS = set(lexicon.proposals);
export const STOPPED = set(lexicon.stopped);
export const PLANNED = set(lexicon.planned);
export const SCHEDULED = set(lexicon.scheduled);
export const EXPECTATION = set(lexicon.expectation);
export const DECIDING = set(lexicon.deciding);
export const ORDERING = set(lexicon.ordering);
export const PLAN_NOUNS = set(lexicon.planNouns);
export const MAKING_VERBS = set(lexicon.makingVerbs);
export const UNDOING_VERBS = set(lexicon.undoingVerbs);
export const HYPOTHETICAL = set(lexicon.hypothetical);
export const DOUBTS = set(lexicon.doubts);
export const REPEATING_VERBS = set(lexicon.repeatingVerbs);
export const REPEATING_OBJECTS = set(lexicon.repeatingObjects);
export const PART_NOUNS = set(lexicon.partNouns);
export const CONTINUING = set(lexicon.continuing);
export const REPORTING = set(lexicon.reporting);
export const BE = set(lexicon.beForms);
export const PRESENT_BE = set(lexicon.presentBe);
export const PASSIVE_INSERTS = set(lexicon.passiveInserts);
export const DEFINITE = set(lexicon.definiteDeterminers);
export const POSSESSIVE_PRONOUNS = set(lexicon.possessivePronouns);
export const NOUN_DETERMINERS = set(lexicon.nounDeterminers);
export const OBJECT_DETERMINERS = set(lexicon.objectDeterminers);
/** "the designation", "its ban": a step noun told before, by a determiner or a possessive. */
export const REFERRING_DETERMINERS = set(lexicon.definiteDeterminers, lexicon.possessivePronouns.slice(0, 2));
export const STEP_PRONOUNS = set(lexicon.stepPronouns);
export const CLAUSE_BREAKS = set(lexicon.clauseBreaks);
export const OPENING_SUBORDINATORS = set(lexicon.openingSubordinators);
export const SUBORDINATORS = set(lexicon.subordinators);
export const GOVERNING_STOPS = set(lexicon.governingStops);
export const RELATIVE_PRONOUNS = set(lexicon.relativePronouns);
export const OBJECT_RELATIVES = set(lexicon.objectRelatives);
export const EXCEPTIONS = set(lexicon.exceptions);
export const EXCEPTION_PAIRS = set(lexicon.exceptionPairs);
export const PREDICATE_OPENERS = set(lexicon.predicateOpeners);
export const TIME_MODIFIERS = set(lexicon.timeModifiers);
export const NOT_AGENT_BEFORE = set(lexicon.notAgentBefore);
export const ADDRESSEE_PREPOSITIONS = set(lexicon.addresseePrepositions);
export const AGENT_PREPOSITIONS = set(lexicon.agentPrepositions);
export const AMONG = set(lexicon.amongWords);
export const QUESTION_OPENERS = set(lexicon.questionOpeners);
export const COUNTERFACTUAL_OPENERS = set(lexicon.counterfactualOpeners);
export const SUBJECT_JOINERS = set(lexicon.subjectJoiners);
export const FUTURE_WORDS = set(lexicon.futureWords);
export const FUTURE_BEFORE_TO = set(lexicon.futureBeforeTo);
export const PAST_WORDS = set(lexicon.pastWords);
export const SAME_IN_PAST = set(lexicon.sameInPast);

/** Whether a word names what a listing verb needs beside it: a terror word ("terrorist", "extremist", "banned"). */
const TERROR = new RegExp(`^(?:(?:${lexicon.terrorStems.map(escapeRegExp).join('|')})\\w*|${alternation(lexicon.terrorWords)})$`);
export const isTerrorWord = (lower: string): boolean => TERROR.test(lower);

/** Authorities joined into one subject: "Canada and Australia", "Britain, France and the EU". */
export const AUTHORITY_JOIN = new RegExp(`^\\s*(?:${alternation(lexicon.authorityJoiners)})\\s*(?:the\\s+)?$`, 'i');
/** Authorities joined after the lead one (not "as well as", which adds rather than joins a subject). */
export const AUTHORITY_JOIN_AFTER = new RegExp(
  `^\\s*(?:${alternation(lexicon.authorityJoiners.filter((j) => !j.includes(' ') || j === ', and'))})\\s*(?:the\\s+)?$`,
  'i',
);

/** A step "with immediate effect", in force at once. */
export const IMMEDIATE = new RegExp(`\\b(?:${alternation(lexicon.immediately)})\\b`, 'i');
/** A condition the in-force date waits on: "once approved", "subject to". Case counts: "may" is a hedge, "May" a month. */
export const HEDGED = new RegExp(`\\b(?:${alternation(lexicon.hedges)})\\b`);
/** A condition on an undated in-force verb: "takes effect when ...". */
export const CONDITION = new RegExp(`\\b(?:${alternation(lexicon.conditions)})\\b`, 'i');

const f = lexicon.inForce;
const inForceParts = [
  `(?:${alternation(formsOf(f.motion))}) (?:into |in )?(?:\\w+ ){0,2}?(?:${alternation(f.motionObjects)})`,
  `(?:${alternation(formsOf(f.entry))}) into force`,
  `(?:${alternation(formsOf(f.becoming))}) (?:${alternation(f.becomingStates)})`,
  `(?:${alternation(formsOf(['be']))}) (?:(?:${alternation(f.stateAdverbs)}) )?(?:${alternation(f.state)})`,
  `(?:${alternation(f.publication)}) (?:in|on)\\b`,
  `(?:${alternation(f.from)})`,
];
/** The predicates that put a step in force ("took effect", "came into force", "was published in the Official Journal"). */
export const IN_FORCE = new RegExp(`\\b(?:${inForceParts.join('|')})\\b`, 'gi');
/** An in-force predicate in the present ("takes effect", "is effective", "with effect from"): it may name a day to come. */
export const IN_FORCE_PRESENT = new RegExp(
  `^(?:${alternation([
    ...[f.motion, f.entry, f.becoming].flatMap((verbs) => formsOf(verbs).filter((w) => /s$/.test(w) && !/ss$/.test(w))),
    ...lexicon.presentBe.filter((w) => /^\w+$/.test(w)),
    ...f.from,
  ])})`,
  'i',
);
/** "with effect from", "effective": the words that end just before an in-force date. */
export const IN_FORCE_FROM = new RegExp(`\\b(?:${alternation(f.from)})\\s*$`, 'i');
/** The words a date follows when it is the day a step takes effect: "takes effect on", "effective", "published on". */
export const IN_FORCE_DATE = new RegExp(`\\b(?:${alternation(lexicon.inForceDateCues)})\\W+(?:\\w+\\W+){0,3}$`, 'i');

/** A text's own publication as the day of its step: "effective upon publication", "on the date of its publication". */
const pub = lexicon.onPublication;
export const ON_PUBLICATION = new RegExp(
  `\\b(?:${alternation(pub.openers)})\\s+(?:(?:${alternation(pub.days)})\\s+)?(?:(?:${alternation(pub.owners)})\\s+)?${pub.noun}\\b`,
  'gi',
);

/** A list of countries named in a text: "the list of state sponsors of terrorism". */
export const COUNTRY_LIST = new RegExp(`\\b(?:${alternation(lexicon.countryListWords)})\\b`, 'i');

/** A list or gazette named in a text, whose name says who keeps it: "the list of state sponsors of terrorism". */
const NAMED_LIST = new RegExp(`\\b(?:${alternation(Object.keys(lexicon.namedLists))})\\b`, 'i');
/** The keeper of the named list a text names, by its name ("United States"), or null. */
export function namedListKeeper(text: string): string | null {
  const m = NAMED_LIST.exec(text);
  return m ? lexicon.namedLists[m[0].toLowerCase()]! : null;
}

/** An "also known as" opener, anywhere in a text. */
export const ALIAS_OPENER = new RegExp(`(?<![\\p{L}.])(?:${alternation(lexicon.aliasOpeners).replace(/\\\./g, '\\.?')})(?![\\p{L}])`, 'giu');
/** An "also known as" opener that starts a text, with its colon: "also known as: a) X; b) Y". */
export const ALIAS_LIST_START = new RegExp(`^(?:${alternation(lexicon.aliasOpeners).replace(/\\\./g, '\\.?')})(?![\\p{L}])\\s*:?\\s*`, 'iu');
/** A whole run of words that is an "also known as" opener. */
export const ALIAS_OPENER_WHOLE = new RegExp(`^(?:${alternation(lexicon.aliasOpeners).replace(/\\\./g, '\\.?')})$`, 'i');

/** A sentence that opens by reporting on the one before it ("The move ...", "This decision ..."). */
export const FOLLOW_ON = new RegExp(`^(?:${alternation(lexicon.definiteDeterminers)}) (?:${alternation(lexicon.followOnNouns)})\\b`, 'i');

/** A verb of saying in the pluperfect or after "earlier", then "would": the future of an earlier statement. */
export const FUTURE_IN_PAST = new RegExp(
  `\\b(?:${alternation(lexicon.earlierWords)})\\b[^.;]*\\b(?:${alternation(lexicon.sayingVerbs)})\\b[^.;]*\\bwould\\b(?![^.;]*\\b(?:will|shall)\\b)[^.;]*$`,
  'i',
);

/** An outlet named as a government body ("Ministry of ...", "Home Office"). */
export const GOVERNMENT_OUTLET = new RegExp(`\\b(?:${alternation(lexicon.governmentOutletWords)})\\b`, 'i');

/** Every step noun, verb and lapse verb by dictionary form. */
const vocabulary = (base: string) => base in LISTING_VERBS || base in REMOVAL_VERBS || base in STEP_NOUNS || LAPSE_VERBS.has(base);

/**
 * The dictionary form of a verb or noun of the vocabulary: the model's lemma with hyphens and
 * the prefixes of re-listing and de-listing read ("de-proscribed" -> "deproscribe").
 */
export function baseOf(lemma: string): string {
  const known = BASES.get(lemma);
  if (known !== undefined) return known;
  const base = findBase(lemma);
  if (BASES.size > 50_000) BASES.clear();
  BASES.set(lemma, base);
  return base;
}
/** Words already brought to their dictionary form: the same few hundred words recur in every sentence. */
const BASES = new Map<string, string>();

function findBase(lemma: string): string {
  const word = lemma.toLowerCase().replace(/-/g, '');
  const irregular = IRREGULAR.get(word);
  if (irregular !== undefined) return irregular;
  if (!/(ed|ing|es|s)$/.test(word) || word in LISTING_VERBS || word in REMOVAL_VERBS || word in STEP_NOUNS) return word;
  for (const [suffix, replacement] of SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    const base = word.slice(0, -suffix.length) + replacement;
    if (vocabulary(base)) return base;
  }
  return word;
}

/** The irregular forms of the vocabulary's verbs, to their dictionary form ("froze" -> "freeze"). */
const IRREGULAR = new Map(
  Object.entries(lexicon.irregularForms)
    .filter(([verb]) => vocabulary(verb))
    .flatMap(([verb, forms]) => forms.map((form) => [form, verb] as const)),
);

/** Endings read off a word to find its dictionary form, in the order they are tried. */
const SUFFIXES = [
  ['ied', 'y'],
  ['ies', 'y'],
  ['ing', ''],
  ['ing', 'e'],
  ['ed', ''],
  ['ed', 'e'],
  ['es', ''],
  ['s', ''],
  ['nned', 'n'],
  ['nning', 'n'],
  ['lled', 'l'],
  ['lling', 'l'],
] as const;

/** Whether a word could name a step at all: a word of the vocabulary or a reference to a step. */
export function isVocabulary(base: string, lower: string): boolean {
  return vocabulary(base) || vocabulary(baseOf(lower)) || STEP_REFERENCES.has(lower);
}

/** The inflections of a verb of the vocabulary: "ban" -> bans, banned, banning; "classify" -> classified. */
function inflections(verb: string): string[] {
  const irregular = lexicon.irregularForms[verb] ?? [];
  const doubled = /[^aeiou][aeiou][bdgmnpt]$/.test(verb) ? verb + verb.at(-1) : verb;
  const stemmed = verb.endsWith('e') ? verb.slice(0, -1) : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}i` : doubled;
  const third = /(s|sh|ch|x|z)$/.test(verb) ? `${verb}es` : /[^aeiou]y$/.test(verb) ? `${stemmed}es` : `${verb}s`;
  const past = verb.endsWith('e') ? `${verb}d` : `${stemmed}ed`;
  const gerund = verb.endsWith('e') ? `${stemmed}ing` : `${doubled}ing`;
  // British and American spellings of a final l: "labelled" and "labeled".
  const l = /[aeiou]l$/.test(verb) ? [`${verb}led`, `${verb}ling`] : [];
  return [verb, third, past, gerund, ...l, ...irregular];
}

const nounForms = (noun: string) => [noun, /(s|sh|ch|x|z)$/.test(noun) ? `${noun}es` : `${noun}s`];
const formsSet = (words: string[], inflect: (w: string) => string[]) => new Set(words.flatMap(inflect));
const needs = (verbs: Record<string, string>, strong: boolean) => Object.keys(verbs).filter((v) => (verbs[v] === 'none') === strong);
/** A verb whose self-evident forms are listed ("sanctioned") is self-evident only in those. */
const inSomeFormsOnly = (verb: string) => lexicon.selfEvidentForms.some((form) => form.startsWith(verb));
const strongVerbs = [...needs(LISTING_VERBS, true), ...needs(REMOVAL_VERBS, true)];

/** Words that alone make a sentence worth reading for a step. */
const STRONG = new Set([
  ...formsSet([...strongVerbs.filter((v) => !inSomeFormsOnly(v)), ...lexicon.lapseVerbs, ...lexicon.selfEvidentVerbs], inflections),
  ...formsSet(lexicon.selfEvidentNouns, nounForms),
  ...lexicon.selfEvidentForms,
]);
/** Words that make a sentence worth reading beside a list or step word ("added ... to the list"). */
const WEAK = formsSet(
  [...needs(LISTING_VERBS, false), ...needs(REMOVAL_VERBS, false), ...strongVerbs.filter(inSomeFormsOnly), ...Object.keys(lexicon.intransitiveRemovals)],
  inflections,
);
/** The list or step words a weak word needs beside it. */
const CONTEXT = new Set([
  ...lexicon.listNouns,
  ...lexicon.assetWords,
  ...lexicon.designationObjects,
  ...lexicon.stepReferences,
  ...formsSet(Object.keys(STEP_NOUNS), nounForms),
  ...formsSet(lexicon.selfEvidentVerbs, inflections),
]);

/**
 * Whether a sentence could hold a step: a word that names one by itself, a word that does so
 * beside a list or step word ("added ... to the list"), an in-force predicate, or a reference to a
 * step ("the move"). Only such sentences are parsed.
 */
export function mayHoldStep(sentence: string): boolean {
  // Every sentence of every article passes here: three patterns over the sentence, no word by word.
  const plain = sentence.toLowerCase().replace(/-/g, '');
  if (STRONG_WORD.test(plain)) return true;
  IN_FORCE.lastIndex = 0;
  return (WEAK_WORD.test(plain) && (CONTEXT_WORD.test(plain) || TERROR_WORD.test(plain))) || IN_FORCE.test(sentence) || REFERENCE.test(sentence);
}
const wordsPattern = (words: Iterable<string>) => new RegExp(`(?<![\\p{L}'’])(?:${alternation([...words])})(?![\\p{L}'’])`, 'u');
const STRONG_WORD = wordsPattern(STRONG);
const WEAK_WORD = wordsPattern(WEAK);
const CONTEXT_WORD = wordsPattern(CONTEXT);
const TERROR_WORD = new RegExp(
  `(?<![\\p{L}'’])(?:(?:${lexicon.terrorStems.map(escapeRegExp).join('|')})\\p{L}*|${alternation(lexicon.terrorWords)})(?![\\p{L}'’])`,
  'u',
);

/** "The move", "the step": a reference to a step just told, which a later verb may announce or put in force. */
const REFERENCE = new RegExp(`\\b(?:${alternation(lexicon.definiteDeterminers)}) (?:${alternation(lexicon.stepReferences)})\\b`, 'i');
