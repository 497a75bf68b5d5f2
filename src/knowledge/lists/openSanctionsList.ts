import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { compareDates, leadingDate, type PartialDate } from '../partialDate.js';
import { resolveAuthority } from './listAuthority.js';
import { ENDED_STATUSES } from './publishers.js';
import { type ListEntry, ListFormatError, type TargetProvenance } from './types.js';

interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, unknown[]>;
  datasets?: string[];
  referents?: string[];
  first_seen?: string;
  last_seen?: string;
  last_change?: string;
}

const PEOPLE = new Set(['Person']);
const ORGANISATIONS = new Set(['Organization', 'LegalEntity', 'Company', 'PublicBody']);

/** One list of an export: the entries of one dataset's sanctions (or one authority's, where a sanction names no dataset). */
export interface ExportList {
  /** The dataset, as OpenSanctions names it; for sanctions without one, the authority they name. */
  dataset: string;
  entries: ListEntry[];
  /** The latest `last_seen` of the list's sanctions: when OpenSanctions last found them at their source. */
  date: PartialDate | null;
}

/** What an entry needs of a target, kept instead of the whole entity: a collection holds many properties per entity. */
interface Target {
  schema: string;
  /** Its names and aliases, once each: the one list every entry of the target shares. */
  names: string[];
  provenance: TargetProvenance;
}

/** What a list needs of a sanction. */
interface Sanction {
  target: string;
  dataset: string | null;
  bodies: string[];
  countries: string[];
  programs: string[];
  listed: PartialDate[];
  start: PartialDate | null;
  end: PartialDate | null;
  ended: boolean;
  url: string | null;
  lastSeen: PartialDate | null;
}

/**
 * Reads OpenSanctions' FollowTheMoney export, one JSON entity per line
 * (https://www.opensanctions.org/docs/bulk/json/): a dataset's own file or a collection
 * (`default`, `sanctions`) that holds many. Each `Sanction` belongs to the list of its dataset,
 * and names its target (`entity`), the publishing body (`authority`), its `country`, dates and
 * `status`. A target has one entry in each list that sanctions it, under its own id: with the
 * list's dataset, the same reference whichever file it is read from. Its authority is resolved as the
 * news names it (see listAuthority.ts); a body nothing resolves keeps its own name and is
 * returned in `unknownBodies`, once.
 */
export async function readOpenSanctions(input: Readable): Promise<{ lists: ExportList[]; unknownBodies: string[] }> {
  const { targets, sanctions } = await readExport(input);
  const shared = interner();
  const byList = groupByList(sanctions, targets);
  const unknownBodies = new Set<string>();
  const lists: ExportList[] = [];
  for (const [dataset, ofList] of [...byList].sort(([a], [b]) => a.localeCompare(b))) {
    const entries: ListEntry[] = [];
    let date: PartialDate | null = null;
    for (const [id, own] of ofList) {
      const resolved = resolveAuthority(sourceOf(own[0]!));
      if (resolved === null && own[0]!.bodies.length > 0) unknownBodies.add(own[0]!.bodies[0]!);
      entries.push(entryOf(id, targets.get(id)!, own, resolved ?? (own[0]!.bodies.length > 0 ? null : dataset), shared));
      for (const s of own) if (s.lastSeen !== null && (date === null || s.lastSeen > date)) date = s.lastSeen;
    }
    lists.push({ dataset, entries, date });
  }
  return { lists, unknownBodies: [...unknownBodies].sort() };
}

/** The sanctions of named targets, by the list they belong to (their dataset, else their body), then by target. */
function groupByList(sanctions: Sanction[], targets: Map<string, Target>): Map<string, Map<string, Sanction[]>> {
  const byList = new Map<string, Map<string, Sanction[]>>();
  for (const sanction of sanctions) {
    if (!targets.has(sanction.target)) continue;
    const list = sanction.dataset ?? sanction.bodies[0] ?? 'unknown';
    let ofList = byList.get(list);
    if (ofList === undefined) byList.set(list, (ofList = new Map()));
    ofList.set(sanction.target, [...(ofList.get(sanction.target) ?? []), sanction]);
  }
  return byList;
}

/**
 * The export's lines read: its targets by id (only what entries need) and its sanctions. Lines are
 * read one at a time: a collection of hundreds of thousands of entities is never held whole.
 */
async function readExport(input: Readable): Promise<{ targets: Map<string, Target>; sanctions: Sanction[] }> {
  const targets = new Map<string, Target>();
  const sanctions: Sanction[] = [];
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    line++;
    if (text.trim() === '') continue;
    const entity = parseLine(text, line);
    if (entity.schema === 'Sanction') sanctions.push(sanctionOf(entity));
    else {
      const names = [...new Set([...strings(entity, 'name'), ...strings(entity, 'alias')])];
      if (names.length === 0) continue;
      targets.set(entity.id, {
        schema: entity.schema,
        names,
        provenance: {
          referents: entity.referents ?? [],
          datasets: entity.datasets ?? [],
          firstSeen: entity.first_seen ?? null,
          lastSeen: entity.last_seen ?? null,
          lastChange: entity.last_change ?? null,
        },
      });
    }
  }
  return { targets, sanctions };
}

function sanctionOf(entity: FtmEntity): Sanction {
  const dates = (property: string) => strings(entity, property).flatMap((v) => leadingDate(v) ?? []);
  const end = dates('endDate').sort(compareDates).at(-1) ?? null;
  return {
    target: first(entity, 'entity') ?? '',
    dataset: entity.datasets?.[0] ?? null,
    bodies: strings(entity, 'authority'),
    countries: strings(entity, 'country'),
    programs: strings(entity, 'program'),
    listed: dates('listingDate'),
    start: dates('startDate').sort(compareDates)[0] ?? null,
    end,
    ended: end !== null || strings(entity, 'status').some((s) => ENDED_STATUSES.has(s.toLowerCase())),
    url: first(entity, 'sourceUrl'),
    lastSeen: entity.last_seen ? leadingDate(entity.last_seen) : null,
  };
}

const sourceOf = (s: Sanction) => ({ bodies: s.bodies, countries: s.countries, dataset: s.dataset });

/**
 * The entry of a target in one list, from its sanctions there: listed on the earliest listing
 * date (else start date) any of them gives, every listing date kept; ended only when every one
 * of them has, on the latest end.
 */
function entryOf(id: string, target: Target, sanctions: Sanction[], authority: string | null, shared: <T>(values: T[]) => T[]): ListEntry {
  const listingDates = shared([...new Set(sanctions.flatMap((s) => s.listed))].sort(compareDates));
  const starts = sanctions.flatMap((s) => (s.start === null ? [] : [s.start])).sort(compareDates);
  const ended = sanctions.every((s) => s.ended);
  const ends = sanctions.flatMap((s) => (s.end === null ? [] : [s.end])).sort(compareDates);
  const bodies = shared([...new Set(sanctions.flatMap((s) => s.bodies))]);
  return {
    ref: id,
    names: target.names,
    kind: kindOf(target.schema),
    authority: authority ?? bodies[0] ?? '',
    programs: shared([...new Set(sanctions.flatMap((s) => s.programs))]),
    listedOn: listingDates[0] ?? starts[0] ?? null,
    endedOn: ended ? (ends.at(-1) ?? null) : null,
    ended,
    url: sanctions.find((s) => s.url !== null)?.url ?? null,
    provenance: { bodies, listingDates, target: target.provenance },
  };
}

/**
 * One list for equal lists of strings: a collection's 600,000 entries share a few dozen
 * programmes, bodies and sets of listing dates, held once each.
 */
function interner(): <T>(values: T[]) => T[] {
  const held = new Map<string, unknown[]>();
  return <T>(values: T[]): T[] => {
    const key = values.join('\u0000');
    const known = held.get(key);
    if (known !== undefined) return known as T[];
    held.set(key, values);
    return values;
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
