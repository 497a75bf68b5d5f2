import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { PartialDate } from '../partialDate.js';
import { type ListEntry, ListFormatError } from './types.js';
import { datePart } from './unList.js';

interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, unknown[]>;
  datasets?: string[];
  last_seen?: string;
}

const PEOPLE = new Set(['Person']);
const ORGANISATIONS = new Set(['Organization', 'LegalEntity', 'Company', 'PublicBody']);

/**
 * Reads OpenSanctions' FollowTheMoney export, one JSON entity per line
 * (https://www.opensanctions.org/docs/bulk/json/): each `Sanction` entity becomes an entry for the
 * entity it names in `entity`, with its `authority`, `program`, `listingDate` (else `startDate`),
 * `endDate` and `sourceUrl`. The list's date is the latest `last_seen`: when OpenSanctions last
 * found the data at its source.
 */
export async function readOpenSanctions(input: Readable): Promise<{ entries: ListEntry[]; date: PartialDate | null; dataset: string | null }> {
  const targets = new Map<string, FtmEntity>();
  const sanctions: FtmEntity[] = [];
  const datasets = new Map<string, number>();
  let date: PartialDate | null = null;
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    line++;
    if (text.trim() === '') continue;
    const entity = parseLine(text, line);
    if (entity.schema === 'Sanction') sanctions.push(entity);
    else targets.set(entity.id, entity);
    for (const d of entity.datasets ?? []) datasets.set(d, (datasets.get(d) ?? 0) + 1);
    const seen = entity.last_seen ? datePart(entity.last_seen) : null;
    if (seen !== null && (date === null || seen > date)) date = seen;
  }
  const entries: ListEntry[] = [];
  const refs = new Set<string>();
  for (const sanction of sanctions) {
    const target = targets.get(first(sanction, 'entity') ?? '');
    if (target === undefined) continue;
    const names = [...strings(target, 'name'), ...strings(target, 'alias')];
    if (names.length === 0) continue;
    // A second sanction on one entity (another authority's) is an entry of its own, under the sanction's id.
    const ref = refs.has(target.id) ? sanction.id : target.id;
    refs.add(ref);
    entries.push({
      ref,
      names: [...new Set(names)],
      kind: PEOPLE.has(target.schema) ? 'person' : ORGANISATIONS.has(target.schema) ? 'organisation' : 'other',
      authority: first(sanction, 'authority') ?? '',
      programs: strings(sanction, 'program'),
      listedOn: dateOf(first(sanction, 'listingDate') ?? first(sanction, 'startDate')),
      endedOn: dateOf(first(sanction, 'endDate')),
      url: first(sanction, 'sourceUrl'),
    });
  }
  const dataset = [...datasets.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { entries, date, dataset };
}

function parseLine(text: string, line: number): FtmEntity {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ListFormatError(`line ${line} is not JSON`);
  }
  const entity = value as FtmEntity;
  if (typeof entity?.id !== 'string' || typeof entity.schema !== 'string' || typeof entity.properties !== 'object' || entity.properties === null)
    throw new ListFormatError(`line ${line} is not a FollowTheMoney entity (id, schema, properties)`);
  return entity;
}

function strings(entity: FtmEntity, property: string): string[] {
  const values = entity.properties[property];
  return Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()) : [];
}

function first(entity: FtmEntity, property: string): string | null {
  return strings(entity, property)[0] ?? null;
}

function dateOf(value: string | null): PartialDate | null {
  return value === null ? null : datePart(value);
}
