import { maskQuotes } from './sentences.js';

/** What a figure counts. */
export type FigureKind = 'killed' | 'injured' | 'detained' | 'held hostage' | 'votes in favour' | 'votes against' | 'abstentions' | 'amount';

/** A figure a sentence reports, such as a death toll ("more than 140") or a vote ("12 votes in favour"). */
export interface Figure {
  kind: FigureKind;
  /** The figure as written, qualifier included: "more than 140", "145", "$4 million". */
  value: string;
  /** The number itself, for comparing figures. */
  number: number;
}

const QUALIFIER = '(?:at least |more than |over |about |around |nearly |almost |some |up to |roughly |fewer than |less than |an estimated )?';
const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
};
const NUMBER = `(\\d[\\d,]*|${Object.keys(WORDS).join('|')})`;
/** What "million" and "bn" multiply a sum by, so that "$4 million" and "$4,000,000" compare equal. */
const SCALE: Record<string, number> = { million: 1e6, m: 1e6, billion: 1e9, bn: 1e9 };
const PEOPLE =
  '(?:people|persons|civilians|soldiers|worshippers|concertgoers|suspects|men|women|members|activists|supporters|militants|fighters|others|individuals|hostages|passengers|guests|workers|tourists)';
/** Whom a death toll counts: "killed 19 hostages". */
const VICTIMS = '(?:people|persons|civilians|soldiers|worshippers|concertgoers|hostages|passengers|guests|workers|tourists|dead)';
/** What stands before a tally of a vote: "passed 112-40", "by 112 votes to 40", "a vote of 111 to 41". */
const TALLIED = '(?:(?:voted|passed|approved|adopted|carried|rejected)(?:\\s+(?:it|them|the\\s+\\w+))?|by a vote of|a vote of)';
const MEMBERS = '(?:members|countries|states|nations|delegations|judges|lawmakers|legislators|senators|MPs|ministers)';

/** A figure needs digits or a number word: most sentences have neither and are not searched further. */
const MAY_HOLD = new RegExp(`\\d|\\b(?:${Object.keys(WORDS).join('|')})\\b`, 'i');

/** The words every pattern needs one of: most sentences with a number count nothing we compare. */
const COUNTED =
  /kill|dead|died|death|lives|injur|wound|arrest|detain|held|hostage|rounded|custody|vote|backed|support|approv|endors|abstain|against|passed|adopted|carried|[$€£]/i;

/** Each pattern's first group is the figure as written, its second the number. */
const PATTERNS: { kind: FigureKind; re: RegExp }[] = [
  {
    kind: 'killed',
    re: new RegExp(
      `\\b(?:killing|killed|kills|claimed the lives of|left|leaving|death toll (?:of|at|to|rose to|stands at))\\s+(${QUALIFIER}${NUMBER})\\s+${VICTIMS}\\b`,
      'gi',
    ),
  },
  {
    kind: 'killed',
    re: new RegExp(
      `\\b(${QUALIFIER}${NUMBER})\\s+(?:people|persons|civilians|soldiers|hostages|passengers)\\s+(?:were\\s+|have been\\s+)?(?:killed|dead|died)\\b`,
      'gi',
    ),
  },
  { kind: 'injured', re: new RegExp(`\\b(?:injuring|injured|wounding|wounded)\\s+(${QUALIFIER}${NUMBER})\\s+(?:people|persons|civilians|others)\\b`, 'gi') },
  { kind: 'detained', re: new RegExp(`\\b(?:arrested|arresting|detained|detaining|rounded up|held)\\s+(${QUALIFIER}${NUMBER})\\s+${PEOPLE}\\b`, 'gi') },
  {
    kind: 'detained',
    re: new RegExp(`\\b(${QUALIFIER}${NUMBER})\\s+${PEOPLE}\\s+(?:were\\s+|have been\\s+|had been\\s+)?(?:arrested|detained|taken into custody)\\b`, 'gi'),
  },
  {
    kind: 'held hostage',
    re: new RegExp(`\\b(?:took|taking|held|holding|seized|seizing)\\s+(${QUALIFIER}${NUMBER})\\s+(?:${PEOPLE}\\s+)?hostage\\b`, 'gi'),
  },
  { kind: 'held hostage', re: new RegExp(`\\b(${QUALIFIER}${NUMBER})\\s+(?:people\\s+)?(?:were\\s+|had been\\s+)?(?:held|taken)\\s+hostage\\b`, 'gi') },
  { kind: 'votes in favour', re: new RegExp(`\\b(${NUMBER})\\s+votes?\\s+(?:in favou?r|for)\\b`, 'gi') },
  {
    kind: 'votes in favour',
    re: new RegExp(
      `\\b(${NUMBER})\\s+(?:of (?:its|the) \\d+ )?${MEMBERS}(?:\\s+of the [\\p{L} ]+?)?\\s+(?:backed|supported|voted (?:for|in favou?r)|approved|endorsed)\\b`,
      'giu',
    ),
  },
  { kind: 'votes in favour', re: new RegExp(`\\b(?:voted|by a vote of|a vote of)\\s+(${NUMBER})\\s*(?:-|–|to)\\s*\\d+\\b`, 'gi') },
  { kind: 'votes in favour', re: new RegExp(`\\bby\\s+(${NUMBER})\\s+votes\\s+to\\s+\\d+\\b`, 'gi') },
  { kind: 'votes in favour', re: new RegExp(`\\b(${NUMBER})\\s*(?:-|–)\\s*\\d+\\s+vote\\b`, 'gi') },
  { kind: 'votes in favour', re: new RegExp(`\\b${TALLIED}\\s+(${NUMBER})\\s*(?:-|–|to)\\s*\\d+\\b`, 'gi') },
  { kind: 'votes against', re: new RegExp(`\\b(${NUMBER})\\s+(?:votes?\\s+against|(?:${MEMBERS}\\s+)?voted against)\\b`, 'gi') },
  // The second number of a tally: "by 112 votes to 40", "passed 112-40".
  { kind: 'votes against', re: new RegExp(`\\b(?:${TALLIED}\\s+\\d+|by\\s+\\d+\\s+votes)\\s*(?:-|–|to)\\s*(${NUMBER})\\b(?!\\s*(?:per ?cent|%))`, 'gi') },
  { kind: 'abstentions', re: new RegExp(`\\b(${NUMBER})\\s+(?:abstentions|${MEMBERS}\\s+abstained)\\b`, 'gi') },
  { kind: 'amount', re: /((?:US)?[$€£]\s?(\d[\d,.]*)(?:\s?(million|billion|m|bn)\b)?)/gi },
];

/** What an event named in a text is: "the Serena hotel siege", "the attack on the Crocus City Hall". */
const EVENT_NOUNS = 'attack|attacks|siege|bombing|bombings|massacre|raid|hostage crisis|hostage-taking|assault|shooting|ambush';
const NAMED_BEFORE = new RegExp(`\\bthe\\s+((?:\\p{Lu}[\\p{L}'’-]*\\s+){1,5})(?:${EVENT_NOUNS})\\b`, 'gu');
const NAMED_AFTER = new RegExp(`\\b(?:${EVENT_NOUNS})\\s+(?:on|at|in)\\s+(?:the\\s+)?((?:\\p{Lu}[\\p{L}'’-]*\\s*){1,5})`, 'gu');

/** A day or month is no event's name ("the siege on Friday"). */
const CALENDAR =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)\b/;

/**
 * The events a sentence names by a proper name ("the Serena Hotel siege", "the attack on the
 * Crocus City Hall"), lower-cased: counts from two reports of one named event are one count.
 */
export function namedEvents(sentence: string): string[] {
  const names = [...sentence.matchAll(NAMED_BEFORE), ...sentence.matchAll(NAMED_AFTER)].map((m) => m[1]!.trim().toLowerCase());
  return [...new Set(names.filter((name) => !CALENDAR.test(name)))];
}

/**
 * The figures a sentence reports, outside quotations: people killed, injured or detained, votes
 * for and against, and sums of money.
 *
 * @example
 * findFigures('The attack in Moscow killed more than 140 people.')
 * // => [{ kind: 'killed', value: 'more than 140', number: 140 }]
 * findFigures('The resolution was adopted with 12 votes in favour.')
 * // => [{ kind: 'votes in favour', value: '12', number: 12 }]
 */
export function findFigures(sentence: string): Figure[] {
  if (!MAY_HOLD.test(sentence) || !COUNTED.test(sentence)) return [];
  const text = maskQuotes(sentence);
  const figures: Figure[] = [];
  const taken: [number, number][] = [];
  for (const { kind, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index + m[0].indexOf(m[1]!);
      if (taken.some(([s, e]) => start < e && start + m[1]!.length > s)) continue;
      const written = m[2]!.toLowerCase();
      const scale = kind === 'amount' ? (SCALE[(m[3] ?? '').toLowerCase()] ?? 1) : 1;
      const number = (written in WORDS ? WORDS[written]! : Number(written.replace(/,/g, ''))) * scale;
      if (!Number.isFinite(number)) continue;
      taken.push([start, start + m[1]!.length]);
      figures.push({ kind, value: m[1]!.trim(), number });
    }
  }
  return figures;
}
