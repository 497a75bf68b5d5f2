import { BE, FUTURE_BEFORE_TO, FUTURE_IN_PAST, FUTURE_WORDS, IN_FORCE_DATE, IN_FORCE_FROM, PAST_WORDS, PRESENT_BE, SAME_IN_PAST } from './cues.js';
import { parseWords, type Word } from './parse.js';

/** A tense as dates use it: `either` when the words allow both sides of publication. */
export type Tense = 'past' | 'future' | 'unknown' | 'either';

/**
 * The tense of the verb that governs a date in a sentence: the nearest verb group before it in
 * its clause, or, for a date that opens its clause ("On Monday, the minister will ..."), the
 * first one after. A present-tense verb of an event ("takes office on", "opens on") is
 * scheduled, which dates like the future.
 *
 * @example
 * tenseAt('The president-elect takes office on January 20.', 33) // 'future'
 * tenseAt('Kenya said on Monday it would ban the group.', 11)     // 'past'
 */
export function tenseAt(sentence: string, offset: number): Tense {
  const tense = governingTense(sentence, offset);
  // "The ministry had said it would remove the group in January", "Earlier, it said it would ...": a
  // future seen from a day before the story, which may be past or still to come at publication.
  // ("It said it would remove the group in January" is the next January: the plan is news.)
  return tense === 'future' && FUTURE_IN_PAST.test(sentence.slice(0, offset)) ? 'either' : tense;
}

function governingTense(sentence: string, offset: number): Tense {
  // Most dates in news follow a verb in the past ("was listed on Monday"): read that without parsing.
  const near = sentence
    .slice(Math.max(0, offset - 60), offset)
    .split(/[,;:]/)
    .pop()!
    .toLowerCase()
    .split(/\s+/)
    .slice(-7);
  if (
    !near.some((w) => FUTURE_WORDS.has(w) || w === 'to' || w === 'effective' || w === 'from') &&
    near.some((w) => PAST_WORDS.has(w) || (/ed$/.test(w) && w.length > 4))
  )
    return 'past';
  // Only the clause of the date and the one after it can govern it: parse just those.
  const from = Math.max(0, ...[',', ';', ':'].map((p) => sentence.lastIndexOf(p, offset - 1) + 1));
  // "X proscribed two factions, A and B, in March, and police say ...": a date in an aside of its own takes the verb before it.
  const aside = asideTense(sentence, from, offset);
  if (aside !== null) return aside;
  const next = sentence.slice(offset).search(/[;,][^;,]*[;,]/);
  const to = next < 0 ? sentence.length : offset + next + 1 + sentence.slice(offset + next + 1).search(/[;,]/);
  const tense = tenseIn(sentence.slice(from, to), offset - from);
  if (tense !== 'unknown') return tense;
  // "..., a day after meeting police chiefs on Wednesday": a clause with no tense of its own takes the sentence's.
  return tenseOf(group(parseWords(sentence), 0, 1));
}

/**
 * The tense of the verb before a date that stands in a comma-bounded run with no verb of its own
 * (", in March,"), or null where the run has a verb, or opens the sentence, or nothing governs it.
 */
function asideTense(sentence: string, from: number, offset: number): Tense | null {
  const end = sentence.slice(offset).search(/[,;:]/);
  if (from === 0 || end < 0 || sentence[offset + end] !== ',') return null;
  const words = parseWords(sentence);
  const run = words.filter((w) => w.start >= from && w.end <= offset + end);
  if (run.some((w) => w.pos === 'VERB' || w.pos === 'AUX')) return null;
  // The tagger may take a past participle after a name for a noun ("the Home Office proscribed").
  const verb = words.filter((w) => w.end <= from && (w.pos === 'VERB' || w.pos === 'AUX' || (w.pos === 'NOUN' && /ed$/.test(w.lower)))).pop();
  return verb !== undefined && (/ed$/.test(verb.lower) || PAST_WORDS.has(verb.lower) || (verb.lower !== verb.lemma && /(en|t)$/.test(verb.lower)))
    ? 'past'
    : null;
}

function tenseIn(sentence: string, offset: number): Tense {
  const words = parseWords(sentence);
  const at = words.findIndex((w) => w.start >= offset);
  const position = at < 0 ? words.length : at;
  const before = group(words, position, -1);
  // "with effect from 2 October", "effective 1 May": an in-force date, after the decision that sets it.
  if (IN_FORCE_FROM.test(sentence.slice(0, offset))) {
    // "banned X, effective 3 June" has no verb of its own: either side of publication, whichever is nearer.
    if (!before.some((w) => w.pos === 'VERB' || w.pos === 'AUX')) return 'either';
    return tenseOf(before) === 'past' && !before.some((w) => w.lower === 'has' || w.lower === 'have') ? 'past' : 'future';
  }
  if (before.length > 0) {
    const tense = tenseOf(before);
    // "with the regulation coming into force on March 3": an in-force gerund has no tense; the nearer side of publication.
    return tense === 'unknown' && IN_FORCE_DATE.test(sentence.slice(0, offset)) ? 'either' : tense;
  }
  // A date that opens its clause ("On March 3, a court will hear"): the verb after it.
  // "Canada on Tuesday listed X": the verb after the date, where one comes before the clause's end.
  let next = position;
  while (next < words.length && words[next]!.pos !== 'PUNCT' && words[next]!.pos !== 'VERB' && words[next]!.pos !== 'AUX') next++;
  return tenseOf(group(words, words[next]?.text === ',' ? next + 1 : position, 1));
}

/** The verb group nearest `from` in one direction, within the clause (commas and semicolons bound it). */
function group(words: Word[], from: number, step: 1 | -1): Verb[] {
  const found: Verb[] = [];
  // "set to take effect" is future; "set aside" is not.
  const future = (k: number) => FUTURE_WORDS.has(words[k]!.lower) && (!FUTURE_BEFORE_TO.has(words[k]!.lower) || words[k + 1]?.lower === 'to');
  for (let k = step < 0 ? from - 1 : from; k >= 0 && k < words.length; k += step) {
    const w = words[k]!;
    if (w.pos === 'PUNCT' && w.text !== '-') break;
    // A capitalised word inside a sentence is a name's ("the Southern Cross Brotherhood"), not a verb.
    const named = k > 0 && /^\p{Lu}/u.test(w.text);
    const verbal = !named && (w.pos === 'VERB' || w.pos === 'AUX' || (w.pos === 'PART' && w.lower === 'to') || future(k) || PAST_WORDS.has(w.lower));
    if (verbal) found.push(future(k) ? { ...w, future: true } : w);
    else if (found.some((f) => f.pos === 'VERB' || f.pos === 'AUX') && w.pos !== 'ADV' && w.pos !== 'PART') break;
  }
  return step < 0 ? found.reverse() : found;
}

/** A word of a verb group, marked where it makes the group future. */
type Verb = Word & { future?: true };

function tenseOf(verbs: Verb[]): Tense {
  if (verbs.length === 0) return 'unknown';
  if (verbs.some((w) => w.future)) return 'future';
  if (verbs.some((w) => PAST_WORDS.has(w.lower))) return 'past';
  const main = [...verbs].reverse().find((w) => w.pos === 'VERB') ?? verbs[verbs.length - 1]!;
  if (/ing$/.test(main.lower) && verbs.length === 1) return 'unknown'; // a gerund alone has no tense
  if (verbs.some((w) => PRESENT_BE.has(w.lower)) && /ing$/.test(main.lower)) return 'future'; // "is meeting on Monday"
  if (main.lower === `${main.lemma}s` || main.lower === `${main.lemma}es` || (main.lemma.endsWith('y') && main.lower === `${main.lemma.slice(0, -1)}ies`))
    return 'future';
  if (main.lower !== main.lemma && /(ed|en|t)$/.test(main.lower)) return 'past';
  // "when ministers meet on 19 October": a plain present, as scheduled as "meets".
  const afterTo = verbs[verbs.indexOf(main) - 1]?.lower === 'to';
  if (afterTo && verbs.length === 2) return 'unknown'; // "to discuss": an infinitive alone has no tense
  // "Ministers have until 30 June": a plain present, of a verb or of "have" alone.
  const plain = main.pos === 'VERB' || (main.pos === 'AUX' && verbs.length === 1 && !BE.has(main.lower));
  if (main.lower === main.lemma && plain && !afterTo && !/ed$/.test(main.lower) && !SAME_IN_PAST.has(main.lower)) return 'future';
  return PRESENT_BE.has(main.lower) ? 'unknown' : 'past';
}
