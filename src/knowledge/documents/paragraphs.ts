import type { PartialDate } from '../partialDate.js';
import { datelineDate } from './dateLine.js';

/** A block shorter than this many words that does not end a sentence is a label ("Press Statement", "Tags: ..."), not text. */
const MIN_LABEL_WORDS = 9;
const SENTENCE_END = /[.!?:;]["”’')\]]*$/;

/** A block of a document's text; an item of a list or a table's cell is kept however short (the names a notice designates). */
export interface TextBlock {
  text: string;
  item: boolean;
}

/**
 * The paragraphs of a document's main text, and the date of its dateline: items, and blocks that
 * end a sentence or are long enough to be text, are kept, whitespace normalised; another short
 * block that ends none (a label, a dateline, a tag row) is left out, and the first dateline among
 * them gives the date.
 */
export function textBlocks(blocks: TextBlock[]): { paragraphs: string[]; dateline: PartialDate | null } {
  const paragraphs: string[] = [];
  let dateline: PartialDate | null = null;
  for (const block of blocks) {
    const text = block.text.replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    if (block.item || SENTENCE_END.test(text) || text.split(' ').length >= MIN_LABEL_WORDS) paragraphs.push(text);
    else dateline ??= datelineDate(text);
  }
  return { paragraphs, dateline };
}
