import { AddedArticles } from './addedArticles.js';
import { ArticleLedger } from './articleLedger.js';
import { AskedSubjects } from './askedSubjects.js';
import { SeenEvents, ThreadSubjects } from './conversations.js';
import { DeliveryLog } from './deliveries.js';
import { FeedbackStore } from './feedback.js';
import { FeedbackReports } from './feedbackReports.js';
import { Installations } from './installations.js';
import { OAuthStates } from './oauthStates.js';
import { ListVersions } from './listVersions.js';
import { migrate } from './migrations.js';
import { defaultPostgresOptions, PostgresDatabase } from './postgres/postgresDatabase.js';
import type { SqlDatabase } from './sql.js';
import { SqliteDatabase } from './sqlite/sqliteDatabase.js';
import { SubscriptionStore } from './subscriptions.js';

/**
 * Everything the bot keeps, in one database: a SQLite file by default, or a PostgreSQL server
 * that several processes share. Every method resolves once the database has answered.
 */
export interface Store {
  subscriptions: SubscriptionStore;
  ledger: ArticleLedger;
  listVersions: ListVersions;
  deliveries: DeliveryLog;
  feedback: FeedbackStore;
  reports: FeedbackReports;
  added: AddedArticles;
  installations: Installations;
  oauthStates: OAuthStates;
  asked: AskedSubjects;
  threads: ThreadSubjects;
  seenEvents: SeenEvents;
  /** Gives rows kept before workspaces were recorded to the one workspace of a single-token install. */
  adoptUnscoped(teamId: string): Promise<void>;
  /** Why the database cannot be written now (read-only, unreachable), or null when it can. */
  writeProblem(): Promise<string | null>;
  /** PostgreSQL's connection pool: open, idle, and requests waiting; null for SQLite. */
  pool(): { open: number; idle: number; waiting: number } | null;
  /** Writes what is held in memory and closes the database. */
  close(): Promise<void>;
}

export interface StoreOptions {
  /** A PostgreSQL URL (postgres://...); when null, the SQLite file at `path`. */
  url: string | null;
  /** The SQLite file, created with its folder on first use (or ':memory:'). */
  path: string;
  /** PostgreSQL connections this process keeps at most. */
  poolSize: number;
}

export const defaultStoreOptions: StoreOptions = { url: null, path: 'data/designation.db', poolSize: defaultPostgresOptions.poolSize };

/** Opens the database and brings its schema up to date. */
export async function openStore(options: Partial<StoreOptions> = {}): Promise<Store> {
  const { url, path, poolSize } = { ...defaultStoreOptions, ...options };
  const db: SqlDatabase = url ? new PostgresDatabase(url, { poolSize }) : new SqliteDatabase(path);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const asked = new AskedSubjects(db);
  return {
    subscriptions: new SubscriptionStore(db),
    ledger: new ArticleLedger(db),
    listVersions: new ListVersions(db),
    deliveries: new DeliveryLog(db),
    feedback: new FeedbackStore(db),
    reports: new FeedbackReports(db),
    added: new AddedArticles(db),
    installations: new Installations(db),
    oauthStates: new OAuthStates(db),
    asked,
    threads: new ThreadSubjects(db),
    seenEvents: new SeenEvents(db),
    adoptUnscoped: (teamId) =>
      db.transaction('adopt unscoped rows', async (tx) => {
        for (const table of ['subscriptions', 'feedback', 'thread_subjects']) await tx.run(`UPDATE ${table} SET team_id = ? WHERE team_id = ''`, [teamId]);
      }),
    writeProblem: () => db.writeProblem(),
    pool: () => db.pool(),
    close: async () => {
      try {
        await asked.flush(new Date());
      } finally {
        await db.close();
      }
    },
  };
}
