/**
 * The spelling of a word as transliterations of one Arabic or Persian word share it: its consonants
 * and its runs of vowels, so that Qaida and Qaeda, Taliban and Taleban, Taiba and Tayyiba are one
 * word written two ways. Used by the names of list entries (src/index/nameMatch.ts) and by the
 * names of entities in articles (src/extract/entityMatcher.ts).
 */

/** The joining vowels of Persian and Urdu names, which transliterations give each other: Lashkar-e-Taiba, Lashkar-i-Tayyiba. */
export const JOINING_VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** Whether two words of a name are one word written two ways (not the same word): see sameSpelling. */
export function spelledAlike(a: string, b: string): boolean {
  if (a === b) return false;
  if (JOINING_VOWELS.has(a) && JOINING_VOWELS.has(b)) return true;
  // Cheap refusals first: one word written two ways starts with one letter (q as k) and is near its length.
  const first = (w: string) => (w[0] === 'q' ? 'k' : w[0]);
  return first(a) === first(b) && Math.abs(a.length - b.length) <= 3 && sameSpelling(token(a), token(b));
}

/** Words shorter than this match only as they are. */
const MIN_SPELT_WORD = 4;
/** One word of a name, folded for comparison. */
export interface NameToken {
  /** Lower case, without diacritics or apostrophes. */
  word: string;
  /** The word as its consonants: what transliterations of one Arabic or Persian word share. */
  skeleton: string;
  /** The word's runs of vowels, y as i and repeats as one: Qaida [ai, a], Hezbollah [e, o, a], Bayt [ai]. */
  vowels: string[];
}

/** Tokens made so far, by word: names repeat their words, and a list of 600,000 names would otherwise hold millions of copies. */
const tokens = new Map<string, NameToken>();
/** Words kept at most: beyond, a token is made each time (the vocabulary of names is far smaller). */
const MAX_TOKENS = 500_000;

/** A word as names are compared by; the same (unchanging) token for the same word. */
export function token(word: string): NameToken {
  const known = tokens.get(word);
  if (known !== undefined) return known;
  const made = freshToken(word);
  if (tokens.size < MAX_TOKENS) tokens.set(word, made);
  return made;
}

/** A token made anew, for a string seldom seen twice (a whole name run together): not kept. */
export function freshToken(word: string): NameToken {
  return { word, skeleton: skeletonOf(word), vowels: (word.match(/[aeiouy]+/g) ?? []).map((run) => run.replace(/y/g, 'i').replace(/(.)\1+/g, '$1')) };
}

/** The consonants of a word after its first letter, with q as k, ph as f and doubled letters as one. */
function skeletonOf(word: string): string {
  const plain = word
    .replace(/q/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/(.)\1+/g, '$1');
  return plain[0] + plain.slice(1).replace(/[aeiouy]/g, '');
}

/**
 * Vowels that transliterations of one word give each other: Taliban and Taleban (i, e), Hizballah
 * and Hezbollah (i, e; a, o), Mohammed and Muhammad (o, u; e, a). A run shares a letter with its
 * counterpart (Qaida's "ai" and Qaeda's "ae") or the two are one of these pairs; Hassan and Hussein
 * (a, u), Sharia and Shura (a, u) are other words.
 */
const KINDRED_VOWELS = new Set(['ae', 'ea', 'ei', 'ie', 'ao', 'oa', 'ou', 'uo']);

function kindred(a: string, b: string): boolean {
  return [...a].some((letter) => b.includes(letter)) || (a.length === 1 && b.length === 1 && KINDRED_VOWELS.has(a + b));
}

/** Whether two different words are spellings of one: the same consonants, vowels that transliterations give each other, and not too short to tell. */
export function sameSpelling(a: NameToken, b: NameToken): boolean {
  return (
    a.skeleton === b.skeleton &&
    a.vowels.length === b.vowels.length &&
    a.vowels.every((run, i) => kindred(run, b.vowels[i]!)) &&
    a.word.length >= MIN_SPELT_WORD &&
    b.word.length >= MIN_SPELT_WORD
  );
}
