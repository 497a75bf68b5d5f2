import { createHash } from 'node:crypto';
import type { Db } from './database.js';

export interface RatedQuery {
  query: string;
  up: number;
  down: number;
}

export interface FeedbackSummary {
  up: number;
  down: number;
  /** The queries rated down most, for whoever tends the knowledge base. */
  leastHelpful: RatedQuery[];
}

/** A short fixed-size key for a query of any length, so the unique index stays small (and fits PostgreSQL's). */
function queryKey(query: string): string {
  return createHash('sha256').update(query).digest('hex');
}

/** 👍 / 👎 on answers: one rating per person and query, the latest click wins. */
export class FeedbackStore {
  constructor(private readonly db: Db) {}

  record(rating: { teamId: string; query: string; value: 1 | -1; userId: string; channelId: string | null }, now: Date): void {
    this.db
      .prepare(
        `INSERT INTO feedback (team_id, query, query_key, rating, user_id, channel_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (user_id, query_key) DO UPDATE SET rating = excluded.rating, channel_id = excluded.channel_id,
           team_id = excluded.team_id, created_at = excluded.created_at`,
      )
      .run(rating.teamId, rating.query, queryKey(rating.query), rating.value, rating.userId, rating.channelId, now.toISOString());
  }

  /** The workspace's ratings. */
  summary(teamId: string, limit = 5): FeedbackSummary {
    const totals = this.db
      .prepare(`SELECT COALESCE(SUM(CASE WHEN rating = 1 THEN 1 ELSE 0 END), 0) AS up,
                COALESCE(SUM(CASE WHEN rating = -1 THEN 1 ELSE 0 END), 0) AS down FROM feedback WHERE team_id = ?`)
      .get(teamId) as { up: number; down: number };
    const leastHelpful = this.db
      .prepare(
        `SELECT query, SUM(CASE WHEN rating = 1 THEN 1 ELSE 0 END) AS up, SUM(CASE WHEN rating = -1 THEN 1 ELSE 0 END) AS down
         FROM feedback WHERE team_id = ? GROUP BY query HAVING SUM(CASE WHEN rating = -1 THEN 1 ELSE 0 END) > 0
         ORDER BY down DESC, up ASC, query LIMIT ?`,
      )
      .all(teamId, limit) as RatedQuery[];
    return { up: totals.up, down: totals.down, leastHelpful };
  }
}
