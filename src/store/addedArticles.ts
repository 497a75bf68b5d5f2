import type { Db } from './database.js';

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
  constructor(private readonly db: Db) {}

  /** Records an added article; a path freed by a removal and written again is recorded anew. */
  record(article: Omit<AddedArticle, 'addedAt' | 'removedAt'>, now: Date): void {
    this.db
      .prepare(
        `INSERT INTO added_articles (path, team_id, user_id, title, added_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (path) DO UPDATE SET team_id = excluded.team_id, user_id = excluded.user_id, title = excluded.title,
           added_at = excluded.added_at, removed_at = NULL`,
      )
      .run(article.path, article.teamId, article.userId, article.title, now.toISOString());
  }

  get(path: string): AddedArticle | null {
    const row = this.db.prepare('SELECT * FROM added_articles WHERE path = ?').get(path) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  markRemoved(path: string, now: Date): void {
    this.db.prepare('UPDATE added_articles SET removed_at = ? WHERE path = ? AND removed_at IS NULL').run(now.toISOString(), path);
  }
}
