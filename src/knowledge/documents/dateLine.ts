import type { ParsedComponents } from 'chrono-node';
import { englishDates } from '../englishDates.js';
import { formatPartialDate, type PartialDate } from '../partialDate.js';
import { DATE_LINE_OPENERS } from './boilerplate.js';

/**
 * The date a line gives when it is a document's dateline: a line that is mostly one date ("February
 * 12, 2026", "Dated: February 10, 2026.", "Published 14 May 2025"), as precisely as it is written.
 * Null for a sentence that merely mentions a date.
 */
export function datelineDate(line: string): PartialDate | null {
  const text = line.trim();
  if (text === '' || text.split(/\s+/).length > 8) return null;
  const [found] = englishDates().parse(text, new Date(Date.UTC(2000, 0, 1)));
  if (found === undefined) return null;
  const rest = (text.slice(0, found.index) + text.slice(found.index + found.text.length))
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
  const restWords = rest === '' ? [] : rest.split(' ');
  if (restWords.some((w) => !DATE_LINE_OPENERS.includes(w))) return null;
  return partialDateOf(found.start);
}

/** The first date a heading line gives ("OFFICIAL GAZETTE No. 42 of 14 March 2025"), for a document whose first line is its masthead. */
export function mastheadDate(line: string): PartialDate | null {
  if (line.trim().split(/\s+/).length > 12) return null;
  const [found] = englishDates().parse(line, new Date(Date.UTC(2000, 0, 1)));
  return found === undefined || !found.start.isCertain('year') ? null : partialDateOf(found.start);
}

/** A date as precisely as the text gives it: a year, a month or a day. */
function partialDateOf(date: ParsedComponents): PartialDate | null {
  if (!date.isCertain('year')) return null;
  const year = date.get('year')!;
  if (!date.isCertain('month')) return formatPartialDate(year);
  return date.isCertain('day') ? formatPartialDate(year, date.get('month')!, date.get('day')!) : formatPartialDate(year, date.get('month')!);
}
