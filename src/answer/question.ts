import { authorityOf } from '../knowledge/authorities.js';
import { parseWords, type Word } from '../extract/parse.js';
import { baseOf, isTerrorWord, LIST_NOUNS, LISTING_VERBS, REMOVAL_VERBS, STEP_NOUNS } from '../extract/cues.js';
import type { ListingNeed } from '../extract/lexicon.js';
import type { KnowledgeBase } from '../index/knowledgeBase.js';
import { governmentOf } from '../knowledge/authorities.js';
import { periodOf, type Period } from './period.js';
import type { AnalyzedQuery } from './query.js';
import type { QuestionForm } from './types.js';

/** A question about designations, read for what it asks. */
export interface Question {
  form: QuestionForm;
  /** The step asked about; null where any step answers ("what changed"). */
  step: 'listed' | 'removed' | null;
  /** Asked about a move toward the step ("asked for its removal", "plans to list") rather than the step. */
  move: boolean;
  /** Asked about where things stand ("is it still listed", "which countries list it") rather than what ever happened. */
  now: boolean;
  /** The organisations or people asked about, by entity id. */
  targets: string[];
  /** The authorities asked about, by entity id (a court or a ministry stands for its country). */
  authorities: string[];
  /** "Which countries": international bodies are left out. */
  countriesOnly: boolean;
  /**
   * The period the question asks about ("since 2024", "in 2020", "before March 2023", "this week"),
   * or null: for `changed`, the latest steps; for the other forms, any time.
   */
  period: Period | null;
}

/** Words a question may open with before its question word ("so, when did ..."; "can you tell me who ..."). */
const OPENING =
  /^(?:(?:so|and|but|ok|okay|hey|hi|hello|please|quick question|question)\b[\s,:;-]*)*(?:(?:can|could|would) you (?:please )?(?:tell me|say|check|confirm)|(?:please )?(?:tell me|remind me|let me know)|do you know|does anyone know|i(?:'d| would) like to know|i want to know|i wonder|any idea)?[\s,:;-]*/i;

const YES_NO = new Set(['has', 'have', 'had', 'did', 'does', 'do', 'is', 'are', 'was', 'were', 'whether']);
/** Question words that ask about the state now, not whether a step was ever taken. */
const PRESENT = new Set(['is', 'are', 'does', 'do', 'am']);
const PAST_AUXILIARY = new Set(['has', 'have', 'had', 'did', 'was', 'were']);
/** Words that ask where things stand now. */
const NOW_WORDS = new Set(['still', 'currently', 'now', 'presently', 'remain', 'remains', 'today']);
/** Auxiliaries and light verbs: the main verb of a question is the first verb that is none of these. */
const LIGHT_VERBS = new Set(['be', 'have', 'do', 'get', 'become']);
/** Before a step verb, these make it passive: the entity before it is the one listed, not the one listing. */
const PASSIVE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'got', 'gets', 'getting', "'s"]);
/** "Before 2024", "after Kazakhstan": words that compare; a comparison with anything but a date is not read. */
const COMPARING = /\b(?:before|after|earlier than|later than|prior to|ahead of|sooner than)\s+(\S+)/i;
const DATE_START = /^(?:\d{4}|january|february|march|april|may|june|july|august|september|october|november|december|last|this|next)/i;
/** Negations a question may carry; "no longer" and "not ... anymore" ask whether a step was undone. */
const NEGATED = /\b(?:not|never|neither|nor|no)\b|n['’]t\b/i;
const NO_LONGER = /\bno longer\b|(?:\b(?:not|never)\b|n['’]t\b).*\bany ?more\b/i;
/** Nouns after "which" or "what" that name authorities; the first group leaves out international bodies. */
const COUNTRY_NOUNS = new Set(['countries', 'country', 'governments', 'government', 'states', 'nations', 'nation']);
const AUTHORITY_NOUNS = new Set([
  'authorities',
  'authority',
  'bodies',
  'body',
  'jurisdictions',
  'jurisdiction',
  'lists',
  'list',
  'organisations',
  'organizations',
  'institutions',
  'regulators',
  'sanctioners',
]);
/** Nouns after "which" or "what" that name the listed: "which groups has Russia banned". */
const TARGET_NOUNS = new Set([
  'groups',
  'group',
  'organisations',
  'organizations',
  'organisation',
  'organization',
  'movements',
  'entities',
  'people',
  'persons',
  'individuals',
  'militias',
  'networks',
]);
/** Lemmas that make the step asked about a move toward it: asked for, planned, proposed. */
const MOVE_WORDS = new Set([
  'ask',
  'request',
  'petition',
  'seek',
  'apply',
  'recommend',
  'propose',
  'plan',
  'want',
  'intend',
  'prepare',
  'push',
  'call',
  'demand',
  'urge',
  'move',
  'aim',
  'consider',
  'suggest',
  'lobby',
  'campaign',
  'decide',
]);
/** "What changed", "what's new", "any news", "latest": the words of a question about what changed. */
export const CHANGED =
  /^(?:what(?:'s| has| have| is)? (?:changed|new|the latest)|what changes|any (?:changes?|news|updates?)|anything new|changes|updates?|latest)\b/i;

/**
 * Reads a query as one of the question forms about designations, or returns null for a plain
 * query (which is answered as search). The entities come from the analysed query, so a name is
 * found as search finds it (aliases, near spellings, the conversation's subject); `subjects` are
 * the organisations search found for a query that names none by a whole name. The step comes
 * from the vocabulary that claims are read with, by lemma; tense from the question's auxiliary.
 *
 * @example
 * readQuestion(kb, analyzeQuery('when did russia ban the taliban?', kb.matcher), now)
 * // => { form: 'when', step: 'listed', targets: ['taliban'], authorities: ['russia'], ... }
 */
export function readQuestion(kb: KnowledgeBase, query: AnalyzedQuery, now: Date, subjects: string[] = []): Question | null {
  const opening = query.text.length - query.text.replace(OPENING, '').length;
  const text = query.text.slice(opening).replace(/[?!.\s]+$/, '');
  // The form is read first, from the words alone: most queries are names, and are not parsed.
  const form = formOf(text, text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []);
  if (form === null) return null;
  const words = parseWords(text).filter((w) => w.pos !== 'PUNCT');
  if (words.length < 2) return null;

  const { targets, authorities } = entitiesAsked(kb, query.entityIds, subjects);
  if (targets.length === 0 && authorities.length === 0) return null;

  const noLonger = NO_LONGER.test(text);
  if (!answerableInFixedWords(text, noLonger)) return null;
  // The step is read from the question's own words, not from names ("Sanctions Committee").
  const names = query.mentions.filter((m) => m.start >= opening).map((m) => ({ ...m, start: m.start - opening, end: m.end - opening }));
  const own = words.filter((w) => !names.some((m) => w.start < m.end && w.end > m.start));
  const asked = stepAsked(own);
  if (form !== 'changed' && !asksAboutStep(own, asked, form)) return null;
  // "Did the Taliban ban music?": the organisation takes the step; it is not what the step is on.
  if (form !== 'changed' && actsItself(kb, own, names, asked)) return null;
  const step = noLonger && asked.step === 'listed' ? 'removed' : asked.step;
  const whichNoun = whichNounOf(words);
  const base: Omit<Question, 'form' | 'step' | 'now'> = {
    move: asked.move,
    targets,
    authorities,
    countriesOnly: whichNoun !== undefined && COUNTRY_NOUNS.has(whichNoun),
    period: periodOf(text, now),
  };

  if (form === 'changed') return { ...base, form, step: null, now: false };
  if (step === null) return null;
  return stepQuestion(form, step, base, words, noLonger);
}

/**
 * The targets and authorities a question names (a court or a ministry stands for its country).
 * Where it names no authority, a capital stands for its government; where it names no organisation
 * by a whole name, the subjects search found are its targets.
 */
function entitiesAsked(kb: KnowledgeBase, entityIds: string[], subjects: string[]): { targets: string[]; authorities: string[] } {
  const targets: string[] = [];
  const authorities: string[] = [];
  const places: string[] = [];
  for (const id of entityIds) {
    const entity = kb.entity(id);
    if (entity?.kind === 'organisation' || entity?.kind === 'person') targets.push(id);
    else if (entity?.kind === 'authority') {
      const top = authorityOf((key) => kb.entity(key), id);
      if (top !== null && !authorities.includes(top)) authorities.push(top);
    } else if (entity?.kind === 'place') places.push(entity.name);
  }
  // "Has Moscow lifted the ban?": a capital for its government, where the question names no authority.
  if (authorities.length === 0) {
    for (const place of places) {
      const government = governmentOf(place);
      if (government !== null && kb.entity(government)?.kind === 'authority' && !authorities.includes(government)) authorities.push(government);
    }
  }
  // A question that names its organisation only in part ("the Grey Meridian") is about the one search finds for it.
  if (targets.length === 0) targets.push(...subjects);
  return { targets, authorities };
}

/** Whether a question can be answered in the fixed words of an answer; `noLonger` is whether it asks "no longer". */
function answerableInFixedWords(text: string, noLonger: boolean): boolean {
  // A negated question ("is it not banned", "did Russia never ban it") is not answered yes or no: the
  // fixed words of an answer would say the opposite of what the reader hears.
  if (!noLonger && NEGATED.test(text)) return false;
  // "Did Russia remove it before Kazakhstan?": a comparison that steps in fixed words cannot answer.
  const comparing = COMPARING.exec(text);
  return !(comparing && !DATE_START.test(comparing[1]!));
}

/** The noun after a question's opening "which" or "what" ("which countries"), if it opens so. */
function whichNounOf(words: Word[]): string | undefined {
  return words[0]!.lower === 'which' || words[0]!.lower === 'what' ? words[1]?.lower : undefined;
}

/** A question about a step, of any form but `changed`; null where its form cannot be answered for what it names. */
function stepQuestion(
  form: Exclude<QuestionForm, 'changed'>,
  step: 'listed' | 'removed',
  base: Omit<Question, 'form' | 'step' | 'now'>,
  words: Word[],
  noLonger: boolean,
): Question | null {
  const whichNoun = whichNounOf(words);
  if (form === 'who') {
    // "Who is ...", "which attacks ...": not about who took a step.
    if (whichNoun !== undefined && !COUNTRY_NOUNS.has(whichNoun) && !AUTHORITY_NOUNS.has(whichNoun) && !TARGET_NOUNS.has(whichNoun)) return null;
    if (base.targets.length === 0 && (whichNoun === undefined || !TARGET_NOUNS.has(whichNoun))) return null;
    return { ...base, form, step, now: noLonger || asksNow(words, false) };
  }
  if (base.targets.length === 0) return null;
  if (form === 'when') return { ...base, form, step, now: false, period: null };
  // "Did Russia remove it in 2020?" asks whether it happened then, whatever the tense.
  return { ...base, form, step, now: base.period === null && (noLonger || asksNow(words, PRESENT.has(words[0]!.lower))) };
}

function formOf(text: string, lower: string[]): QuestionForm | null {
  if (CHANGED.test(text)) return 'changed';
  const [first, second] = lower;
  if (first === 'when' || (first === 'since' && second === 'when')) return 'when';
  if ((first === 'what' || first === 'which') && (second === 'year' || second === 'date' || second === 'day' || second === 'month')) return 'when';
  if ((first === 'in' || first === 'on') && (second === 'what' || second === 'which')) return 'when';
  if (
    first === 'who' ||
    first === 'which' ||
    first === 'where' ||
    (first === 'what' && second !== undefined && (COUNTRY_NOUNS.has(second) || AUTHORITY_NOUNS.has(second) || TARGET_NOUNS.has(second)))
  )
    return 'who';
  if (YES_NO.has(first!)) return 'yes-no';
  return null;
}

/** What else a question says, that a verb of the vocabulary may need to name a step. */
interface Cues {
  list: boolean;
  terror: boolean;
  stepNoun: boolean;
  from: boolean;
}

/**
 * The step a question asks about, read with the claim vocabulary: a verb that names a step by
 * itself ("banned", "delisted"), or with the words it needs ("added to the list", "lifted the
 * ban"); failing a verb, a noun ("its removal", "the designation") or "a terrorist organisation".
 */
function stepAsked(words: Word[]): Asked {
  const lower = words.map((w) => w.lower);
  const cues: Cues = {
    list: lower.some((w) => LIST_NOUNS.has(w)),
    terror: lower.some((w) => isTerrorWord(w)),
    stepNoun: words.some((w) => baseOf(w.lemma) in STEP_NOUNS || baseOf(w.lower) in STEP_NOUNS),
    from: lower.includes('from'),
  };
  let verb: 'listed' | 'removed' | null = null;
  let noun: 'listed' | 'removed' | null = null;
  let move = false;
  for (const [i, word] of words.entries()) {
    const forms = [baseOf(word.lemma), baseOf(word.lower)];
    // "asked to remove", "called for its removal", "proposed lifting": a move toward a step; "moved it off the list" is none.
    if (isMoveWord(word) && movesToward(words, i)) move = true;
    if (word.pos === 'NOUN' || word.pos === 'PROPN') {
      const { state, asNoun } = stepNoun(words, i, forms);
      if (state !== undefined) noun ??= state;
      if (asNoun) continue;
    }
    const removing = forms.find((f) => f in REMOVAL_VERBS);
    if (removing !== undefined && satisfied(removing, REMOVAL_VERBS[removing]!, cues)) {
      verb = 'removed';
      continue;
    }
    const listing = forms.find((f) => f in LISTING_VERBS);
    if (listing !== undefined && verb === null && satisfied(listing, LISTING_VERBS[listing]!, cues)) verb = 'listed';
  }
  const step = verb ?? noun ?? (cues.terror ? 'listed' : null);
  return { step, move, byVerb: verb !== null, listCue: cues.list || cues.terror };
}

/**
 * The step a noun of a question names ("removal", "the ban"), if any, and whether it is read as that
 * noun. A noun that is also a verb ("ban", "sanction") is the verb where the tagger missed it ("did
 * Russia ban ..."), not after a determiner or a modifier ("the ban", "the Russian ban", "Russia's ban").
 */
function stepNoun(words: Word[], i: number, forms: string[]): { state: 'listed' | 'removed' | undefined; asNoun: boolean } {
  const state = forms.map((f) => STEP_NOUNS[f]).find((s) => s !== undefined);
  const modified = ['DET', 'ADJ', 'PART', 'ADP', 'NUM'].includes(words[i - 1]?.pos ?? 'DET');
  return { state, asNoun: state !== undefined && (modified || (!(forms[0]! in LISTING_VERBS) && !(forms[0]! in REMOVAL_VERBS))) };
}

/** What a question asks about: the step, whether it asks about a move toward it, and what named the step. */
interface Asked {
  step: 'listed' | 'removed' | null;
  move: boolean;
  /** A verb of the vocabulary named it ("banned", "lifted the ban"). */
  byVerb: boolean;
  /** The question speaks of a list or of terrorism. */
  listCue: boolean;
}

/** Whether the word after a move word takes it toward a step: "to", "for", "that", a gerund or a step noun. */
function movesToward(words: Word[], i: number): boolean {
  let next = i + 1;
  while (words[next]?.pos === 'ADV') next++;
  const w = words[next];
  if (!w) return false;
  return w.lower === 'to' || w.lower === 'for' || w.lower === 'that' || /ing$/.test(w.lower) || baseOf(w.lemma) in STEP_NOUNS;
}

/**
 * Whether the question's predicate is the step: its main verb names a step or a move toward one,
 * or, with no verb of its own, it speaks of a list or of terrorism ("is it on the EU list?").
 * "Did the UN criticise Russia for removing it?" and "was the ban a mistake?" ask something else.
 */
function asksAboutStep(words: Word[], asked: Asked, form: QuestionForm): boolean {
  if (asked.step === null) return false;
  const main = words.find((w) => w.pos === 'VERB' && !LIGHT_VERBS.has(w.lemma));
  if (main) {
    const forms = [baseOf(main.lemma), baseOf(main.lower)];
    return forms.some((f) => f in LISTING_VERBS || f in REMOVAL_VERBS) || (asked.move && isMoveWord(main));
  }
  // No verb of its own: "is it a terrorist organisation in X", "when was its removal"; not "was the ban legal".
  return asked.byVerb || asked.listCue || form !== 'yes-no';
}

/**
 * Whether the organisation asked about is the subject of an active step verb: "did the Taliban
 * ban music", with no authority before the verb. In "was the Taliban banned by Russia" it is not.
 */
function actsItself(kb: KnowledgeBase, words: Word[], names: { entityId: string; start: number }[], asked: Asked): boolean {
  const at = words.findIndex((w) => {
    const base = baseOf(w.lemma);
    return base in LISTING_VERBS || base in REMOVAL_VERBS || (asked.move && isMoveWord(w));
  });
  if (at < 0) return false;
  // Passive: a participle after a form of "be" or "get" anywhere before it ("is the Taliban no longer banned").
  if (words[at]!.lower !== words[at]!.lemma && words.slice(0, at).some((w) => PASSIVE.has(w.lower))) return false;
  const before = names.filter((m) => m.start < words[at]!.start).map((m) => kb.entity(m.entityId)?.kind);
  return before.some((kind) => kind === 'organisation' || kind === 'person') && !before.includes('authority');
}

/** Whether a word asks for, plans or proposes a step, in any inflection ("planning", "asked", "proposes"). */
function isMoveWord(word: Word): boolean {
  if (MOVE_WORDS.has(word.lemma)) return true;
  const w = word.lower;
  const stems = [w, w.replace(/(?:ing|ed|es|s)$/, ''), w.replace(/(?:ing|ed|es)$/, 'e'), w.replace(/(\w)\1(?:ing|ed)$/, '$1'), w.replace(/ied$/, 'y')];
  return stems.some((stem) => MOVE_WORDS.has(stem));
}

/**
 * Whether a verb of the vocabulary has what it needs to name a step (see LISTING_VERBS). A question
 * about an organisation is about designations already, so less is needed than in news text:
 * "listed" is a listing, and "removed" or "dropped" a removal unless it says from what ("removed
 * from power"); "took" and "struck" still need their list.
 */
function satisfied(base: string, needs: ListingNeed, cues: Cues): boolean {
  if (needs === 'none' || base === 'list') return true;
  if (needs === 'terror') return cues.terror || cues.list;
  if (needs === 'list') return cues.list || ((base === 'remove' || base === 'drop') && !cues.from);
  return cues.stepNoun || cues.terror || cues.list;
}

/**
 * Whether a question asks where things stand now: "is it listed", "does Russia ban", "which
 * countries list", "still", rather than "has", "did", "was" or a verb in the past.
 */
function asksNow(words: Word[], presentAuxiliary: boolean): boolean {
  if (words.some((w) => NOW_WORDS.has(w.lower))) return true;
  if (presentAuxiliary) return true;
  if (words.some((w) => PAST_AUXILIARY.has(w.lower))) return false;
  const verb = words.find((w) => {
    const base = baseOf(w.lemma);
    return base in LISTING_VERBS || base in REMOVAL_VERBS;
  });
  // "lists", "ban": present; "banned", "removed": past.
  return verb !== undefined && !/(?:ed|[^e]en|took|struck)$/.test(verb.lower);
}
