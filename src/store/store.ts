import { ArticleLedger } from './articleLedger.js';
import { SeenEvents, ThreadSubjects } from './conversations.js';
import { openDatabase, type Db } from './database.js';
import { DeliveryLog } from './deliveries.js';
import { FeedbackStore } from './feedback.js';
import { SubscriptionStore } from './subscriptions.js';

/** Everything the bot keeps on disk, in one SQLite file. */
export interface Store {
  db: Db;
  subscriptions: SubscriptionStore;
  ledger: ArticleLedger;
  deliveries: DeliveryLog;
  feedback: FeedbackStore;
  threads: ThreadSubjects;
  seenEvents: SeenEvents;
  close(): void;
}

export function openStore(path: string): Store {
  const db = openDatabase(path);
  return {
    db,
    subscriptions: new SubscriptionStore(db),
    ledger: new ArticleLedger(db),
    deliveries: new DeliveryLog(db),
    feedback: new FeedbackStore(db),
    threads: new ThreadSubjects(db),
    seenEvents: new SeenEvents(db),
    close: () => db.close(),
  };
}
