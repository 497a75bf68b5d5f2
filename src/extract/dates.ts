import type { ParsedComponents, ParsedResult } from 'chrono-node';
import { formatPartialDate, partsOf, type PartialDate } from '../knowledge/partialDate.js';
import { englishDates } from '../knowledge/englishDates.js';
import { ON_PUBLICATION } from './cues.js';
import { type Tense, tenseAt } from './tense.js';

/** A date expression found in a sentence, resolved no more precisely than its words allow. */
export interface DateMention {
  /** The words as written ("last month", "March 22 this year"). */
  text: string;
  start: number;
  end: number;
  date: PartialDate;
  /** A dispatch's dateline or a live blog's stamp ("NAIROBI, March 12 (Reuters) -", "June 17, 09:40 —"): when it was told. */
  stamp?: true;
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const CALENDAR_WORD = new RegExp(`\\b(${MONTHS}|${WEEKDAYS.join('|')})\\b|\\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?\\s+\\d|\\d{4}-\\d{2}`, 'i');
/** What follows a date that stamps an entry or a dispatch: a time (", 16:05 —"), or a wire's name ("(Reuters) -"), then a dash. */
const STAMP = /^\s*,?\s*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|BST|CET|EST|EDT|JST|UTC|local time)?|\([\p{L} .&-]+\))\s*[—–-]/iu;
/** What may stand before such a date: nothing, or a dateline's place in capitals ("NAIROBI, "). */
const DATELINE_PLACE = /^(?:[\p{Lu}][\p{Lu} .'’-]*,\s*)?$/u;
/** A note appended to an article, dated by its own day: "Correction, July 14:", "Update (March 3):". */
const NOTE = /^\s*(?:correction|update|updated|clarification|editor['’]s note)\s*[,(]?\s*$/i;
const NOTE_END = /^\s*\)?\s*[:—–-]/;
/** A month named without a day or year is a date only after words like these ("in July", "early June"). */
const MONTH_CUE = /\b(in|since|until|till|by|of|from|through|early|late|mid|last|next|this|during|before|after|on|between|and|for)\s*-?\s*$/i;
/** Bare years are a date only after a preposition, a time word, a determiner or a possessive ("in 2003", "mid-2023", "a 2018 order", "Chile's 2021 ban"). */
const BARE_YEAR =
  /(?:\b(?:in|since|of|by|from|until|till|to|before|after|during|between|and|early|late|mid|year|around|a|an|the|its|their|his|her)|['’]s)\s*-?\s*((?:19|20)\d\d)\b(?![-/.,]?\d)/gi;

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

interface Anchor {
  year: number;
  month?: number;
  day?: number;
}

/**
 * Finds the dates in a sentence. Absolute dates ("in 2003", "August 2021", "March 22, 2024")
 * need nothing else; relative ones ("on Thursday", "last month", "March 22 this year") are
 * resolved against the article's publication date, and only when that date is precise enough:
 * a weekday needs a publication day, "last month" a publication month. A weekday or a month
 * without a year is the latest one on or before publication, or the next one when the clause
 * speaks of the future ("is due to visit ... on Monday").
 *
 * @example
 * findDates('The ruling was announced on Thursday.', '2025-04-17') // [{ text: 'on Thursday', date: '2025-04-17', ... }]
 * findDates('It petitioned the court last month.', '2025-04-17')   // [{ text: 'last month', date: '2025-03', ... }]
 * findDates('It was listed in May 2018.', null)                      // [{ text: 'May 2018', date: '2018-05', ... }]
 */
export function findDates(sentence: string, published: PartialDate | null): DateMention[] {
  const anchor = published === null ? null : partsOf(published);
  const mentions: DateMention[] = [];
  const add = (text: string, start: number, date: PartialDate | null, stamp = false) => {
    const end = start + text.length;
    if (date === null || mentions.some((m) => start < m.end && end > m.start)) return;
    mentions.push({ text, start, end, date, ...(stamp ? { stamp: true as const } : {}) });
  };

  // Every date chrono finds that is kept names a month or weekday (see calendarSpan): without one, chrono is not asked.
  const calendar = CALENDAR_WORD.test(sentence) ? englishDates().parse(sentence, anchor ? referenceOf(anchor) : new Date(0), {}) : [];
  for (const result of calendar) {
    const span = calendarSpan(sentence, result);
    if (!span) continue;
    const stamp = isStamp(sentence, span);
    add(span.text, span.start, resolveCalendar(result.start, span, sentence, anchor, stamp), stamp);
  }
  if (anchor) {
    for (const m of sentence.matchAll(RELATIVE)) add(m[0], m.index, resolveRelative(m[0], anchor));
  }
  for (const m of sentence.matchAll(BARE_YEAR)) {
    const year = m[1]!;
    add(year, m.index + m[0].length - year.length, year);
  }
  // "effective upon publication": the day the text was published, where the sentence names no day itself.
  if (anchor?.day !== undefined && published !== null && mentions.length === 0) {
    for (const m of sentence.matchAll(ON_PUBLICATION)) add(m[0], m.index, published);
  }
  return dropRangeEnds(
    sentence,
    mentions.sort((a, b) => a.start - b.start),
  );
}

function referenceOf(anchor: Anchor): { instant: Date; timezone: number } {
  return { instant: new Date(Date.UTC(anchor.year, (anchor.month ?? 1) - 1, anchor.day ?? 1, 12)), timezone: 0 };
}

/** The part of a chrono result that names a calendar date, or null for what is not one here. */
function calendarSpan(sentence: string, result: ParsedResult): { text: string; start: number; weekday: boolean } | null {
  // "midnight on Friday", "noon on March 3": the day without the time of day.
  const text = result.text
    .replace(/^(?:(?:at\s+)?(?:midnight|noon|\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?|GMT|BST|local time)?)\s+)?(on|in)\s+/i, '')
    .replace(/\s+(?:morning|afternoon|evening|night)$/i, '')
    .replace(/,?\s*\d{1,2}[:.]\d{2}.*$/, '')
    .replace(/[\s,]+$/, '');
  const start = result.index + result.text.indexOf(text);
  if (!CALENDAR_WORD.test(text)) return null; // "Sun", "9/11", "24/7", "yesterday": handled elsewhere or not dates
  const c = result.start;
  const weekdayOnly = c.isCertain('weekday') && !c.isCertain('month') && !c.isCertain('day');
  if (weekdayOnly && !new RegExp(`^(last |next |this )?(${WEEKDAYS.join('|')})$`, 'i').test(text)) return null;
  const monthOnly = c.isCertain('month') && !c.isCertain('day') && !c.isCertain('year');
  // "may" the verb, "a march"; but "the July delisting", "its March decision": a month that qualifies a noun.
  const qualifies = /\b(?:the|its|their)\s*$|['’]s\s*$/i.test(sentence.slice(0, start)) && /^\s+\p{Ll}/u.test(sentence.slice(start + text.length));
  if (monthOnly && !MONTH_CUE.test(sentence.slice(0, start)) && !qualifies) return null;
  const yearWord = /^\s+(this|last|next) year\b/i.exec(sentence.slice(start + text.length));
  return { text: yearWord ? text + yearWord[0] : text, start, weekday: weekdayOnly };
}

/** Whether a date opens a dispatch or an entry: "NAIROBI, March 12 (Reuters) -", "January 14, 16:05 —". */
function isStamp(sentence: string, span: { text: string; start: number }): boolean {
  const before = sentence.slice(0, span.start);
  const after = sentence.slice(span.start + span.text.length);
  return (DATELINE_PLACE.test(before) && STAMP.test(after)) || (NOTE.test(before) && NOTE_END.test(after));
}

function resolveCalendar(
  c: ParsedComponents,
  span: { text: string; start: number; weekday: boolean },
  sentence: string,
  anchor: Anchor | null,
  stamp: boolean,
): PartialDate | null {
  const month = c.isCertain('month') ? c.get('month')! : undefined;
  const day = c.isCertain('day') ? c.get('day')! : undefined;
  if (c.isCertain('year')) return formatPartialDate(c.get('year')!, month, month === undefined ? undefined : day);
  if (anchor === null) return null;
  // A stamp that opens a live blog's entry ("January 14, 16:05 —") is on or before publication, whatever the entry's tense.
  const tense = stamp ? 'past' : tenseAt(sentence, span.start);
  // A weekday or a month that may be either side of publication names no one day or month.
  if (tense === 'either' && (span.weekday || day === undefined)) return null;
  if (span.weekday) return resolveWeekday(c.get('weekday')!, span.text, anchor, tense === 'future');
  if (month === undefined) return null;
  return resolveMonthDay(month, day, span.text, anchor, tense);
}

/** A month (and day) without a year, in the year its tense and the words "this year", "last year" give. */
function resolveMonthDay(month: number, day: number | undefined, text: string, anchor: Anchor, tense: Tense): PartialDate | null {
  const future = tense === 'future';
  const yearWord = /\b(this|last|next) year$/i.exec(text)?.[1]?.toLowerCase();
  if (yearWord !== undefined) {
    const year = anchor.year + (yearWord === 'last' ? -1 : yearWord === 'next' ? 1 : 0);
    return formatPartialDate(year, month, day);
  }
  if (anchor.month === undefined) return null; // a year-only publication date cannot place "March 22"
  const target = month * 100 + (day ?? 0);
  const reference = anchor.month * 100 + (day === undefined ? 0 : (anchor.day ?? (future ? 0 : 99)));
  if (tense === 'either' && day !== undefined && anchor.day !== undefined) return nearer(anchor, month, day);
  const year = future ? (target >= reference ? anchor.year : anchor.year + 1) : target <= reference ? anchor.year : anchor.year - 1;
  return formatPartialDate(year, month, day);
}

/** The occurrence of a month and day nearest publication, before or after; none when both are as near. */
function nearer(anchor: Anchor, month: number, day: number): PartialDate | null {
  const published = Date.UTC(anchor.year, anchor.month! - 1, anchor.day!);
  const candidates = [anchor.year - 1, anchor.year, anchor.year + 1].map((year) => ({ year, distance: Math.abs(Date.UTC(year, month - 1, day) - published) }));
  candidates.sort((a, b) => a.distance - b.distance);
  if (candidates[0]!.distance === candidates[1]!.distance) return null;
  return formatPartialDate(candidates[0]!.year, month, day);
}

/** "Friday" in past-tense news is the latest Friday on or before publication (the day itself included). */
function resolveWeekday(weekday: number, text: string, anchor: Anchor, future: boolean): PartialDate | null {
  if (anchor.month === undefined || anchor.day === undefined) return null;
  const published = new Date(Date.UTC(anchor.year, anchor.month - 1, anchor.day));
  const qualifier = /^(last|next|this)\b/i.exec(text)?.[1]?.toLowerCase();
  const forward = qualifier === 'next' || (qualifier !== 'last' && future);
  let offset = forward ? (weekday - published.getUTCDay() + 7) % 7 : -((published.getUTCDay() - weekday + 7) % 7);
  if (forward && offset === 0) {
    if (qualifier !== 'next') return null; // "will meet on Monday", said on a Monday: today or in a week
    offset = 7;
  }
  if (!forward && qualifier === 'last' && offset === 0) offset = -7;
  const date = new Date(published.getTime() + offset * 86_400_000);
  return formatPartialDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

const RELATIVE =
  /\b(?:(?:earlier |later )?this (?:year|month)|last (?:year|month)|next (?:year|month)|yesterday|today|tomorrow|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (?:days?|months?|years?) ago)\b/gi;

function resolveRelative(text: string, anchor: Anchor): PartialDate | null {
  const words = text.toLowerCase();
  const ago = /^(\w+) (day|month|year)s? ago$/.exec(words);
  if (ago) return shift(anchor, ago[2] as 'day' | 'month' | 'year', -(NUMBER_WORDS[ago[1]!] ?? Number(ago[1])));
  if (words.endsWith('year')) return shift(anchor, 'year', words.startsWith('last') ? -1 : words.startsWith('next') ? 1 : 0);
  if (words.endsWith('month')) return shift(anchor, 'month', words.startsWith('last') ? -1 : words.startsWith('next') ? 1 : 0);
  return shift(anchor, 'day', words === 'yesterday' ? -1 : words === 'tomorrow' ? 1 : 0);
}

/** Moves an anchor by whole units, at that unit's precision; null when the anchor is too coarse. */
function shift(anchor: Anchor, unit: 'day' | 'month' | 'year', amount: number): PartialDate | null {
  if (unit === 'year') return formatPartialDate(anchor.year + amount);
  if (anchor.month === undefined) return null;
  if (unit === 'month') {
    const index = anchor.year * 12 + (anchor.month - 1) + amount;
    return formatPartialDate(Math.floor(index / 12), (index % 12) + 1);
  }
  if (anchor.day === undefined) return null;
  const date = new Date(Date.UTC(anchor.year, anchor.month - 1, anchor.day) + amount * 86_400_000);
  return formatPartialDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** In "from June 5 to June 8" or "2001–2021" the second date only ends a range: keep the start. */
function dropRangeEnds(sentence: string, mentions: DateMention[]): DateMention[] {
  return mentions.filter((mention, i) => {
    const previous = mentions[i - 1];
    if (!previous) return true;
    return !/^\s*(to|until|till|through|-|–|—)\s*$/i.test(sentence.slice(previous.end, mention.start));
  });
}
