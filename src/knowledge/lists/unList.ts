import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import { leadingDate, type PartialDate } from '../partialDate.js';
import { type ListEntry, ListFormatError } from './types.js';

const RECORDS: Record<string, ListEntry['kind']> = { INDIVIDUAL: 'person', ENTITY: 'organisation' };
const NAME_PARTS = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'];

/** Whether a file's opening is the UN Security Council Consolidated List. */
export function isUnList(head: string): boolean {
  return /<CONSOLIDATED_LIST[\s>]/.test(head);
}

/** One INDIVIDUAL or ENTITY while it is read: its fields, and its aliases with their quality. */
interface UnRecord {
  kind: ListEntry['kind'];
  fields: Map<string, string>;
  aliases: { quality: string; name: string }[];
}

/**
 * Reads the UN Security Council Consolidated List XML (https://scsanctions.un.org/resources/xml/en/consolidated.xml)
 * as it streams in: every INDIVIDUAL and ENTITY with its REFERENCE_NUMBER, names, aliases (but those
 * of "Low" quality) and LISTED_ON. The list's date is `dateGenerated` on its root. The list holds only those
 * listed now: a removed entry is one that a newer version no longer has.
 */
export async function readUnList(input: Readable): Promise<{ entries: ListEntry[]; date: PartialDate | null }> {
  const parser = new SaxesParser();
  const entries: ListEntry[] = [];
  const path: string[] = [];
  let date: PartialDate | null = null;
  let record: UnRecord | null = null;
  let alias: { quality: string; name: string } | null = null;
  let text = '';
  parser.on('opentag', (tag) => {
    if (path.length === 0) {
      if (tag.name !== 'CONSOLIDATED_LIST') throw new ListFormatError(`has <${tag.name}> at its root, not <CONSOLIDATED_LIST>`);
      date = leadingDate(String(tag.attributes.dateGenerated ?? ''));
    }
    path.push(tag.name);
    text = '';
    if (Object.hasOwn(RECORDS, tag.name) && path.length === 3) record = { kind: RECORDS[tag.name]!, fields: new Map(), aliases: [] };
    else if (record && tag.name.endsWith('_ALIAS') && path.length === 4) alias = { quality: '', name: '' };
  });
  parser.on('text', (chunk) => {
    text += chunk;
  });
  parser.on('closetag', (tag) => {
    const depth = path.length;
    path.pop();
    if (record === null) return;
    if (depth === 3) {
      const entry = entryOf(record);
      if (entry) entries.push(entry);
      record = null;
    } else if (depth === 4 && alias) {
      record.aliases.push(alias);
      alias = null;
    } else if (depth === 4) record.fields.set(tag.name, text.trim());
    else if (depth === 5 && alias) {
      if (tag.name === 'QUALITY') alias.quality = text.trim();
      if (tag.name === 'ALIAS_NAME') alias.name = text.trim();
    }
    text = '';
  });
  try {
    input.setEncoding('utf8');
    for await (const chunk of input) parser.write(chunk as string);
    parser.close();
  } catch (error) {
    if (error instanceof ListFormatError) throw error;
    throw new ListFormatError(`is not well-formed XML: ${(error as Error).message.split('\n')[0]}`);
  }
  return { entries, date };
}

function entryOf(record: UnRecord): ListEntry | null {
  const field = (name: string) => record.fields.get(name) ?? '';
  const ref = field('REFERENCE_NUMBER');
  const name = NAME_PARTS.map(field)
    .filter((part) => part !== '')
    .join(' ');
  if (ref === '' || name === '') return null;
  const aliases = record.aliases
    // "Low" quality aliases are the list's own weak names: too loose to match on.
    .filter((alias) => alias.quality.toLowerCase() !== 'low')
    // One ALIAS_NAME can hold several names, separated by "; ".
    .flatMap((alias) => alias.name.split(/;\s+/))
    .map((alias) => alias.trim())
    .filter((alias) => alias !== '');
  return {
    ref,
    names: [...new Set([name, ...aliases])],
    kind: record.kind,
    authority: 'UN Security Council',
    programs: field('UN_LIST_TYPE') === '' ? [] : [field('UN_LIST_TYPE')],
    listedOn: leadingDate(field('LISTED_ON')),
    endedOn: null,
    ended: false,
    url: null,
  };
}
