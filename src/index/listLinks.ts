import type { DesignationList, ListEntry } from '../knowledge/lists/types.js';
import type { Entity } from '../knowledge/types.js';
import { type FoldedName, foldName, nameScore } from './nameMatch.js';

/**
 * A list entry whose names score at least this with an entity's links them: every word the same,
 * or one word of a one-word name spelt with other vowels (Taleban). "Taliban movement" against
 * "Taliban" scores 0.67 and is only a candidate.
 */
export const LINK_THRESHOLD = 0.9;
/** Below the threshold, the best entry scoring at least this is shown as a candidate for an editor. */
export const CANDIDATE_FLOOR = 0.5;

/** An entity and a list entry that may be the same organisation or person. */
export interface ListMatch {
  entityId: string;
  list: DesignationList;
  entry: ListEntry;
  score: number;
  /** The entry's name that matched best. */
  name: string;
  /** Whether an editor confirmed it in entities.yml (`list_ids`), whatever the score. */
  confirmed: boolean;
}

/** The names of one list's entries, folded, with the entries each folded word or skeleton is in. */
class ListNames {
  private static readonly byList = new WeakMap<DesignationList, ListNames>();
  /** For each entry, for each of its names, the name folded in each way it can be read. */
  readonly names: FoldedName[][][];
  private readonly postings = new Map<string, number[]>();

  /** The folded names of a list, worked out once per version of the list. */
  static of(list: DesignationList): ListNames {
    let names = ListNames.byList.get(list);
    if (names === undefined) ListNames.byList.set(list, (names = new ListNames(list)));
    return names;
  }

  private constructor(list: DesignationList) {
    this.names = list.entries.map((entry) => entry.names.map((name) => spellings(name).map(foldName)));
    this.names.forEach((names, i) => {
      for (const key of new Set(names.flat().flatMap(skeletons))) {
        const posting = this.postings.get(key);
        if (posting) posting.push(i);
        else this.postings.set(key, [i]);
      }
    });
  }

  /** The entries sharing a word's skeleton, or the whole name's, with any of the names: the only ones that can score. */
  near(names: FoldedName[]): number[] {
    const found = new Set<number>();
    for (const key of new Set(names.flatMap(skeletons))) for (const i of this.postings.get(key) ?? []) found.add(i);
    return [...found];
  }
}

function skeletons(name: FoldedName): string[] {
  return [...name.tokens.map((t) => t.skeleton), name.whole.skeleton];
}

/**
 * Which entities are which entries of the official lists: linked above LINK_THRESHOLD or as an
 * editor confirmed, never as an editor rejected (`not_list_ids`); and, for an entity with no link
 * in a list, the best entry below the threshold as a candidate.
 */
export class ListLinks {
  private readonly links = new Map<string, ListMatch[]>();
  private readonly candidates = new Map<string, ListMatch[]>();

  constructor(lists: DesignationList[], entities: Entity[]) {
    for (const entity of entities) {
      if (entity.kind !== 'organisation' && entity.kind !== 'person') continue;
      const names = [entity.name, ...entity.aliases].map(foldName);
      const confirmed = new Set(entity.listIds ?? []);
      const rejected = new Set(entity.notListIds ?? []);
      for (const list of lists) {
        const listNames = ListNames.of(list);
        const scored = new Map<number, ListMatch>();
        for (const i of listNames.near(names)) {
          const entry = list.entries[i]!;
          if (rejected.has(entry.ref) || entry.kind !== entity.kind) continue;
          scored.set(i, { entityId: entity.id, list, entry, ...best(names, listNames.names[i]!, entry), confirmed: confirmed.has(entry.ref) });
        }
        list.entries.forEach((entry, i) => {
          if (confirmed.has(entry.ref) && !scored.has(i)) scored.set(i, { entityId: entity.id, list, entry, score: 0, name: entry.names[0]!, confirmed: true });
        });
        const matches = [...scored.values()].sort((a, b) => b.score - a.score);
        const linked = matches.filter((m) => m.confirmed || m.score >= LINK_THRESHOLD);
        if (linked.length > 0) this.links.set(entity.id, [...(this.links.get(entity.id) ?? []), ...linked]);
        else if (matches[0] && matches[0].score >= CANDIDATE_FLOOR) this.candidates.set(entity.id, [...(this.candidates.get(entity.id) ?? []), matches[0]]);
      }
    }
  }

  /** The entries an entity is, across the lists. */
  linksOf(entityId: string): ListMatch[] {
    return this.links.get(entityId) ?? [];
  }

  /** The near misses of an entity: for an editor to confirm, never a status. */
  candidatesOf(entityId: string): ListMatch[] {
    return this.candidates.get(entityId) ?? [];
  }
}

/** The best score between any of an entity's names and any of an entry's. */
function best(names: FoldedName[], entryNames: FoldedName[][], entry: ListEntry): { score: number; name: string } {
  let top = { score: 0, name: entry.names[0]! };
  for (const name of names) {
    entryNames.forEach((readings, i) => {
      for (const other of readings) {
        const score = nameScore(name, other);
        if (score > top.score) top = { score, name: entry.names[i]! };
      }
    });
  }
  return { score: Math.round(top.score * 100) / 100, name: top.name };
}

/**
 * The ways a list's name can be read: as written, and, for a name with a part in brackets
 * ("Grey Meridian Front (GMF)"), the name without it and the part alone, as lists give acronyms.
 */
function spellings(name: string): string[] {
  const inside = [...name.matchAll(/\(([^()]+)\)/g)].map((m) => m[1]!.trim());
  if (inside.length === 0) return [name];
  return [name, name.replace(/\s*\([^()]*\)\s*/g, ' ').trim(), ...inside].filter((n) => n !== '');
}
