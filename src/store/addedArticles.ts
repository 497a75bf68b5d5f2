import type { SqlDatabase } from './sql.js';

/** An article someone added from Slack: who, when, and whether it was removed since. */
export interface AddedArticle {
  /** The file, relative to the knowledge folder. */
  path: string;
  teamId: string;
  userId: string;
  title: string;
  addedAt: string;
  removedAt: string | null;
}

interface Row {
  path: string;
  team_id: string;
  user_id: string;
  title: string;
  added_at: string;
  removed_at: string | null;
}

const fromRow = (r: Row): AddedArticle => ({
  path: r.path,
  teamId: r.team_id,
  userId: r.user_id,
  title: r.title,
  addedAt: r.added_at,
  removedAt: r.removed_at,
});

/** Who added which article from Slack, beside the article ledger's record of every version. */
export class AddedArticles {
  constructor(private readonly db: SqlDatabase) {}

  /** Records an added article; a path freed by a removal and written again is recorded anew. */
  async record(article: Omit<AddedArticle, 'addedAt' | 'removedAt'>, now: Date): Promise<void> {
    await this.db.run(
      `INSERT INTO added_articles (path, team_id, user_id, title, added_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (path) DO UPDATE SET team_id = excluded.team_id, user_id = excluded.user_id, title = excluded.title,
         added_at = excluded.added_at, removed_at = NULL`,
      [article.path, article.teamId, article.userId, article.title, now.toISOString()],
    );
  }

  async get(path: string): Promise<AddedArticle | null> {
    const row = await this.db.get<Row>('SELECT * FROM added_articles WHERE path = ?', [path]);
    return row ? fromRow(row) : null;
  }

  async markRemoved(path: string, now: Date): Promise<void> {
    await this.db.run('UPDATE added_articles SET removed_at = ? WHERE path = ? AND removed_at IS NULL', [now.toISOString(), path]);
  }
}
