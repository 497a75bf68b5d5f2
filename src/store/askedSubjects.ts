import type { Db } from './database.js';

/** Counts are written at most this often, in one transaction: a write per answer would cost more than the answer. */
const FLUSH_MS = 5000;

/**
 * How often each workspace asked about each entity: what its suggested prompts start from.
 * Counts gather in memory and are written every few seconds (and at close); a crash loses the
 * last few seconds of counts, which only rank prompts.
 */
export class AskedSubjects {
  private pending = new Map<string, { teamId: string; subject: string; asked: number; last: number }>();
  private flushedAt = 0;

  constructor(private readonly db: Db) {}

  /** Counts one question about each of an answer's subjects (its distinct entity names). */
  record(teamId: string, subjects: readonly string[], now: Date): void {
    const at = now.getTime();
    for (const subject of subjects) {
      const key = `${teamId}\0${subject}`;
      const count = this.pending.get(key);
      if (count === undefined) this.pending.set(key, { teamId, subject, asked: 1, last: at });
      else {
        count.asked += 1;
        count.last = at;
      }
    }
    if (at - this.flushedAt >= FLUSH_MS) this.flush(now);
  }

  /** The workspace's most-asked subjects, most asked first (the latest asked first among equals). */
  top(teamId: string, limit: number): string[] {
    this.flush(new Date());
    return this.db
      .prepare('SELECT subject FROM asked_subjects WHERE team_id = ? ORDER BY asked DESC, last_asked DESC, subject LIMIT ?')
      .pluck()
      .all(teamId, limit) as string[];
  }

  /** Writes the counts gathered since the last write. */
  flush(now: Date): void {
    this.flushedAt = now.getTime();
    if (this.pending.size === 0) return;
    const counts = [...this.pending.values()];
    this.pending = new Map();
    const add = this.db.prepare(
      `INSERT INTO asked_subjects (team_id, subject, asked, last_asked) VALUES (?, ?, ?, ?)
       ON CONFLICT (team_id, subject) DO UPDATE SET asked = asked + excluded.asked, last_asked = CASE WHEN excluded.last_asked > last_asked THEN excluded.last_asked ELSE last_asked END`,
    );
    this.db.transaction(() => {
      for (const c of counts) add.run(c.teamId, c.subject, c.asked, new Date(c.last).toISOString());
    })();
  }
}
