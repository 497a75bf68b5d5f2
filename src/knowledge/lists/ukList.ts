import { pipeline, type Readable } from 'node:stream';
import { ignore } from './streams.js';
import { parse } from 'csv-parse';
import { formatPartialDate, parsePartialDate, type PartialDate } from '../partialDate.js';
import { type ListEntry, ListFormatError } from './types.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NAME_PARTS = ['Name 1', 'Name 2', 'Name 3', 'Name 4', 'Name 5', 'Name 6'];

/** Whether a file's opening is the UK Sanctions List as CSV: its "Report Date" line, or its header. */
export function isUkList(head: string): boolean {
  return /^\uFEFF?"?Report Date:/i.test(head) || (head.includes('Unique ID') && head.includes('Name 6'));
}

/**
 * Reads the UK Sanctions List as CSV (https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv):
 * a "Report Date: 13-Feb-2026" line, the header, then one row per name (and per address) of each
 * designation, grouped by `Unique ID`. Names of "Low quality a.k.a" strength are not matched on.
 * The list holds only those designated now.
 */
export async function readUkCsv(input: Readable, head: string): Promise<{ entries: ListEntry[]; date: PartialDate | null }> {
  // The Report Date line is read from the file's opening: parsed as a row, its one field would make
  // every row after it a row of another length, which csv-parse checks slowly (a fifth of the speed).
  const report = /^\uFEFF?"?Report Date:\s*([^"\r\n]+)/i.exec(head);
  const records = pipeline(input, parse({ from_line: report ? 2 : 1, skip_empty_lines: true, trim: true, bom: true }), ignore);
  const byId = new Map<string, ListEntry & { primary: string[] }>();
  let header: string[] | null = null;
  try {
    for await (const fields of records as AsyncIterable<string[]>) {
      if (header === null) {
        if (!fields.includes('Unique ID')) throw new ListFormatError('has no "Unique ID" column: not the UK Sanctions List CSV layout');
        header = fields;
        continue;
      }
      const row = Object.fromEntries(header.map((name, i) => [name, fields[i] ?? '']));
      const id = row['Unique ID']!;
      const name = NAME_PARTS.map((part) => row[part] ?? '')
        .filter((p) => p !== '')
        .join(' ');
      if (id === '' || name === '') continue;
      let entry = byId.get(id);
      if (entry === undefined) byId.set(id, (entry = entryOf(id, row)));
      if (/low quality/i.test(row['Alias strength'] ?? '')) continue;
      (/^primary name$/i.test(row['Name type'] ?? '') ? entry.primary : entry.names).push(name);
    }
  } catch (error) {
    if (error instanceof ListFormatError) throw error;
    throw new ListFormatError(`is not readable as CSV: ${(error as Error).message}`);
  }
  const entries = [...byId.values()]
    .map(({ primary, ...entry }) => ({ ...entry, names: [...new Set([...primary, ...entry.names])] }))
    .filter((entry) => entry.names.length > 0);
  return { entries, date: report ? reportDate(report[1]!) : null };
}

/** A designation's entry, from the first of its rows, with no names yet. */
function entryOf(id: string, row: Record<string, string>): ListEntry & { primary: string[] } {
  return {
    ref: id,
    names: [],
    primary: [],
    kind: kindOf((row['Designation Type'] ?? '').toLowerCase()),
    authority: 'Foreign, Commonwealth and Development Office',
    programs: row['Regime Name'] ? [row['Regime Name']] : [],
    listedOn: designated(row['Date Designated'] ?? ''),
    endedOn: null,
    ended: false,
    url: null,
  };
}

/** What an entry of a designation type ("individual", "entity", lower-cased) is. */
function kindOf(type: string): ListEntry['kind'] {
  if (type === 'individual') return 'person';
  return type === 'entity' ? 'organisation' : 'other';
}

/** "13-Feb-2026", the form of the list's Report Date. */
function reportDate(text: string): PartialDate | null {
  const match = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})/.exec(text.trim());
  const month = match ? MONTHS.indexOf(match[2]!.toLowerCase()) + 1 : 0;
  return match && month > 0 ? parsePartialDate(formatPartialDate(Number(match[3]), month, Number(match[1]))) : null;
}

/** "dd/mm/yyyy", where a part the list does not know is 00: as precisely as it is known. */
function designated(text: string): PartialDate | null {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month === 0) return parsePartialDate(formatPartialDate(year));
  return parsePartialDate(day === 0 ? formatPartialDate(year, month) : formatPartialDate(year, month, day));
}
