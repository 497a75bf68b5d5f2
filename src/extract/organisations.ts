import type { Word } from './parse.js';
import {
  ALIAS_JOINERS,
  ALIAS_LIST_START,
  BODY_NAME_OPENER,
  BODY_WORDS,
  CATEGORY_WORDS,
  DOCUMENT_WORDS,
  HEADS,
  isTerrorWord,
  NAME_CONNECTORS,
  NAME_LIST_JOINERS,
  NOT_NAME_WORDS,
  ORGANISATION_REFERENCES,
  PEOPLE_HEADS,
  TIME_MODIFIERS,
  ALIAS_OPENER,
  ALIAS_OPENER_WHOLE,
  inclusionAt,
  MEMBER_NOUNS,
  PART_NOUNS,
  PERSON_APPOSITIONS,
  PERSON_NAME_WORDS,
  SET_NOUNS,
} from './cues.js';

const capitalised = (w: Word) => /^\p{Lu}/u.test(w.text) || /^\p{Lu}/u.test(w.text.replace(/^(al|el|ul|ut)-/i, ''));

export interface FoundName {
  name: string;
  aliases: string[];
  /** The word the name starts at. */
  at: number;
}

/**
 * The proper names of organisations between words `from` and `to`: the first name there, and
 * the names listed with it ("the X, the Y and the Z"). A name is capitalised words with the
 * connectors names hold, not a known entity, a month or a document. With each, the aliases the
 * text gives: an acronym in brackets after it, and the names of an "also known as" list.
 *
 * @example
 * // "... listed the Northern Dawn Front (NDF), also known as Fajr al-Shamal, ..."
 * // => [{ name: 'Northern Dawn Front', aliases: ['NDF', 'Fajr al-Shamal'], at: 3 }]
 */
export function findOrganisationNames(
  words: Word[],
  from: number,
  to: number,
  isMention: (i: number) => boolean,
  isPlace: (i: number) => boolean = () => false,
): FoundName[] {
  const found: FoundName[] = [];
  let lastEnd = from;
  for (let i = Math.max(0, from); i < to; i++) {
    // "the Front (JFT)", "Groene Vuist (Green Fist)": another name of the known name before it.
    const close = bracketedAfterMention(words, i, isMention);
    if (close !== null) {
      i = close;
      continue;
    }
    const name = placeLedName(words, i, to, isMention, isPlace) ?? nameAt(words, i, to, isMention);
    if (name === null) {
      const next = pastOtherWords(words, i, to, found.length > 0, isMention);
      if (next === null) break;
      i = next - 1;
      continue;
    }
    if (name.text === null || notListed(words, i, name.end, name.text, isMention)) {
      if (found.length > 0) break;
      i = name.end - 1; // a category, a document, a person or a part's owner: none of its words starts a name
      continue;
    }
    const aliases = aliasesAfter(words, name.end, isMention);
    // "..., the Ministry of Foreign Affairs announced": the subject of another verb ends the list.
    if (found.length > 0 && ['VERB', 'AUX'].includes(words[aliases.end]?.pos ?? '')) break;
    // "Al-Jabha al-Sharqiya, or the Eastern Front,": another name of the one before.
    const joined =
      found.length > 0
        ? words
            .slice(lastEnd, i)
            .map((w) => w.lower)
            .join(' ')
        : '';
    if (/^, or( the)?$/.test(joined)) found[found.length - 1]!.aliases.push(name.text, ...aliases.names);
    else found.push({ name: name.text, aliases: aliases.names, at: i });
    lastEnd = aliases.end;
    i = aliases.end - 1;
  }
  return found;
}

/**
 * A name that opens with a one-word place ("the Egyptian Revolutionary Council", "Bangladesh
 * Chhatra League"): the place and the name after it, where that name has a head word.
 */
function placeLedName(words: Word[], i: number, to: number, isMention: (i: number) => boolean, isPlace: (i: number) => boolean) {
  if (!isPlace(i) || isMention(i - 1) || isMention(i + 1) || !capitalised(words[i + 1] ?? words[i]!) || words[i + 1] === undefined) return null;
  const rest = nameAt(words, i + 1, to, isMention);
  return rest?.text && HEAD_WORD.test(rest.text) ? { text: `${words[i]!.text} ${rest.text}`, end: rest.end } : null;
}

/** Where the brackets that open before `i` close, if they follow a known name and hold only capitalised words. */
function bracketedAfterMention(words: Word[], i: number, isMention: (i: number) => boolean): number | null {
  if (words[i - 1]?.text !== '(' || i < 2 || !isMention(i - 2)) return null;
  for (let k = i; k < Math.min(words.length, i + 6); k++) {
    if (words[k]!.text === ')') return k;
    if (!capitalised(words[k]!) && !NAME_CONNECTORS.has(words[k]!.lower)) return null;
  }
  return null;
}

/**
 * Where the scan for names goes on after a word that starts none: past a phrase naming a set
 * whose members follow ("X and its media arm, Y", "five groups, among them X"), a joiner or a
 * known name; null where a list of names has ended.
 */
function pastOtherWords(words: Word[], i: number, to: number, listing: boolean, isMention: (i: number) => boolean): number | null {
  const set = setPhraseEnd(words, i, to);
  if (set !== null) return set;
  return listing && !NAME_LIST_JOINERS.has(words[i]!.lower) && !isMention(i) ? null : i + 1;
}

/**
 * Whether a name is not one the step lists: a person described by what they are in an
 * organisation ("Omar Haddad, a senior financier of the Front"; "the Red Crescent Army, a member
 * of the coalition" is an organisation in another), or the owner of a part the step names ("a
 * chapter of the Iron Brotherhood, the Winnipeg Iron Brotherhood").
 */
function notListed(words: Word[], at: number, end: number, text: string, isMention: (i: number) => boolean): boolean {
  if (!HEAD_WORD.test(text) && (describesMember(words, end, isMention) || namedAsMember(words, at))) return true;
  // "two financiers of the Iran-backed X": past a compound modifier.
  const before = compoundModifier(words, at - 3) ? at - 4 : at - 1;
  const of = words[before]?.lower === 'the' ? before - 1 : before;
  const owner = words[of - 1]?.lower ?? '';
  return words[of]?.lower === 'of' && (PART_NOUNS.has(owner) || MEMBER_NOUNS.has(owner));
}

/**
 * Where a phrase naming a set of organisations ends when the names of its members follow: "and
 * its media arm,", "two of its offshoots,", ", among them", "including". Null where the words are
 * no such phrase (a name that follows "an offshoot of" is not one of its members).
 */
function setPhraseEnd(words: Word[], i: number, to: number): number | null {
  const marker = inclusionAt(words, i);
  if (marker > 0) return i + marker;
  let sawSet = false;
  for (let k = i; k < Math.min(to, i + 9); k++) {
    const w = words[k]!;
    if (w.text === ',' || w.text === ':') return sawSet ? k + 1 : null;
    const marked = inclusionAt(words, k);
    if (marked > 0) return sawSet ? k + marked : null;
    if (/^\p{Lu}/u.test(w.text) && w.pos !== 'NUM') return null;
    if (!['DET', 'NUM', 'ADJ', 'NOUN', 'ADP', 'PRON', 'CCONJ', 'PUNCT'].includes(w.pos) && w.text !== '-') return null;
    if (w.pos === 'ADP' && w.lower !== 'of') return null;
    sawSet ||= SET_NOUNS.has(w.lower);
  }
  return null;
}

/** Whether a name is in apposition to a member's noun before it: "the group's founder, Masood Azhar,". */
function namedAsMember(words: Word[], at: number): boolean {
  return words[at - 1]?.text === ',' && MEMBER_NOUNS.has(words[at - 2]?.lower ?? '');
}

/** Whether an apposition for a person follows a name: ", an individual", ", a national of", "(born 1975)". */
function personFollows(words: Word[], k: number): boolean {
  if (words[k]?.text !== ',' && words[k]?.text !== '(') return false;
  return words.slice(k + 1, k + 4).some((w) => PERSON_APPOSITIONS.has(w.lower));
}

/**
 * Whether the words at `k` are an apposition for a person: ", a senior commander of", ", the
 * group's leader,". Its head is the noun for a member, with only modifiers before it, and
 * nothing after it but "of" or the apposition's end (", a spokesperson said" is a speaker).
 */
function describesMember(words: Word[], k: number, isMention: (i: number) => boolean): boolean {
  if (words[k]?.text !== ',' || !['a', 'an', 'the', 'its', 'their', 'one', 'two', 'three'].includes(words[k + 1]?.lower ?? '')) return false;
  for (let n = k + 2, seen = 0; n < words.length && seen < 5; n++) {
    // A known name inside it ("the Sons of the Western Ridge's chief recruiter") is one modifier.
    if (isMention(n)) continue;
    seen++;
    const w = words[n]!;
    const after = words[n + 1];
    // "deputy leader": the head is the last noun.
    if (MEMBER_NOUNS.has(w.lower) && after?.pos !== 'NOUN') return after === undefined || ['of', ',', '.', ';', ')'].includes(after.lower);
    if (!['ADJ', 'NOUN', 'PROPN', 'PART'].includes(w.pos) && !/^['’]s$/.test(w.text)) return false;
  }
  return false;
}

/**
 * The name that starts at word `i`, if one does: `text` null marks words that are a category or
 * a document ("a Foreign Terrorist Organization", "the Criminal Code"), to be skipped whole.
 */
function nameAt(words: Word[], i: number, to: number, isMention: (i: number) => boolean): { text: string | null; end: number } | null {
  const first = words[i]!;
  // "the Sulu-based Kataib Tawhid", "Terrorgram-linked Rusich Youth Front": the name follows its compound modifier.
  if (compoundModifier(words, i) && !['a', 'an'].includes(words[i - 1]?.lower ?? '')) return nameAt(words, i + 3, to, isMention);
  if (!capitalised(first) || NOT_NAME_WORDS.has(first.lower) || isMention(i) || first.pos === 'PUNCT' || first.pos === 'NUM') return null;
  if (i === 0 && first.pos !== 'PROPN') return null;
  const lastCapital = lastWordOfName(words, i, to, isMention);
  const parts = words.slice(i, lastCapital + 1);
  if (lettersIn(parts) < 3) return null;
  if (notAnOrganisation(words, i, lastCapital + 1) || modifiesNoun(words, lastCapital + 1)) return { text: null, end: lastCapital + 1 };
  if (parts.length === 1 && first.pos !== 'PROPN' && !/^\p{Lu}{2,}$/u.test(first.text)) return null;
  return { text: joinWords(parts), end: lastCapital + 1 };
}

/** Whether capitalised words before `end` qualify the common noun after them: "six Palestinian civil-society groups", "two Houthi procurement agents", "Hasm offshoot X". */
function modifiesNoun(words: Word[], end: number): boolean {
  const after = words[end];
  if (after === undefined || !/^\p{Ll}/u.test(after.text) || ORGANISATION_REFERENCES.has(after.lower) || TIME_MODIFIERS.has(after.lower)) return false;
  return after.pos === 'NOUN' || (after.pos === 'ADJ' && ['NOUN', 'PUNCT'].includes(words[end + 1]?.pos ?? ''));
}

/**
 * The last capitalised word of the name that starts at `i`, past the connectors inside it. An
 * "and" stays inside only a name with a head word ("Jammu and Kashmir Liberation Front"); else
 * it joins two names ("Los Lobos and Tiguerones").
 */
function lastWordOfName(words: Word[], i: number, to: number, isMention: (i: number) => boolean): number {
  const last = lastCapitalOf(words, i, to, isMention);
  const and = words.slice(i, last + 1).findIndex((w) => w.lower === 'and');
  return and > 0 && !HEAD_WORD.test(joinWords(words.slice(i, last + 1))) ? i + and - 1 : last;
}

function lastCapitalOf(words: Word[], i: number, to: number, isMention: (i: number) => boolean): number {
  let lastCapital = i;
  for (let end = i + 1; end < to; end++) {
    const w = words[end]!;
    // A place inside a name ("Lake Chad Vanguard") when the name goes on after it, or that ends it ("Islamic Centre Hamburg (IZH)").
    if (isMention(end) && !(words[end + 1] && capitalised(words[end + 1]!) && !isMention(end + 1)) && !placeEndsName(words, end, isMention)) break;
    const attached = words[end - 1]?.text === '-' && words[end - 1]!.start === words[end - 2]?.end && w.start === words[end - 1]!.end;
    if ((capitalised(w) && !NOT_NAME_WORDS.has(w.lower) && w.pos !== 'PUNCT') || (attached && /^\p{L}+$/u.test(w.text))) lastCapital = end;
    else if (!NAME_CONNECTORS.has(w.lower) || (w.lower === 'the' && words[end - 1]?.lower !== 'of')) break;
  }
  return lastCapital;
}

/** Whether a one-word place ends the name before it: right after its capitalised words or their "of", and before no other capital ("the Islamic Centre Hamburg (IZH) and"). */
function placeEndsName(words: Word[], at: number, isMention: (i: number) => boolean): boolean {
  // "the Islamic Academy of Germany": past the "of".
  const before = words[at - 1]?.lower === 'of' ? words[at - 2] : words[at - 1];
  const after = words[at + 1];
  if (!before || isMention(at + 1) || !capitalised(before) || isMention(at - 1) || NOT_NAME_WORDS.has(before.lower)) return false;
  return after === undefined || after.text === '(' || after.text === ',' || after.text === '.' || /^\p{Ll}/u.test(after.text);
}

const lettersIn = (parts: Word[]) => parts.reduce((n, p) => n + p.text.replace(/[^\p{L}]/gu, '').length, 0);

/** Whether the words at `i` are a capitalised word, a hyphen and a participle, written as one: "Sulu-based", "Iran-backed". */
function compoundModifier(words: Word[], i: number): boolean {
  const [w, hyphen, participle] = [words[i], words[i + 1], words[i + 2]];
  if (!w || hyphen?.text !== '-' || !participle) return false;
  return w.end === hyphen.start && hyphen.end === participle.start && /^\p{Ll}+ed$/u.test(participle.text);
}

/**
 * Whether capitalised words are a category ("a Foreign Terrorist Organization", "Specially
 * Designated Global Terrorist"), a document, or a person ("Abu Hamza al-Sahili", "Omar bin Saleh",
 * "Ahmed Yusuf, a national of Somalia"), not an organisation's name.
 */
function notAnOrganisation(words: Word[], from: number, end: number): boolean {
  const parts = words.slice(from, end);
  const last = parts[parts.length - 1]!;
  const indefinite = ['a', 'an'].includes(words[from - 1]?.lower ?? '');
  if (
    indefinite ||
    DOCUMENT_WORDS.has(last.lower) ||
    (BODY_WORDS.has(parts[0]!.lower) && parts.length > 1) ||
    parts.some((p) => isTerrorWord(p.lower) || CATEGORY_WORDS.has(p.lower))
  )
    return true;
  return !HEAD_WORD.test(joinWords(parts)) && (parts.some((p) => PERSON_NAME_WORDS.has(p.lower)) || personFollows(words, end));
}

/** The aliases after a name: "(NDF)", ", also known as A, B and C"; and where they end. */
function aliasesAfter(words: Word[], end: number, isMention: (i: number) => boolean): { names: string[]; end: number } {
  const aliases: string[] = [];
  let k = end;
  if (words[k]?.text === '(' && words[k + 2]?.text === ')' && /^[\p{Lu}\d-]{2,}$/u.test(words[k + 1]!.text)) {
    aliases.push(words[k + 1]!.text);
    k += 3;
  }
  const afterAcronym = k;
  if (words[k]?.text === ',' || words[k]?.text === '(') k++;
  let listed = false;
  /** "also known as: a) X; b) Y": a colon and list markers before the names. */
  const skipMarkers = () => {
    while (
      words[k] &&
      (words[k]!.text === ':' || words[k]!.text === ';' || (/^[a-z]$/.test(words[k]!.text) && words[k + 1]?.text === ')') || words[k]!.text === ')')
    )
      k++;
  };
  for (let n = 4; n >= 1; n--) {
    const opener = words
      .slice(k, k + n)
      .map((w) => w.text)
      .join(' ');
    if (!ALIAS_OPENER_WHOLE.test(opener.replace(/ \. ?/g, '.'))) continue;
    k += n;
    listed = true;
    while (k < words.length) {
      skipMarkers();
      const name = nameAt(words, k, words.length, isMention);
      if (!name || name.text === null) break;
      aliases.push(...splitAliasList(name.text));
      k = name.end;
      if (words[k]?.text === ',' || words[k]?.lower === 'and' || words[k]?.lower === 'or') k++;
      if (words[k]?.lower === 'and' || words[k]?.lower === 'or') k++;
    }
    break;
  }
  return { names: aliases, end: listed ? k : afterAcronym };
}

/**
 * The names of an alias list read as one ("Grey Meridian and Meridian Order"): in a list of names
 * an "and" or "or" between capitalised words joins two names, not the words of one name.
 */
function splitAliasList(text: string): string[] {
  const names = text.split(/\s+(?:and|or)\s+(?=\p{Lu})/u);
  // "Front for Peace and Democracy" is one name: each of two names has two words or more.
  return names.length > 1 && names.every((name) => name.split(/\s+/).length >= 2) ? names : [text];
}

/** The words as written, with hyphens and apostrophes joined as in the text. */
function joinWords(parts: Word[]): string {
  let out = '';
  parts.forEach((p, i) => {
    const previous = parts[i - 1];
    out += previous && previous.end === p.start ? p.text : (i > 0 ? ' ' : '') + p.text;
  });
  return out;
}

const ALIAS = /^(?:the\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|for|and|al|el|the)\s+)*\p{Lu}[\p{L}'’-]*)*)/u;

/**
 * The names an "also known as" list gives after `end` (where a name ends): "also known as the
 * Velmora Charitable Trust and Velmora Aid", "(a.k.a. X)", "also known as: a) X; b) Y". Found
 * without parsing, in any sentence, so that an alias given in passing is an alias everywhere.
 */
export function namesAlsoKnownAs(sentence: string, end: number): string[] {
  const rest = sentence.slice(end);
  const opener = /^\s*(?:\([A-Z0-9-]{2,8}\)\s*)?[,(]?\s*/.exec(rest)!;
  const known = ALIAS_LIST_START.exec(rest.slice(opener[0].length));
  if (!known) return [];
  let list = rest.slice(opener[0].length + known[0].length);
  const names: string[] = [];
  for (let n = 0; n < 6; n++) {
    list = list.replace(/^\s*(?:[a-z]\)\s*)?/, '');
    const m = ALIAS.exec(list);
    if (!m) break;
    names.push(...splitAliasList(m[1]!));
    list = list.slice(m[0].length);
    const joiner = /^\s*(?:,|;|\band\b|\bor\b)\s*(?:(?:and|or)\s+)?/.exec(list);
    if (!joiner) break;
    list = list.slice(joiner[0].length);
  }
  return names;
}

const HEAD_WORD = new RegExp(`\\b(?:${HEADS}|${PEOPLE_HEADS})\\b`);
/** Names that open with what they are: "the Brigades of the Eastern Gate", "the Sons of the Northern Rivers". */
const HEAD_FIRST = new RegExp(
  `\\b((?:${HEADS}|${PEOPLE_HEADS})\\s+of\\s+(?:the\\s+)?(?:[A-Z][\\p{L}'’-]*)(?:\\s+[A-Z][\\p{L}'’-]*){0,3})(?:\\s+\\(([A-Z][A-Z0-9-]{1,7})\\))?`,
  'gu',
);
const CANDIDATE = new RegExp(
  `\\b((?:[A-Z][\\p{L}'’-]*\\s+(?:(?:of|for|and|al|el)(?:\\s+the)?[\\s-]+)?){0,5}(?:${HEADS}))(?:\\s+\\(([A-Z][A-Z0-9-]{1,7})\\))?\\b`,
  'gu',
);

/**
 * Whether the text before a name ends inside an "also known as" list: the opener, then only names
 * and the words that join them ("also known as Grey Meridian and"); a lower-case word ends it.
 */
function inAliasList(before: string): boolean {
  let opener = -1;
  for (const m of before.matchAll(ALIAS_OPENER)) opener = m.index + m[0].length;
  if (opener < 0) return false;
  const words = before.slice(opener).match(/[\p{L}'’-]+/gu) ?? [];
  return words.every((w) => /^\p{Lu}/u.test(w) || ALIAS_JOINERS.has(w.toLowerCase()));
}

export interface OrganisationLikeName {
  name: string;
  aliases: string[];
  /** Where the match starts in the sentence (a leading "the" included). */
  start: number;
}

/**
 * Names in a sentence that look like organisations' ("the Pwani Uhuru Council", "the Northern
 * Dawn Front (NDF)"), found without parsing: what "the group" in a later sentence can stand for.
 */
export function organisationLikeNames(sentence: string): OrganisationLikeName[] {
  const found: OrganisationLikeName[] = [];
  if (!HEAD_WORD.test(sentence)) return found;
  for (const m of [...sentence.matchAll(CANDIDATE), ...sentence.matchAll(HEAD_FIRST)]) {
    let name = m[1]!.replace(/^(?:The|A|An)\s+/, '');
    // "Members of the Sindh Liberation Council": a capital that only opens the sentence.
    if (m.index === 0) name = name.replace(/^\p{L}+\s+of\s+(?:the\s+)?/u, '');
    if (name.split(/\s+/).length < 2 || BODY_NAME_OPENER.test(name)) continue;
    // "X, also known as Grey Meridian and Meridian Order": other names of X, not another organisation.
    if (inAliasList(sentence.slice(0, m.index))) continue;
    found.push({ name, aliases: m[2] ? [m[2]] : [], start: m.index });
  }
  return found;
}
