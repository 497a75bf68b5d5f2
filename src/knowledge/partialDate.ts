/**
 * A calendar date known only as precisely as its source allows, written as a
 * TIMEX3-style string whose length is its precision: `2003`, `2021-08`, `2025-04-17`.
 */
export type PartialDate = string;

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, returning null for anything else,
 * including impossible dates such as `2025-02-30`.
 */
export function parsePartialDate(value: string): PartialDate | null {
  const match = PATTERN.exec(value.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const year = Number(y);
  if (m === undefined) return y!;
  const month = Number(m);
  if (month < 1 || month > 12) return null;
  if (d === undefined) return `${y}-${m}`;
  const day = Number(d);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return `${y}-${m}-${d}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Formats calendar parts as a partial date of the given precision. */
export function formatPartialDate(year: number, month?: number, day?: number): PartialDate {
  const y = String(year).padStart(4, '0');
  if (month === undefined) return y;
  const m = String(month).padStart(2, '0');
  if (day === undefined) return `${y}-${m}`;
  return `${y}-${m}-${String(day).padStart(2, '0')}`;
}

/** Splits a partial date into numbers; month and day are undefined when unknown. */
export function partsOf(date: PartialDate): { year: number; month?: number; day?: number } {
  const [y, m, d] = date.split('-');
  return {
    year: Number(y),
    ...(m === undefined ? {} : { month: Number(m) }),
    ...(d === undefined ? {} : { day: Number(d) }),
  };
}

/**
 * Whether two dates can name the same moment: one is the other or a refinement of it
 * (`2021` and `2021-08` are compatible; `2021-07` and `2021-08` are not).
 */
export function compatible(a: PartialDate, b: PartialDate): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** Orders dates chronologically; a coarser date sorts before its refinements. */
export function compareDates(a: PartialDate, b: PartialDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The date at the start of an ISO date or date-time ("2026-11-28T00:00:09Z"), as precisely as it is given; null for none. */
export function leadingDate(value: string): PartialDate | null {
  const match = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)/.exec(value.trim());
  return match ? parsePartialDate(match[1]!) : null;
}
