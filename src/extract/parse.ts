import { createRequire } from 'node:module';
import winkNLP from 'wink-nlp';

/** A word of a sentence as the English model reads it. */
export interface Word {
  text: string;
  lower: string;
  /** Universal part-of-speech tag: VERB, AUX, NOUN, PROPN, ADJ, ADP, PART, PRON, DET, PUNCT, ... */
  pos: string;
  /** The dictionary form ("came" -> "come", "designations" -> "designation"), lower case. */
  lemma: string;
  start: number;
  end: number;
}

let english: ReturnType<typeof winkNLP> | null = null;

/**
 * The English model with only the tagger (sbd splits sentences, and the claim rules read negation
 * and names their own way), loaded when first needed: a restart from a snapshot parses nothing,
 * and loading it took a tenth of the restart.
 */
export function englishModel(): ReturnType<typeof winkNLP> {
  english ??= winkNLP(createRequire(import.meta.url)('wink-eng-lite-web-model') as Parameters<typeof winkNLP>[0], ['pos']);
  return english;
}

/** The texts parsed last: a sentence without quotes is parsed once for its claims and reused. */
const recent = new Map<string, Word[]>();
const RECENT = 32;

/**
 * Reads a sentence into words with part of speech and lemma (wink-nlp and its English model),
 * with each word's offsets in the sentence.
 */
export function parseWords(sentence: string): Word[] {
  const known = recent.get(sentence);
  if (known) return known;
  const words = parse(sentence);
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  recent.set(sentence, words);
  return words;
}

const GUILLEMET = /^[«»‹›]$/;

function parse(sentence: string): Word[] {
  const nlp = englishModel();
  const its = nlp.its;
  const tokens = nlp.readDoc(sentence).tokens();
  const values = tokens.out(its.value) as string[];
  const pos = tokens.out(its.pos) as string[];
  const lemmas = tokens.out(its.lemma as Parameters<typeof tokens.out>[0]) as string[];
  const words: Word[] = [];
  let cursor = 0;
  values.forEach((text, i) => {
    const found = sentence.indexOf(text, cursor);
    const start = found < 0 ? cursor : found;
    cursor = start + text.length;
    // Guillemets mark a name in translated notices ("the «Taliban» movement"): the name is read without them.
    if (GUILLEMET.test(text)) return;
    words.push({ text, lower: text.toLowerCase(), pos: pos[i]!, lemma: lemmas[i]!.toLowerCase(), start, end: cursor });
  });
  return words;
}
