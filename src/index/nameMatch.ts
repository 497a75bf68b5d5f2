import { freshToken, type NameToken, sameSpelling, token } from '../knowledge/spelling.js';

/**
 * Scores how well two names of an organisation or person match, the way official lists and
 * news write them differently: without regard to case, diacritics, punctuation, word order (not
 * for people), the Arabic article ("al-", "el-") and the vowels that transliterations disagree on
 * (Qaida and Qaeda, Taliban and Taleban, Hizballah and Hezbollah).
 */

/**
 * Words that carry no name: the article of Arabic transliterations, the joining vowel of Persian
 * and Urdu ones (Lashkar-e-Taiba, Lashkar-i-Tayyiba), and English joining words.
 */
const PARTICLES = new Set(['al', 'el', 'ul', 'a', 'e', 'i', 'o', 'u', 'the', 'of', 'and', 'in', 'for', 'wa', 'wal', 'de', 'la']);
/** A token whose letters differ only in vowels counts this much; an identical token counts 1. */
const SPELLING_WEIGHT = 0.9;
/** A whole name run together is matched on its spelling only from this length. */
const MIN_SPELT_WHOLE = 8;

/** A name folded for matching: its words without particles, and the whole name as one word (Hizbul and Hizb ul-). */
export interface FoldedName {
  tokens: NameToken[];
  whole: NameToken;
  /** How many words the name is written in, particles included. */
  words: number;
}

/**
 * A name, folded: its words with particles left out, and all its words run together.
 *
 * @example
 * foldName("Al-Qa'ida").tokens.map((t) => t.word) // ['qaida']
 * foldName('Qaeda').tokens[0].skeleton === foldName('Qaida').tokens[0].skeleton // true
 */
export function foldName(name: string): FoldedName {
  // Most list names are plain ASCII: only others need their diacritics taken apart.
  const plain = /^[\x20-\x7e]*$/.test(name) ? name : name.normalize('NFKD').replace(/\p{M}/gu, '');
  const words = plain
    .toLowerCase()
    // Apostrophes and the marks of ayn and hamza sit inside words; dots inside acronyms (I.S.I.L.).
    .replace(/['’‘`ʿʾ.]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  return { tokens: words.filter((w) => !PARTICLES.has(w)).map(token), whole: freshToken(words.join('')), words: words.length };
}

/**
 * How well two names match, from 0 to 1: the Dice coefficient over their words, a word counting
 * 1 where it is the same and 0.9 where it is another spelling of it. Word order does not count,
 * unless `ordered` (people: "Ali Mohammed" is not "Mohammed Ali"); a name written with other spaces
 * (Hizbul Mujahideen, Hizb ul-Mujahidin) matches as a whole.
 *
 * @example
 * nameScore(foldName('Taliban'), foldName('TALEBAN')) // 0.9
 * nameScore(foldName('Taliban'), foldName('Taliban movement')) // 0.67
 */
export function nameScore(a: FoldedName, b: FoldedName, ordered = false): number {
  // Spelt as a whole only where the spaces differ: word by word, "Al-Nur" and "Al-Nar" are two names.
  const respaced = a.words !== b.words && a.whole.word.length >= MIN_SPELT_WHOLE && b.whole.word.length >= MIN_SPELT_WHOLE;
  const whole = a.whole.word === b.whole.word ? 1 : respaced && sameSpelling(a.whole, b.whole) ? SPELLING_WEIGHT : 0;
  return Math.max(whole, (ordered ? orderedScore : wordScore)(a.tokens, b.tokens));
}

function weight(a: NameToken, b: NameToken): number {
  return a.word === b.word ? 1 : sameSpelling(a, b) ? SPELLING_WEIGHT : 0;
}

function wordScore(a: NameToken[], b: NameToken[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const free = [...b];
  let matched = 0;
  for (const token of a) {
    let best = -1;
    let most = 0;
    free.forEach((other, i) => {
      const w = weight(token, other);
      if (w > most) [best, most] = [i, w];
    });
    if (best < 0) continue;
    matched += most;
    free.splice(best, 1);
  }
  return (2 * matched) / (a.length + b.length);
}

/** The Dice coefficient over the words both names have in the same order (a weighted longest common subsequence). */
function orderedScore(a: NameToken[], b: NameToken[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let row = new Array<number>(b.length + 1).fill(0);
  for (const token of a) {
    const next = [0];
    b.forEach((other, j) => {
      next.push(Math.max(row[j]! + weight(token, other), row[j + 1]!, next[j]!));
    });
    row = next;
  }
  return (2 * row[b.length]!) / (a.length + b.length);
}
