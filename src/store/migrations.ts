/**
 * The schema, one migration per version, applied in order at start and never edited once
 * released. Plain SQL that PostgreSQL also accepts, but for `INTEGER PRIMARY KEY` (an
 * identity column there). Timestamps are ISO 8601 text in UTC, which sorts as time does;
 * lists are JSON text.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'subscriptions, article ledger, deliveries, feedback',
    sql: `
      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY,
        channel_id TEXT NOT NULL,
        cadence TEXT NOT NULL CHECK (cadence IN ('daily', 'weekly')),
        weekday INTEGER CHECK (weekday BETWEEN 0 AND 6),
        at_time TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        topics TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        schedule_set_at TEXT NOT NULL,
        paused_at TEXT,
        pause_reason TEXT,
        UNIQUE (channel_id, cadence)
      );
      CREATE TABLE article_versions (
        path TEXT NOT NULL,
        hash TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        sentences TEXT NOT NULL,
        PRIMARY KEY (path, hash)
      );
      CREATE TABLE deliveries (
        subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        slot TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'empty', 'failed')),
        since TEXT NOT NULL,
        until TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        message_ts TEXT,
        error TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (subscription_id, slot)
      );
      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        query TEXT NOT NULL,
        query_key TEXT NOT NULL,
        rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
        user_id TEXT NOT NULL,
        channel_id TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (user_id, query_key)
      );
    `,
  },
  {
    version: 2,
    name: 'thread subjects and handled events, shared by replicas',
    sql: `
      CREATE TABLE thread_subjects (
        channel_id TEXT NOT NULL,
        thread_ts TEXT NOT NULL,
        subjects TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (channel_id, thread_ts)
      );
      CREATE TABLE seen_events (
        event_id TEXT PRIMARY KEY,
        seen_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'workspaces: installations, and the team of each subscription, rating and thread; feedback reports; articles added from Slack; subjects asked',
    sql: `
      ALTER TABLE subscriptions ADD COLUMN team_id TEXT NOT NULL DEFAULT '';
      ALTER TABLE feedback ADD COLUMN team_id TEXT NOT NULL DEFAULT '';
      ALTER TABLE thread_subjects ADD COLUMN team_id TEXT NOT NULL DEFAULT '';
      CREATE TABLE installations (
        install_key TEXT PRIMARY KEY,
        team_id TEXT,
        enterprise_id TEXT,
        installation TEXT NOT NULL,
        installed_at TEXT NOT NULL
      );
      CREATE TABLE feedback_reports (
        id INTEGER PRIMARY KEY,
        team_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        channel_id TEXT,
        query TEXT NOT NULL,
        reason TEXT NOT NULL,
        note TEXT NOT NULL,
        knowledge_fingerprint TEXT NOT NULL,
        citations TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX feedback_reports_team ON feedback_reports (team_id, created_at);
      CREATE TABLE added_articles (
        path TEXT PRIMARY KEY,
        team_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        title TEXT NOT NULL,
        added_at TEXT NOT NULL,
        removed_at TEXT
      );
      CREATE TABLE asked_subjects (
        team_id TEXT NOT NULL,
        subject TEXT NOT NULL,
        asked INTEGER NOT NULL,
        last_asked TEXT NOT NULL,
        PRIMARY KEY (team_id, subject)
      );
    `,
  },
];
