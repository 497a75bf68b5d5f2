import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { leadingDate, type PartialDate } from '../partialDate.js';
import { type ListEntry, ListFormatError } from './types.js';

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
 * entity it names in `entity` (the entry's reference is the entity's id, or the sanction's where the
 * entity has several), with its `authority`, `program`, `listingDate` (else `startDate`),
 * `endDate` and `sourceUrl`. The list's date is the latest `last_seen`: when OpenSanctions last
 * found the data at its source.
 */
export async function readOpenSanctions(input: Readable): Promise<{ entries: ListEntry[]; date: PartialDate | null; dataset: string | null }> {
  const { targets, sanctions, datasets, date } = await readExport(input);
  // A target with one sanction is its entry, under its own id; one with several (several authorities') has an entry per sanction, under the sanction's id, whatever the order of the lines.
  const sanctionsOf = new Map<string, number>();
  for (const sanction of sanctions) sanctionsOf.set(first(sanction, 'entity') ?? '', (sanctionsOf.get(first(sanction, 'entity') ?? '') ?? 0) + 1);
  const entries: ListEntry[] = [];
  for (const sanction of sanctions) {
    const id = first(sanction, 'entity') ?? '';
    const target = targets.get(id);
    if (target === undefined || target.names.length === 0) continue;
    entries.push(entryOf(sanction, target, sanctionsOf.get(id) === 1 ? id : sanction.id));
  }
  const dataset = [...datasets.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { entries, date, dataset };
}

/** A target as an entry needs it: its schema and its names and aliases. */
interface Target {
  schema: string;
  names: string[];
}

/**
 * The export's lines read: its targets by id, its sanctions, how many entities each dataset holds,
 * and the latest `last_seen`.
 */
async function readExport(
  input: Readable,
): Promise<{ targets: Map<string, Target>; sanctions: FtmEntity[]; datasets: Map<string, number>; date: PartialDate | null }> {
  // Of a target, only what an entry needs is kept: a large export holds many properties per entity.
  const targets = new Map<string, Target>();
  const sanctions: FtmEntity[] = [];
  const datasets = new Map<string, number>();
  let date: PartialDate | null = null;
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    line++;
    if (text.trim() === '') continue;
    const entity = parseLine(text, line);
    if (entity.schema === 'Sanction') sanctions.push(entity);
    else targets.set(entity.id, { schema: entity.schema, names: [...strings(entity, 'name'), ...strings(entity, 'alias')] });
    for (const d of entity.datasets ?? []) datasets.set(d, (datasets.get(d) ?? 0) + 1);
    const seen = entity.last_seen ? leadingDate(entity.last_seen) : null;
    if (seen !== null && (date === null || seen > date)) date = seen;
  }
  return { targets, sanctions, datasets, date };
}

/** The entry for a sanction on a target, under the reference `ref`. */
function entryOf(sanction: FtmEntity, target: Target, ref: string): ListEntry {
  return {
    ref,
    names: [...new Set(target.names)],
    kind: kindOf(target.schema),
    authority: first(sanction, 'authority') ?? '',
    programs: strings(sanction, 'program'),
    listedOn: dateOf(first(sanction, 'listingDate') ?? first(sanction, 'startDate')),
    endedOn: dateOf(first(sanction, 'endDate')),
    url: first(sanction, 'sourceUrl'),
  };
}

/** What an entry of a FollowTheMoney schema is: a person, an organisation or something else. */
function kindOf(schema: string): ListEntry['kind'] {
  if (PEOPLE.has(schema)) return 'person';
  return ORGANISATIONS.has(schema) ? 'organisation' : 'other';
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
  return value === null ? null : leadingDate(value);
}
