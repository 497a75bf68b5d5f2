import type { Db } from './database.js';

/** When the bot first saw an article's path, and the version it holds now. */
export interface Seen {
  /** First time any version of the path was seen. */
  added: string;
  /** First time this version (content hash) was seen. */
  changed: string;
}

/**
 * The first-seen time and content hash of every article version the bot has loaded: what
 * lets a digest say what is new since the last one, across restarts.
 */
export class ArticleLedger {
  constructor(private readonly db: Db) {}

  /** Records versions not seen before as first seen `now`; known versions keep their time. */
  record(versions: { path: string; hash: string }[], now: Date): void {
    const insert = this.db.prepare('INSERT INTO article_versions (path, hash, first_seen) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
    const at = now.toISOString();
    this.db.transaction(() => {
      for (const v of versions) insert.run(v.path, v.hash, at);
    })();
  }

  /** For each given version, when its path and this version were first seen (recorded ones only). */
  seen(versions: { path: string; hash: string }[]): Map<string, Seen> {
    const rows = this.db.prepare('SELECT path, hash, first_seen FROM article_versions').all() as { path: string; hash: string; first_seen: string }[];
    const added = new Map<string, string>();
    const byVersion = new Map<string, string>();
    for (const r of rows) {
      const earliest = added.get(r.path);
      if (earliest === undefined || r.first_seen < earliest) added.set(r.path, r.first_seen);
      byVersion.set(`${r.path}\0${r.hash}`, r.first_seen);
    }
    const result = new Map<string, Seen>();
    for (const v of versions) {
      const changed = byVersion.get(`${v.path}\0${v.hash}`);
      if (changed !== undefined) result.set(v.path, { added: added.get(v.path)!, changed });
    }
    return result;
  }
}
