import type { DesignationList, ListEntry } from '../knowledge/lists/types.js';
import type { SqlDatabase } from './sql.js';

/** A list as it was when a newer version replaced it: its date and its entries. */
export interface ListVersion {
  hash: string;
  date: string;
  entries: ListEntry[];
}

/** A list whose current version arrived in a window, and the version that was current before the window. */
export interface ListReplacement {
  path: string;
  before: ListVersion;
  /** When the current version was first seen. */
  arrived: string;
}

/**
 * Every version of every official list the bot has read, with its entries: what lets a digest
 * say which entries a newer list added, removed or changed, across restarts.
 */
export class ListVersions {
  constructor(private readonly db: SqlDatabase) {}

  /** Records list versions not seen before as first seen `now`; a known version keeps its time. */
  async record(lists: Pick<DesignationList, 'path' | 'hash' | 'date' | 'entries'>[], now: Date): Promise<void> {
    if (lists.length === 0) return;
    const at = now.toISOString();
    await this.db.transaction('list versions', async (tx) => {
      for (const list of lists) {
        await tx.run('INSERT INTO list_versions (path, hash, first_seen, list_date, entries) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING', [
          list.path,
          list.hash,
          at,
          list.date,
          JSON.stringify(list.entries),
        ]);
      }
    });
  }

  /** The given list versions the ledger has not recorded yet. */
  async unknown<T extends Pick<DesignationList, 'path' | 'hash'>>(lists: T[]): Promise<T[]> {
    if (lists.length === 0) return [];
    const known = new Set((await this.db.all<{ path: string; hash: string }>('SELECT path, hash FROM list_versions')).map((r) => `${r.path}\0${r.hash}`));
    return lists.filter((l) => !known.has(`${l.path}\0${l.hash}`));
  }

  /**
   * For each given list whose version was first seen after `since` and at or before `until`, the
   * version that was current at `since`: its own, or that of an older copy it supersedes (`copies`,
   * paths). A list first read in the window, with no older copy, replaced nothing.
   */
  async replaced(lists: (Pick<DesignationList, 'path' | 'hash'> & { copies?: string[] })[], since: string, until: string): Promise<ListReplacement[]> {
    const replacements: ListReplacement[] = [];
    for (const list of lists) {
      const current = await this.db.get<{ first_seen: string }>('SELECT first_seen FROM list_versions WHERE path = ? AND hash = ?', [list.path, list.hash]);
      if (!current || !(current.first_seen > since && current.first_seen <= until)) continue;
      // Its own version current at `since`; else, for a list first read in the window, the latest version of the older copies it supersedes.
      const before =
        (await this.latestBefore([list.path], since, list.hash)) ?? (list.copies?.length ? await this.latestBefore(list.copies, since, list.hash) : undefined);
      if (!before) continue;
      replacements.push({
        path: list.path,
        before: { hash: before.hash, date: before.list_date, entries: JSON.parse(before.entries) as ListEntry[] },
        arrived: current.first_seen,
      });
    }
    return replacements;
  }

  /** The latest version of any of the paths first seen at or before `since`, other than `hash`. */
  private latestBefore(paths: string[], since: string, hash: string) {
    return this.db.get<{ hash: string; list_date: string; entries: string }>(
      `SELECT hash, list_date, entries FROM list_versions WHERE path IN (${paths.map(() => '?').join(', ')}) AND first_seen <= ? AND hash <> ? ORDER BY first_seen DESC LIMIT 1`,
      [...paths, since, hash],
    );
  }
}
