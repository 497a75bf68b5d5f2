import { FUNCTION_WORDS } from '../knowledge/stopWords.js';

/** A word in a text, with where it stands. */
export interface Token {
  /** The word as written. */
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words of a text (letters and digits), with offsets; punctuation separates words. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** Words too common to say what a sentence or a query is about. */
export const STOPWORDS = new Set([
  ...FUNCTION_WORDS,
  ...`said says say tell told show give please what's who's whats whos latest news update updates s t`.split(' '),
]);

/**
 * A crude suffix stripper, enough to make "removes", "removed" and "removing" one word
 * when comparing sentences; not a linguistic stemmer.
 */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 4) return w;
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'ies', 'ied', 'es', 'ed', 's']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      const base = w.slice(0, -suffix.length);
      return suffix === 'ies' || suffix === 'ied' ? `${base}y` : base;
    }
  }
  return w;
}

/** The stems of a text's content words (no stopwords, no one-letter words). */
export function contentStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const { text: word } of tokenize(text)) {
    const lower = word.toLowerCase();
    if (lower.length > 1 && !STOPWORDS.has(lower)) stems.add(stem(lower));
  }
  return stems;
}

/** Jaccard similarity of two sets: shared over all. */
export function jaccard<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Three rows of the edit-distance table, reused by every call. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Edits between two words, counting a swap of neighbouring letters as one ("katiab" for
 * "kataib", the commonest typing mistake) besides a letter added, dropped or changed (optimal
 * string alignment); max + 1 once it exceeds `max`. Only the cells within `max` of the diagonal
 * are worked out: any other is more than `max` edits away.
 */
export function editDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  const beyond = max + 1;
  if (Math.abs(n - m) > max) return beyond;
  if (m + 2 > rows[0]!.length) rows = Array.from({ length: 3 }, () => new Int32Array(2 * m + 2));
  let [beforePrevious, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= m; j++) previous[j] = Math.min(j, beyond);
  for (let i = 1; i <= n; i++) {
    const low = Math.max(1, i - max);
    const high = Math.min(m, i + max);
    current[low - 1] = low === 1 ? Math.min(i, beyond) : beyond;
    let rowMin = current[low - 1]!;
    const letter = a.charCodeAt(i - 1);
    for (let j = low; j <= high; j++) {
      const other = b.charCodeAt(j - 1);
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (letter === other ? 0 : 1), beyond);
      if (i > 1 && j > 1 && letter === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === other) value = Math.min(value, beforePrevious[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (high < m) current[high + 1] = beyond;
    if (rowMin > max) return beyond;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[m]!;
}

/** How many edits a word of this length may differ by and still count as the same word. */
export function allowedEdits(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}
