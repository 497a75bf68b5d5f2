import type { DesignationList, ListEntry } from '../knowledge/lists/types.js';
import type { Entity } from '../knowledge/types.js';
import { type FoldedName, foldName, nameScore } from './nameMatch.js';

/**
 * A list entry whose names score at least this with an entity's links them: every word the same
 * or another spelling of it (a one-word name spelt otherwise, Taleban, scores 0.9; two words of
 * which one is spelt otherwise, 0.95). "Taliban movement" against "Taliban" scores 0.67 and is only
 * a candidate. When two entries of one list pass, neither is linked: both are candidates.
 */
export const LINK_THRESHOLD = 0.9;
/** Below the threshold, the best entry scoring at least this is shown as a candidate for an editor. */
export const CANDIDATE_FLOOR = 0.5;

/** A word in more than this share of a list's entries (and more than COMMON_MIN of them) does not tell them apart. */
const COMMON_SHARE = 0.01;
const COMMON_MIN = 50;

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
  readonly names: Reading[][][];
  private readonly postings = new Map<string, number[]>();
  private readonly refs = new Map<string, number>();
  /** Scratch counts of the words each entry shares with a name, zero between calls. */
  private readonly hits: Uint16Array;

  /** The folded names of a list, worked out once per version of the list. */
  static of(list: DesignationList): ListNames {
    let names = ListNames.byList.get(list);
    if (names === undefined) ListNames.byList.set(list, (names = new ListNames(list)));
    return names;
  }

  private constructor(list: DesignationList) {
    this.names = list.entries.map((entry) => readingsOf(entry));
    list.entries.forEach((entry, i) => {
      this.refs.set(entry.ref, i);
    });
    this.hits = new Uint16Array(list.entries.length);
    this.names.forEach((names, i) => {
      for (const key of new Set(names.flat().flatMap((r) => skeletons(r.name)))) {
        const posting = this.postings.get(key);
        if (posting) posting.push(i);
        else this.postings.set(key, [i]);
      }
    });
  }

  /**
   * The entries that can score with any of the names: those with the skeletons of at least half of
   * a name's distinctive words, or of the whole name. A word that many entries share ("front",
   * "company") does not tell them apart: a name scoring the threshold with another shares nearly
   * every word, its rarest ones with them, and a name of such words alone finds only the entries
   * that have nearly all of them.
   */
  near(names: FoldedName[]): number[] {
    const found = new Set<number>();
    const common = Math.max(COMMON_MIN, this.hits.length * COMMON_SHARE);
    for (const name of names) {
      for (const i of this.sharingWords(name, common)) found.add(i);
      for (const i of this.postings.get(name.whole.skeleton) ?? []) found.add(i);
    }
    return [...found];
  }

  /**
   * The entries with the skeletons of at least half of a name's distinctive words: those that more
   * than `common` entries share are not distinctive.
   */
  private sharingWords(name: FoldedName, common: number): number[] {
    const keys = [...new Set(name.tokens.map((t) => t.skeleton))];
    const rare = keys.filter((key) => (this.postings.get(key)?.length ?? 0) <= common);
    const seeds = rare.length > 0 ? rare : keys;
    // A name of common words alone finds the entries with all of them (but one, of four or more).
    const needed = rare.length > 0 ? Math.ceil(seeds.length / 2) : keys.length - (keys.length >= 4 ? 1 : 0);
    const touched: number[] = [];
    for (const key of seeds) {
      for (const i of this.postings.get(key) ?? []) {
        if (this.hits[i] === 0) touched.push(i);
        this.hits[i]!++;
      }
    }
    const found: number[] = [];
    for (const i of touched) {
      if (this.hits[i]! >= needed) found.push(i);
      this.hits[i] = 0;
    }
    return found;
  }

  /** The entry with a reference, if the list has one. */
  byRef(ref: string): number | undefined {
    return this.refs.get(ref);
  }
}

function skeletons(name: FoldedName): string[] {
  return [...name.tokens.map((t) => t.skeleton), name.whole.skeleton];
}

/**
 * Which entities are which entries of the official lists: linked above LINK_THRESHOLD or as an
 * editor confirmed, never as an editor rejected (`not_list_ids`); and, for an entity with no link
 * in a list, the best entry below the threshold as a candidate. Given the links worked out before
 * over the same lists, an entity whose names have not changed keeps its own: an article that
 * brings one new organisation matches only that one.
 */
export class ListLinks {
  private readonly links = new Map<string, ListMatch[]>();
  private readonly candidates = new Map<string, ListMatch[]>();
  /** What each entity was matched with: its kind, names and editors' choices. */
  private readonly matchedAs = new Map<string, string>();

  constructor(
    private readonly lists: DesignationList[],
    entities: Entity[],
    previous: ListLinks | null = null,
  ) {
    const reuse = previous !== null && previous.lists.length === lists.length && previous.lists.every((l, i) => l === lists[i]);
    for (const entity of entities) {
      if (entity.kind !== 'organisation' && entity.kind !== 'person') continue;
      const as = JSON.stringify([entity.kind, entity.name, entity.aliases, entity.listIds, entity.notListIds]);
      this.matchedAs.set(entity.id, as);
      if (reuse && previous.matchedAs.get(entity.id) === as) {
        for (const [mine, theirs] of [
          [this.links, previous.links],
          [this.candidates, previous.candidates],
        ] as const) {
          const kept = theirs.get(entity.id);
          if (kept) mine.set(entity.id, kept);
        }
        continue;
      }
      this.match(entity);
    }
  }

  private match(entity: Entity): void {
    const names = [entity.name, ...entity.aliases].map(foldName);
    const confirmed = new Set(entity.listIds ?? []);
    const rejected = new Set(entity.notListIds ?? []);
    for (const list of this.lists) {
      const listNames = ListNames.of(list);
      const scored = new Map<number, ListMatch>();
      for (const i of listNames.near(names)) {
        const entry = list.entries[i]!;
        if (rejected.has(entry.ref) || entry.kind !== entity.kind) continue;
        scored.set(i, { entityId: entity.id, list, entry, ...best(names, listNames.names[i]!, entry), confirmed: confirmed.has(entry.ref) });
      }
      for (const ref of confirmed) {
        const i = listNames.byRef(ref);
        if (i === undefined || scored.has(i)) continue;
        const entry = list.entries[i]!;
        scored.set(i, { entityId: entity.id, list, entry, ...best(names, listNames.names[i]!, entry), confirmed: true });
      }
      const matches = [...scored.values()].sort((a, b) => b.score - a.score);
      const confirmedHere = matches.filter((m) => m.confirmed);
      const passing = matches.filter((m) => !m.confirmed && m.score >= LINK_THRESHOLD);
      // Two entries of one list that both pass are two readings of a name, not one entity: an editor chooses.
      const linked = confirmedHere.length > 0 || passing.length > 1 ? confirmedHere : passing;
      if (linked.length > 0) this.links.set(entity.id, [...(this.links.get(entity.id) ?? []), ...linked]);
      else if (matches[0] && matches[0].score >= CANDIDATE_FLOOR) this.candidates.set(entity.id, [...(this.candidates.get(entity.id) ?? []), matches[0]]);
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
/**
 * A reading of a list's name alone in brackets scores at most this: an acronym ("(GMF)") is shared
 * by other organisations, so it proposes a candidate and never links by itself.
 */
const BRACKETED_AT_MOST = 0.85;

function best(names: FoldedName[], entryNames: Reading[][], entry: ListEntry): { score: number; name: string } {
  let top = { score: 0, name: entry.names[0]! };
  for (const name of names) {
    entryNames.forEach((readings, i) => {
      for (const reading of readings) {
        const score = Math.min(nameScore(name, reading.name, entry.kind === 'person'), reading.bracketed ? BRACKETED_AT_MOST : 1);
        if (score > top.score) top = { score, name: entry.names[i]! };
      }
    });
  }
  return { score: Math.round(top.score * 100) / 100, name: top.name };
}

/** One way a list's name can be read, folded. */
interface Reading {
  name: FoldedName;
  /** The part of the name in brackets, alone. */
  bracketed: boolean;
}

/**
 * An entry's names, each folded in each way it can be read: worked out once for a names list that
 * several entries share (an OpenSanctions target's, in each list that sanctions it; the entries of
 * one target have one kind, so the names alone are the key).
 */
const readingsByNames = new WeakMap<readonly string[], Reading[][]>();
function readingsOf(entry: ListEntry): Reading[][] {
  let found = readingsByNames.get(entry.names);
  if (found === undefined) readingsByNames.set(entry.names, (found = entry.names.map((name) => readings(name, entry.kind))));
  return found;
}

/**
 * The ways a list's name can be read: as written; for a person written "SURNAME, Given", in the
 * order of "Given SURNAME"; and for a name with a part in brackets ("Grey Meridian Front (GMF)"),
 * the name without it and the part alone.
 */
function readings(name: string, kind: ListEntry['kind']): Reading[] {
  const plain = (text: string) => ({ name: foldName(text), bracketed: false });
  const comma = kind === 'person' ? /^([^,]+),\s*([^,]+)$/.exec(name) : null;
  const out = [plain(name), ...(comma ? [plain(`${comma[2]} ${comma[1]}`)] : [])];
  const inside = [...name.matchAll(/\(([^()]+)\)/g)].map((m) => m[1]!.trim()).filter((n) => n !== '');
  if (inside.length === 0) return out;
  return [...out, plain(name.replace(/\s*\([^()]*\)\s*/g, ' ').trim()), ...inside.map((part) => ({ name: foldName(part), bracketed: true }))];
}
