import type { SqlDatabase } from './sql.js';

/** Versions written per statement: one round trip for many rows, well within both databases' parameter limits. */
const BATCH = 500;

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
  constructor(private readonly db: SqlDatabase) {}

  /** Records versions not seen before as first seen `now`; known versions keep their time. */
  async record(versions: ArticleVersion[], now: Date): Promise<void> {
    if (versions.length === 0) return;
    const at = now.toISOString();
    await this.db.transaction('article ledger', async (tx) => {
      for (let i = 0; i < versions.length; i += BATCH) {
        const batch = versions.slice(i, i + BATCH);
        await tx.run(
          `INSERT INTO article_versions (path, hash, first_seen, sentences) VALUES ${batch.map(() => '(?, ?, ?, ?)').join(', ')} ON CONFLICT DO NOTHING`,
          batch.flatMap((v) => [v.path, v.hash, at, JSON.stringify(v.sentences)]),
        );
      }
    });
  }

  /** The given versions the ledger has not recorded yet. */
  async unknown<T extends Pick<ArticleVersion, 'path' | 'hash'>>(versions: T[]): Promise<T[]> {
    const known = new Set((await this.db.all<{ path: string; hash: string }>('SELECT path, hash FROM article_versions')).map((r) => `${r.path}\0${r.hash}`));
    return versions.filter((v) => !known.has(`${v.path}\0${v.hash}`));
  }

  /**
   * For each given version that was recorded, when its path and this version were first seen,
   * and, for a version first seen after `since`, what the path's earlier versions already said.
   */
  async seen(versions: Pick<ArticleVersion, 'path' | 'hash'>[], since?: string): Promise<Map<string, Seen>> {
    const rows = await this.db.all<{ path: string; hash: string; first_seen: string }>('SELECT path, hash, first_seen FROM article_versions');
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
      if (changed === undefined) continue;
      const first = added.get(v.path)!;
      const updatedSince = since !== undefined && changed > since && first <= since;
      const known = new Set<string>();
      if (updatedSince) {
        const earlier = await this.db.all<{ sentences: string }>('SELECT sentences FROM article_versions WHERE path = ? AND first_seen <= ?', [v.path, since]);
        for (const row of earlier) for (const sentence of JSON.parse(row.sentences) as string[]) known.add(sentence);
      }
      result.set(v.path, { added: first, changed, known });
    }
    return result;
  }
}
