import type { SqlDatabase } from './sql.js';

/** Counts written per statement. */
const BATCH = 500;
/** Counts are written at most this often, in one transaction: a write per answer would cost more than the answer. */
const FLUSH_MS = 5000;

type Count = { teamId: string; subject: string; asked: number; last: number };

/**
 * How often each workspace asked about each entity: what its suggested prompts start from.
 * Counts gather in memory and are written every few seconds (and at close); a crash loses the
 * last few seconds of counts, which only rank prompts. A write that fails keeps its counts for
 * the next one.
 */
export class AskedSubjects {
  private pending = new Map<string, Count>();
  private flushedAt = 0;
  /** The write in progress: writes go one after another, so that close() waits for them all. */
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly db: SqlDatabase) {}

  /** Counts one question about each of an answer's subjects (its distinct entity names). */
  record(teamId: string, subjects: readonly string[], now: Date): void {
    const at = now.getTime();
    for (const subject of subjects) this.add({ teamId, subject, asked: 1, last: at });
    // A failed write keeps its counts, and the next one writes them.
    if (at - this.flushedAt >= FLUSH_MS) void this.flush(now).catch(() => {});
  }

  /** The workspace's most-asked subjects, most asked first (the latest asked first among equals). */
  async top(teamId: string, limit: number): Promise<string[]> {
    // The counts not yet written wait for the next write if this one fails; the ranking read may still work.
    await this.flush(new Date()).catch(() => {});
    const rows = await this.db.all<{ subject: string }>(
      'SELECT subject FROM asked_subjects WHERE team_id = ? ORDER BY asked DESC, last_asked DESC, subject LIMIT ?',
      [teamId, limit],
    );
    return rows.map((r) => r.subject);
  }

  /**
   * Writes the counts gathered since the last write, a few hundred per statement, in key order,
   * so that processes writing the same counts at once never deadlock.
   */
  flush(now: Date): Promise<void> {
    this.flushedAt = now.getTime();
    const write = this.writing.catch(() => {}).then(() => this.write());
    this.writing = write;
    return write;
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const counts = [...this.pending.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, count]) => count);
    this.pending = new Map();
    for (let i = 0; i < counts.length; i += BATCH) {
      const batch = counts.slice(i, i + BATCH);
      try {
        await this.db.run(
          `INSERT INTO asked_subjects (team_id, subject, asked, last_asked) VALUES ${batch.map(() => '(?, ?, ?, ?)').join(', ')}
           ON CONFLICT (team_id, subject) DO UPDATE SET asked = asked_subjects.asked + excluded.asked,
             last_asked = CASE WHEN excluded.last_asked > asked_subjects.last_asked THEN excluded.last_asked ELSE asked_subjects.last_asked END`,
          batch.flatMap((c) => [c.teamId, c.subject, c.asked, new Date(c.last).toISOString()]),
        );
      } catch (error) {
        for (const count of counts.slice(i)) this.add(count);
        throw error;
      }
    }
  }

  private add(count: Count): void {
    const key = `${count.teamId}\0${count.subject}`;
    const known = this.pending.get(key);
    if (known === undefined) this.pending.set(key, { ...count });
    else {
      known.asked += count.asked;
      known.last = Math.max(known.last, count.last);
    }
  }
}
