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
  for (const piece of sbd.sentences(paragraph, SBD_OPTIONS)) {
    const text = piece.trim();
    if (text === '') continue;
    const start = paragraph.indexOf(text, cursor);
    if (start < 0) continue;
    spans.push({ text, start, end: start + text.length });
    cursor = start + text.length;
  }
  return spans;
}

/** A sentence that opens or closes a quotation it does not contain whole is a fragment of one. */
function quotesBalance(text: string): boolean {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  return count(/“/g) === count(/”/g) && count(/"/g) % 2 === 0;
}

/** Phrases that mark page furniture rather than reporting. */
const BOILERPLATE = /\b(your email address|required fields are marked|all rights reserved|subscribe to our|sign up for|click here|cookie|leave a comment|scroll to top)\b/i;

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
