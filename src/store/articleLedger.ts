import type { Db } from './database.js';

/** One version of an article: its content hash and the fingerprints of its sentences. */
export interface ArticleVersion {
  path: string;
  hash: string;
  sentences: string[];
}

/** When the bot first saw an article's path and its current version. */
export interface Seen {
  /** First time any version of the path was seen. */
  added: string;
  /** First time this version (content hash) was seen. */
  changed: string;
  /** Sentence fingerprints of the path's versions first seen at or before the `since` asked about. */
  known: Set<string>;
}

/**
 * The first-seen time, content hash and sentence fingerprints of every article version the
 * bot has loaded: what lets a digest say what is new since the last one, across restarts.
 */
export class ArticleLedger {
  constructor(private readonly db: Db) {}

  /** Records versions not seen before as first seen `now`; known versions keep their time. */
  record(versions: ArticleVersion[], now: Date): void {
    const insert = this.db.prepare('INSERT INTO article_versions (path, hash, first_seen, sentences) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
    const at = now.toISOString();
    this.db.transaction(() => {
      for (const v of versions) insert.run(v.path, v.hash, at, JSON.stringify(v.sentences));
    })();
  }

  /** The given versions the ledger has not recorded yet. */
  unknown<T extends Pick<ArticleVersion, 'path' | 'hash'>>(versions: T[]): T[] {
    const known = new Set(
      (this.db.prepare('SELECT path, hash FROM article_versions').all() as { path: string; hash: string }[]).map((r) => `${r.path}\0${r.hash}`),
    );
    return versions.filter((v) => !known.has(`${v.path}\0${v.hash}`));
  }

  /**
   * For each given version that was recorded, when its path and this version were first seen,
   * and, for a version first seen after `since`, what the path's earlier versions already said.
   */
  seen(versions: Pick<ArticleVersion, 'path' | 'hash'>[], since?: string): Map<string, Seen> {
    const rows = this.db.prepare('SELECT path, hash, first_seen FROM article_versions').all() as { path: string; hash: string; first_seen: string }[];
    const added = new Map<string, string>();
    const byVersion = new Map<string, string>();
    for (const r of rows) {
      const earliest = added.get(r.path);
      if (earliest === undefined || r.first_seen < earliest) added.set(r.path, r.first_seen);
      byVersion.set(`${r.path}\0${r.hash}`, r.first_seen);
    }
    const earlier = this.db.prepare('SELECT sentences FROM article_versions WHERE path = ? AND first_seen <= ?').pluck();
    const result = new Map<string, Seen>();
    for (const v of versions) {
      const changed = byVersion.get(`${v.path}\0${v.hash}`);
      if (changed === undefined) continue;
      const first = added.get(v.path)!;
      const updatedSince = since !== undefined && changed > since && first <= since;
      const known = updatedSince ? new Set((earlier.all(v.path, since) as string[]).flatMap((json) => JSON.parse(json) as string[])) : new Set<string>();
      result.set(v.path, { added: first, changed, known });
    }
    return result;
  }
}
