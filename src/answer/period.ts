import { findDates } from '../extract/dates.js';
import { formatPartialDate, partsOf, type PartialDate } from '../knowledge/partialDate.js';

/** A period of time, its bounds inclusive at their own precision; null for no bound. */
export interface Period {
  from: PartialDate | null;
  until: PartialDate | null;
}

/** "This week", "the past 30 days", "recently": a period counted back from the day of the question. */
const RECENT_DAYS = /\b(?:this|past|last) week\b|\b(?:past|last) (\d+|two|three|four|five|six|seven|ten|fourteen|thirty) days\b|\brecently\b/i;
const DAY_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10, fourteen: 14, thirty: 30 };
/** What the words before a date make of it: a start, an end, or both ends. */
const FROM_WORDS = /\b(?:since|from|after)\s*$/i;
const UNTIL_WORDS = /\b(?:before|until|till|prior to|up to)\s*$/i;
const BETWEEN = /\bbetween\s*$/i;

/**
 * The period a question asks about, from its dates and the words before them: "since March 2024"
 * and "after 2023" start it, "before 2024" and "until May" end it, "in 2020" and "between 2019 and
 * 2021" bound it; "this week" and "the past 30 days" count back from `now`, and "this year" runs
 * from the start of the year of `now`.
 */
export function periodOf(text: string, now: Date): Period | null {
  const today = formatPartialDate(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
  const recent = RECENT_DAYS.exec(text);
  if (recent) {
    const days = recent[1] === undefined ? 7 : (DAY_WORDS[recent[1]] ?? Number(recent[1]));
    const start = new Date(now.getTime() - days * 86_400_000);
    return { from: formatPartialDate(start.getUTCFullYear(), start.getUTCMonth() + 1, start.getUTCDate()), until: null };
  }
  const [first, second] = findDates(text, today);
  if (!first) return null;
  const before = text.slice(0, first.start);
  if (BETWEEN.test(before) && second) return { from: first.date, until: second.date };
  if (FROM_WORDS.test(before)) return { from: /after\s*$/i.test(before) ? shifted(first.date, 1) : first.date, until: null };
  if (UNTIL_WORDS.test(before)) return { from: null, until: /(?:before|prior to)\s*$/i.test(before) ? shifted(first.date, -1) : first.date };
  if (/\bthis (?:year|month)$/i.test(first.text)) return { from: first.date, until: null };
  return { from: first.date, until: first.date };
}

/** The year, month or day next to a date, at its precision: "before 2024" ends with 2023. */
export function shifted(date: PartialDate, by: 1 | -1): PartialDate {
  const { year, month, day } = partsOf(date);
  if (month === undefined) return formatPartialDate(year + by);
  if (day === undefined) {
    const index = year * 12 + month - 1 + by;
    return formatPartialDate(Math.floor(index / 12), (index % 12) + 1);
  }
  const next = new Date(Date.UTC(year, month - 1, day) + by * 86_400_000);
  return formatPartialDate(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/** Whether a date falls in a period, at the coarser of the two precisions ("2024" is in "since March 2024"). */
export function inPeriod(date: PartialDate, period: Period): boolean {
  const at = (bound: PartialDate) => {
    const length = Math.min(date.length, bound.length);
    return date.slice(0, length).localeCompare(bound.slice(0, length));
  };
  return (period.from === null || at(period.from) >= 0) && (period.until === null || at(period.until) <= 0);
}

/** A period in fixed words: "since 2024", "in 2024", "from 2023 to 2024", "up to 2023". */
export function periodWords(period: Period): string {
  if (period.from !== null && period.until !== null) return period.from === period.until ? `in ${period.from}` : `from ${period.from} to ${period.until}`;
  return period.from !== null ? `since ${period.from}` : `up to ${period.until}`;
}
