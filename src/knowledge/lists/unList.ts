import { XMLParser } from 'fast-xml-parser';
import { parsePartialDate, type PartialDate } from '../partialDate.js';
import { type ListEntry, ListFormatError } from './types.js';

/** Elements that repeat in the UN Consolidated List XML, kept as arrays even when there is one. */
const REPEATED = new Set(['INDIVIDUAL', 'ENTITY', 'INDIVIDUAL_ALIAS', 'ENTITY_ALIAS', 'VALUE']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

type Node = Record<string, unknown>;

/** Whether a file's opening is the UN Security Council Consolidated List. */
export function isUnList(head: string): boolean {
  return /<CONSOLIDATED_LIST[\s>]/.test(head);
}

/**
 * Reads the UN Security Council Consolidated List XML (https://scsanctions.un.org/resources/xml/en/consolidated.xml):
 * every INDIVIDUAL and ENTITY with its REFERENCE_NUMBER, names, aliases of good quality and
 * LISTED_ON. The list's date is `dateGenerated` on its root. The list holds only those listed now:
 * a removed entry is one that a newer version no longer has.
 */
export function readUnList(xml: string): { entries: ListEntry[]; date: PartialDate | null } {
  let root: Node;
  try {
    root = parser.parse(xml, true).CONSOLIDATED_LIST as Node;
  } catch (error) {
    throw new ListFormatError(`is not well-formed XML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (root === undefined || typeof root !== 'object') throw new ListFormatError('has no CONSOLIDATED_LIST element');
  const entries: ListEntry[] = [];
  const people = ((root.INDIVIDUALS as Node | undefined)?.INDIVIDUAL ?? []) as Node[];
  const organisations = ((root.ENTITIES as Node | undefined)?.ENTITY ?? []) as Node[];
  for (const [records, kind, aliasTag] of [
    [people, 'person', 'INDIVIDUAL_ALIAS'],
    [organisations, 'organisation', 'ENTITY_ALIAS'],
  ] as const) {
    for (const record of records) {
      const ref = text(record.REFERENCE_NUMBER);
      const name = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
        .map((tag) => text(record[tag]))
        .filter((part) => part !== '')
        .join(' ');
      if (ref === '' || name === '') continue;
      const aliases = ((record[aliasTag] ?? []) as Node[])
        // "Low" quality aliases are the list's own weak names: too loose to match on.
        .filter((alias) => text(alias.QUALITY).toLowerCase() !== 'low')
        // One ALIAS_NAME can hold several names, separated by "; ".
        .flatMap((alias) => text(alias.ALIAS_NAME).split(/;\s+/))
        .map((alias) => alias.trim())
        .filter((alias) => alias !== '');
      entries.push({
        ref,
        names: [...new Set([name, ...aliases])],
        kind,
        authority: 'UN Security Council',
        programs: text(record.UN_LIST_TYPE) === '' ? [] : [text(record.UN_LIST_TYPE)],
        listedOn: datePart(text(record.LISTED_ON)),
        endedOn: null,
        url: null,
      });
    }
  }
  return { entries, date: datePart(text(root.dateGenerated)) };
}

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return text((value as Node)['#text']);
  return '';
}

/** The date at the start of an ISO date or date-time, as precisely as it is given. */
export function datePart(value: string): PartialDate | null {
  const match = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)/.exec(value.trim());
  return match ? parsePartialDate(match[1]!) : null;
}
