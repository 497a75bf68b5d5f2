import { maskQuotes } from './sentences.js';

/** A figure a sentence reports, such as a death toll ("more than 140"). */
export interface Figure {
  kind: 'killed' | 'injured';
  /** The figure as written, qualifier included: "more than 140", "145". */
  value: string;
  /** The number itself, for comparing figures. */
  number: number;
}

const QUALIFIER = '(?:at least |more than |over |about |around |nearly |almost |some |up to |roughly |fewer than |less than )?';
const NUMBER = '(\\d[\\d,]*)';
const PATTERNS: { kind: Figure['kind']; re: RegExp }[] = [
  { kind: 'killed', re: new RegExp(`\\b(?:killing|killed|kills|claimed the lives of|left|leaving|death toll (?:of|at|to|rose to|stands at))\\s+(${QUALIFIER}${NUMBER})\\s+(?:people|persons|civilians|soldiers|worshippers|concertgoers|dead)\\b`, 'gi') },
  { kind: 'killed', re: new RegExp(`\\b(${QUALIFIER}${NUMBER})\\s+(?:people|persons|civilians|soldiers)\\s+(?:were\\s+|have been\\s+)?(?:killed|dead|died)\\b`, 'gi') },
  { kind: 'injured', re: new RegExp(`\\b(?:injuring|injured|wounding|wounded)\\s+(${QUALIFIER}${NUMBER})\\s+(?:people|persons|civilians|others)\\b`, 'gi') },
];

/**
 * Casualty figures in a sentence, outside quotations.
 *
 * @example
 * findFigures('The attack in Moscow killed more than 140 people.')
 * // => [{ kind: 'killed', value: 'more than 140', number: 140 }]
 */
export function findFigures(sentence: string): Figure[] {
  const text = maskQuotes(sentence);
  const figures: Figure[] = [];
  for (const { kind, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      figures.push({ kind, value: m[1]!.trim(), number: Number(m[2]!.replace(/,/g, '')) });
    }
  }
  return figures;
}
