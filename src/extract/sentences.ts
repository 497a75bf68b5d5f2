import sbd from 'sbd';

/** A sentence of a paragraph, with its offsets in that paragraph. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

const SBD_OPTIONS = { newline_boundaries: false, html_boundaries: false, sanitize: false, preserve_whitespace: true };

/**
 * Splits a paragraph into sentences with sbd (which handles "U.S.-led", "Sept. 12", "Gen.")
 * and locates each one in the paragraph, since sbd returns strings without offsets.
 */
export function splitSentences(paragraph: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let cursor = 0;
  for (const piece of joinAbbreviations(sbd.sentences(paragraph, SBD_OPTIONS))) {
    const text = piece.trim();
    if (text === '') continue;
    const start = paragraph.indexOf(text, cursor);
    if (start < 0) continue;
    spans.push({ text, start, end: start + text.length });
    cursor = start + text.length;
  }
  return spans;
}

/** Words that open a sentence, so that an abbreviation before them ends the sentence before. */
const OPENERS =
  /^(The|A|An|It|Its|He|She|They|We|I|This|That|These|Those|But|And|In|On|At|As|If|There|His|Her|Their|Our|Some|Many|No|Yet|So|Meanwhile|However|Officials|After|Before|Since|While|When)\b/;

/**
 * sbd ends a sentence at "the U.S." before a capitalised word ("The U.S. State Department said"):
 * joins such a piece to the next unless that one opens as sentences do.
 */
function joinAbbreviations(pieces: string[]): string[] {
  const out: string[] = [];
  for (const piece of pieces) {
    const previous = out[out.length - 1];
    if (previous !== undefined && /(?:^|\s)(?:\p{Lu}\.){2,}\s*$/u.test(previous) && !OPENERS.test(piece.trim())) out[out.length - 1] = previous + piece;
    else out.push(piece);
  }
  return out;
}

/** A sentence that opens or closes a quotation it does not contain whole is a fragment of one. */
function quotesBalance(text: string): boolean {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  return count(/“/g) === count(/”/g) && count(/"/g) % 2 === 0;
}

/** Phrases that mark page furniture rather than reporting. */
const BOILERPLATE =
  /\b(your email address|required fields are marked|all rights reserved|subscribe to our|sign up for|click here|cookie|leave a comment|scroll to top)\b/i;

/**
 * Whether a sentence can stand alone in an answer: a complete sentence of some length that ends
 * as sentences do, and not a caption, a headline, page furniture or a fragment cut off mid-phrase
 * ("..., according to.").
 */
export function isQuotable(text: string): boolean {
  const words = text.split(/\s+/).length;
  if (words < 6 || words > 80) return false;
  if (!/[.!?]["'”’)]*$/.test(text)) return false;
  if (!/^["'“‘(]?[\p{Lu}\p{N}]/u.test(text)) return false;
  if (BOILERPLATE.test(text) || !quotesBalance(text)) return false;
  return !/\b(to|by|of|the|a|an|and|or|according to|as reported by)[.!?]["'”’]*$/i.test(text);
}

/**
 * Blanks out quoted speech, keeping offsets. A closing quote with no opening one (a quote
 * that began in an earlier sentence) blanks everything before it; an opening one with no
 * closing one blanks everything after it.
 */
export function maskQuotes(text: string): string {
  // A lone straight quote before "the minister said" closes a quotation that began earlier.
  const lone = (text.match(/"/g) ?? []).length % 2 === 1 ? /"\s*,?\s*(?:\p{L}+\s+){0,4}?(?:said|says|told|added|stated|insisted|wrote)\b/u.exec(text) : null;
  if (lone) text = ' '.repeat(lone.index + 1) + text.slice(lone.index + 1);
  let masked = text.replace(/“[^”]*”|"[^"]*"/g, (q) => ' '.repeat(q.length));
  const close = masked.lastIndexOf('”');
  if (close >= 0) masked = ' '.repeat(close + 1) + masked.slice(close + 1);
  const open = masked.search(/[“"]/);
  if (open >= 0) masked = masked.slice(0, open) + ' '.repeat(masked.length - open);
  return maskSingleQuotes(masked);
}

/** An opening single quote: at the start or after a space, colon, dash or bracket, before a letter. */
const SINGLE_OPEN = /(?:^|(?<=[\s:(—–-]))['‘](?=[\p{L}\p{N}])/gu;
/** A closing single quote: after the quotation's own punctuation, or before punctuation or the end ("...,' the minister said"). */
const SINGLE_CLOSE = /(?<=[,.!?])['’]|['’](?=[,.;:!?]|$)/u;

/**
 * Blanks out speech in single quotation marks, as British outlets quote: only a quotation that
 * opens and closes, so an apostrophe ("the group's", "Kata'ib") or a name in scare quotes ("the
 * so-called 'Fergana Awakening' movement") is left as it is.
 */
function maskSingleQuotes(text: string): string {
  let masked = text;
  for (const open of text.matchAll(SINGLE_OPEN)) {
    if (masked[open.index] === ' ') continue; // inside a quotation blanked already
    const close = SINGLE_CLOSE.exec(text.slice(open.index + 1));
    if (!close) continue;
    const end = open.index + 1 + close.index + 1;
    masked = masked.slice(0, open.index) + ' '.repeat(end - open.index) + masked.slice(end);
  }
  return masked;
}
