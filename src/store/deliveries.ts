import type { Db } from './database.js';

export type DeliveryState = 'sending' | 'sent' | 'empty' | 'failed';

/** One subscription's digest for one scheduled slot. `slot` is the scheduled time, ISO UTC. */
export interface Delivery {
  subscriptionId: number;
  slot: string;
  state: DeliveryState;
  /** The window of knowledge-base changes the digest covers. */
  since: string;
  until: string;
  attempts: number;
  messageTs: string | null;
  error: string | null;
  updatedAt: string;
}

interface Row {
  subscription_id: number;
  slot: string;
  state: DeliveryState;
  since: string;
  until: string;
  attempts: number;
  message_ts: string | null;
  error: string | null;
  updated_at: string;
}

const fromRow = (r: Row): Delivery => ({
  subscriptionId: r.subscription_id,
  slot: r.slot,
  state: r.state,
  since: r.since,
  until: r.until,
  attempts: r.attempts,
  messageTs: r.message_ts,
  error: r.error,
  updatedAt: r.updated_at,
});

/**
 * The delivery log. A digest is leased (state `sending`) before it is posted and marked
 * `sent` after, so that one slot is posted once by whichever process leases it first, and a
 * crash between the two is visible afterwards as a `sending` row.
 */
export class DeliveryLog {
  constructor(private readonly db: Db) {}

  get(subscriptionId: number, slot: string): Delivery | null {
    const row = this.db.prepare('SELECT * FROM deliveries WHERE subscription_id = ? AND slot = ?').get(subscriptionId, slot) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Leases of slots before `slot` that were never settled: left `sending` by a crash. */
  abandonedBefore(subscriptionId: number, slot: string): Delivery[] {
    return (
      this.db.prepare("SELECT * FROM deliveries WHERE subscription_id = ? AND slot < ? AND state = 'sending' ORDER BY slot").all(subscriptionId, slot) as Row[]
    ).map(fromRow);
  }

  /** The end of the window the last digest covered (posted, or found empty), if any. */
  lastUntil(subscriptionId: number): string | null {
    return (
      (this.db.prepare("SELECT MAX(until) FROM deliveries WHERE subscription_id = ? AND state IN ('sent', 'empty')").pluck().get(subscriptionId) as
        | string
        | null) ?? null
    );
  }

  /**
   * Leases a slot for posting. A new slot is leased by inserting it; a failed or abandoned
   * one (`expected` is the row as read) by moving it back to `sending`, only if no other
   * process changed it since. Returns whether this caller holds the lease.
   */
  lease(
    subscriptionId: number,
    slot: string,
    window: { since: string; until: string },
    now: Date,
    expected: Pick<Delivery, 'state' | 'updatedAt'> | null,
  ): boolean {
    const at = now.toISOString();
    const result = expected
      ? this.db
          .prepare(
            `UPDATE deliveries SET state = 'sending', until = ?, attempts = attempts + 1, updated_at = ?
             WHERE subscription_id = ? AND slot = ? AND state = ? AND updated_at = ?`,
          )
          .run(window.until, at, subscriptionId, slot, expected.state, expected.updatedAt)
      : this.db
          .prepare(
            `INSERT INTO deliveries (subscription_id, slot, state, since, until, attempts, updated_at)
             VALUES (?, ?, 'sending', ?, ?, 1, ?) ON CONFLICT DO NOTHING`,
          )
          .run(subscriptionId, slot, window.since, window.until, at);
    return result.changes === 1;
  }

  /**
   * Keeps a lease alive while its holder retries: moves `updated_at` on, only if it is still
   * the holder's (the `updated_at` it last wrote). Returns whether the lease is still held.
   */
  renew(subscriptionId: number, slot: string, heldSince: string, now: Date): boolean {
    return (
      this.db
        .prepare("UPDATE deliveries SET updated_at = ? WHERE subscription_id = ? AND slot = ? AND state = 'sending' AND updated_at = ?")
        .run(now.toISOString(), subscriptionId, slot, heldSince).changes === 1
    );
  }

  /** Records a slot with nothing new: no post, and the next digest starts where this window ended. */
  recordEmpty(subscriptionId: number, slot: string, window: { since: string; until: string }, now: Date): void {
    this.db
      .prepare(
        `INSERT INTO deliveries (subscription_id, slot, state, since, until, updated_at) VALUES (?, ?, 'empty', ?, ?, ?)
         ON CONFLICT (subscription_id, slot) DO UPDATE SET state = 'empty', until = excluded.until, error = NULL, updated_at = excluded.updated_at`,
      )
      .run(subscriptionId, slot, window.since, window.until, now.toISOString());
  }

  markSent(subscriptionId: number, slot: string, messageTs: string, now: Date): void {
    this.db
      .prepare("UPDATE deliveries SET state = 'sent', message_ts = ?, error = NULL, updated_at = ? WHERE subscription_id = ? AND slot = ?")
      .run(messageTs, now.toISOString(), subscriptionId, slot);
  }

  markFailed(subscriptionId: number, slot: string, error: string, now: Date): void {
    this.db
      .prepare("UPDATE deliveries SET state = 'failed', error = ?, updated_at = ? WHERE subscription_id = ? AND slot = ?")
      .run(error, now.toISOString(), subscriptionId, slot);
  }
}
