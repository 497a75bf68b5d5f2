import { createHash } from 'node:crypto';
import type { SqlDatabase } from './sql.js';

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
  constructor(private readonly db: SqlDatabase) {}

  async record(rating: { teamId: string; query: string; value: 1 | -1; userId: string; channelId: string | null }, now: Date): Promise<void> {
    await this.db.run(
      `INSERT INTO feedback (team_id, query, query_key, rating, user_id, channel_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (user_id, query_key) DO UPDATE SET rating = excluded.rating, channel_id = excluded.channel_id,
         team_id = excluded.team_id, created_at = excluded.created_at`,
      [rating.teamId, rating.query, queryKey(rating.query), rating.value, rating.userId, rating.channelId, now.toISOString()],
    );
  }

  /** The workspace's ratings. */
  async summary(teamId: string, limit = 5): Promise<FeedbackSummary> {
    const totals = await this.db.get<{ up: number; down: number }>(
      `SELECT COALESCE(SUM(CASE WHEN rating = 1 THEN 1 ELSE 0 END), 0) AS up,
              COALESCE(SUM(CASE WHEN rating = -1 THEN 1 ELSE 0 END), 0) AS down FROM feedback WHERE team_id = ?`,
      [teamId],
    );
    const leastHelpful = await this.db.all<RatedQuery>(
      `SELECT query, SUM(CASE WHEN rating = 1 THEN 1 ELSE 0 END) AS up, SUM(CASE WHEN rating = -1 THEN 1 ELSE 0 END) AS down
       FROM feedback WHERE team_id = ? GROUP BY query HAVING SUM(CASE WHEN rating = -1 THEN 1 ELSE 0 END) > 0
       ORDER BY down DESC, up ASC, query LIMIT ?`,
      [teamId, limit],
    );
    return { up: totals?.up ?? 0, down: totals?.down ?? 0, leastHelpful };
  }
}
