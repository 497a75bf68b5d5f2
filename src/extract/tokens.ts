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

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** How many edits a word of this length may differ by and still count as the same word. */
export function allowedEdits(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}
