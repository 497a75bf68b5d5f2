import { pipeline, type Readable } from 'node:stream';
import { ignore } from './streams.js';
import { parse } from 'csv-parse';
import { type ListEntry, ListFormatError } from './types.js';

/** OFAC's CSV files have no header row; these are the columns its documentation gives, in order. */
const SDN_COLUMNS = ['ent_num', 'SDN_Name', 'SDN_Type', 'Program', 'Title', 'Call_Sign', 'Vess_type', 'Tonnage', 'GRT', 'Vess_flag', 'Vess_owner', 'Remarks'];
const ALT_COLUMNS = ['ent_num', 'alt_num', 'alt_type', 'alt_name', 'alt_remarks'];
/** What OFAC writes in an empty field. */
const NULL = '-0-';

/**
 * Reads OFAC's SDN list as CSV (https://ofac.treasury.gov/downloads/sdn.csv, with alt.csv for the
 * other names), joined on `ent_num`. The files carry no date and no listing dates: the list is
 * dated by the file. add.csv holds addresses, which neither match nor state a designation, so it
 * is not read.
 */
export async function readOfacCsv(sdn: Readable, alt: Readable | null): Promise<ListEntry[]> {
  const aliases = new Map<string, string[]>();
  if (alt) {
    for await (const row of rows(alt, ALT_COLUMNS, 'alt.csv')) {
      const name = value(row.alt_name);
      if (name !== null) aliases.set(row.ent_num!, [...(aliases.get(row.ent_num!) ?? []), name]);
    }
  }
  const entries: ListEntry[] = [];
  for await (const row of rows(sdn, SDN_COLUMNS, 'sdn.csv')) {
    const name = value(row.SDN_Name);
    if (name === null) continue;
    const type = (value(row.SDN_Type) ?? '').toLowerCase();
    entries.push({
      ref: `SDN-${row.ent_num}`,
      names: [...new Set([name, ...(aliases.get(row.ent_num!) ?? [])])],
      // OFAC leaves the type empty for an entity.
      kind: type === '' ? 'organisation' : type === 'individual' ? 'person' : 'other',
      authority: 'Office of Foreign Assets Control',
      programs: (value(row.Program) ?? '')
        .split(/\]\s*\[/)
        .map((p) => p.replace(/[[\]]/g, '').trim())
        .filter((p) => p !== ''),
      listedOn: null,
      endedOn: null,
      ended: false,
      url: null,
    });
  }
  return entries;
}

/** The rows of one OFAC CSV file as records; the file's closing SUB character and blank lines are no rows. */
async function* rows(input: Readable, columns: string[], file: string): AsyncGenerator<Record<string, string>> {
  const records = pipeline(input, parse({ columns, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }), ignore);
  try {
    for await (const record of records as AsyncIterable<Record<string, string>>) {
      if (record.ent_num === '\x1a' || record.ent_num === '') continue;
      if (!/^\d+$/.test(record.ent_num ?? '')) throw new ListFormatError(`${file}: "${record.ent_num}" is not an ent_num: not OFAC's CSV layout`);
      yield record;
    }
  } catch (error) {
    if (error instanceof ListFormatError) throw error;
    throw new ListFormatError(`${file}: not readable as CSV: ${(error as Error).message}`);
  }
}

function value(field: string | undefined): string | null {
  const v = field?.trim() ?? '';
  return v === '' || v === NULL ? null : v;
}
