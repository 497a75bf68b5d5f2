import { AddedArticles } from './addedArticles.js';
import { ArticleLedger } from './articleLedger.js';
import { AskedSubjects } from './askedSubjects.js';
import { SeenEvents, ThreadSubjects } from './conversations.js';
import { openDatabase, type Db } from './database.js';
import { DeliveryLog } from './deliveries.js';
import { FeedbackStore } from './feedback.js';
import { FeedbackReports } from './feedbackReports.js';
import { Installations } from './installations.js';
import { SubscriptionStore } from './subscriptions.js';

/** Everything the bot keeps on disk, in one SQLite file. */
export interface Store {
  db: Db;
  subscriptions: SubscriptionStore;
  ledger: ArticleLedger;
  deliveries: DeliveryLog;
  feedback: FeedbackStore;
  reports: FeedbackReports;
  added: AddedArticles;
  installations: Installations;
  asked: AskedSubjects;
  /** Gives rows kept before workspaces were recorded to the one workspace of a single-token install. */
  adoptUnscoped(teamId: string): void;
  threads: ThreadSubjects;
  seenEvents: SeenEvents;
  /** Why the database cannot be written now (read-only, say), or null when it can. */
  writeProblem(): string | null;
  close(): void;
}

export function openStore(path: string): Store {
  const db = openDatabase(path);
  const asked = new AskedSubjects(db);
  return {
    db,
    subscriptions: new SubscriptionStore(db),
    ledger: new ArticleLedger(db),
    deliveries: new DeliveryLog(db),
    feedback: new FeedbackStore(db),
    reports: new FeedbackReports(db),
    added: new AddedArticles(db),
    installations: new Installations(db),
    asked,
    adoptUnscoped: (teamId) =>
      db.transaction(() => {
        for (const table of ['subscriptions', 'feedback', 'thread_subjects']) db.prepare(`UPDATE ${table} SET team_id = ? WHERE team_id = ''`).run(teamId);
      })(),
    threads: new ThreadSubjects(db),
    seenEvents: new SeenEvents(db),
    writeProblem: writeProbe(db),
    close: () => {
      asked.flush(new Date());
      db.close();
    },
  };
}

/** A write that changes nothing still needs the database writable: SQLite refuses it otherwise. */
function writeProbe(db: Db): () => string | null {
  const probe = db.prepare('UPDATE schema_migrations SET version = version WHERE 0');
  return () => {
    try {
      probe.run();
      return null;
    } catch (error) {
      const { message, code } = error as { message: string; code?: string };
      return `the database cannot be written: ${message}${code ? ` (${code})` : ''}`;
    }
  };
}
