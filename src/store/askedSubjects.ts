import type { Db } from './database.js';

/** How often each workspace asked about each entity: what its suggested prompts start from. */
export class AskedSubjects {
  constructor(private readonly db: Db) {}

  /** Counts one question about each of the answer's subjects (entity names). */
  record(teamId: string, subjects: string[], now: Date): void {
    const add = this.db.prepare(
      `INSERT INTO asked_subjects (team_id, subject, asked, last_asked) VALUES (?, ?, 1, ?)
       ON CONFLICT (team_id, subject) DO UPDATE SET asked = asked + 1, last_asked = excluded.last_asked`,
    );
    const at = now.toISOString();
    this.db.transaction(() => {
      for (const subject of new Set(subjects)) add.run(teamId, subject, at);
    })();
  }

  /** The workspace's most-asked subjects, most asked first (the latest asked first among equals). */
  top(teamId: string, limit: number): string[] {
    return this.db.prepare('SELECT subject FROM asked_subjects WHERE team_id = ? ORDER BY asked DESC, last_asked DESC, subject LIMIT ?').pluck().all(teamId, limit) as string[];
  }
}
