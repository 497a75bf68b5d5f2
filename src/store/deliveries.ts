import type { SqlDatabase } from './sql.js';

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
  constructor(private readonly db: SqlDatabase) {}

  async get(subscriptionId: number, slot: string): Promise<Delivery | null> {
    const row = await this.db.get<Row>('SELECT * FROM deliveries WHERE subscription_id = ? AND slot = ?', [subscriptionId, slot]);
    return row ? fromRow(row) : null;
  }

  /** Leases of slots before `slot` that were never settled: left `sending` by a crash. */
  async abandonedBefore(subscriptionId: number, slot: string): Promise<Delivery[]> {
    return (
      await this.db.all<Row>("SELECT * FROM deliveries WHERE subscription_id = ? AND slot < ? AND state = 'sending' ORDER BY slot", [subscriptionId, slot])
    ).map(fromRow);
  }

  /** The end of the window the last digest covered (posted, or found empty), if any. */
  async lastUntil(subscriptionId: number): Promise<string | null> {
    const row = await this.db.get<{ until: string | null }>(
      "SELECT MAX(until) AS until FROM deliveries WHERE subscription_id = ? AND state IN ('sent', 'empty')",
      [subscriptionId],
    );
    return row?.until ?? null;
  }

  /**
   * Leases a slot for posting. A new slot is leased by inserting it; a failed or abandoned
   * one (`expected` is the row as read) by moving it back to `sending`, only if no other
   * process changed it since. Resolves to whether this caller holds the lease.
   */
  async lease(
    subscriptionId: number,
    slot: string,
    window: { since: string; until: string },
    now: Date,
    expected: Pick<Delivery, 'state' | 'updatedAt'> | null,
  ): Promise<boolean> {
    const at = now.toISOString();
    const changed = expected
      ? await this.db.run(
          `UPDATE deliveries SET state = 'sending', until = ?, attempts = attempts + 1, updated_at = ?
           WHERE subscription_id = ? AND slot = ? AND state = ? AND updated_at = ?`,
          [window.until, at, subscriptionId, slot, expected.state, expected.updatedAt],
        )
      : await this.db.run(
          `INSERT INTO deliveries (subscription_id, slot, state, since, until, attempts, updated_at)
           VALUES (?, ?, 'sending', ?, ?, 1, ?) ON CONFLICT DO NOTHING`,
          [subscriptionId, slot, window.since, window.until, at],
        );
    return changed === 1;
  }

  /**
   * Keeps a lease alive while its holder retries: moves `updated_at` on, only if it is still
   * the holder's (the `updated_at` it last wrote). Resolves to whether the lease is still held.
   */
  async renew(subscriptionId: number, slot: string, heldSince: string, now: Date): Promise<boolean> {
    const changed = await this.db.run("UPDATE deliveries SET updated_at = ? WHERE subscription_id = ? AND slot = ? AND state = 'sending' AND updated_at = ?", [
      now.toISOString(),
      subscriptionId,
      slot,
      heldSince,
    ]);
    return changed === 1;
  }

  /** Records a slot with nothing new: no post, and the next digest starts where this window ended. */
  async recordEmpty(subscriptionId: number, slot: string, window: { since: string; until: string }, now: Date): Promise<void> {
    await this.db.run(
      `INSERT INTO deliveries (subscription_id, slot, state, since, until, updated_at) VALUES (?, ?, 'empty', ?, ?, ?)
       ON CONFLICT (subscription_id, slot) DO UPDATE SET state = 'empty', until = excluded.until, error = NULL, updated_at = excluded.updated_at`,
      [subscriptionId, slot, window.since, window.until, now.toISOString()],
    );
  }

  async markSent(subscriptionId: number, slot: string, messageTs: string, now: Date): Promise<void> {
    await this.db.run("UPDATE deliveries SET state = 'sent', message_ts = ?, error = NULL, updated_at = ? WHERE subscription_id = ? AND slot = ?", [
      messageTs,
      now.toISOString(),
      subscriptionId,
      slot,
    ]);
  }

  async markFailed(subscriptionId: number, slot: string, error: string, now: Date): Promise<void> {
    await this.db.run("UPDATE deliveries SET state = 'failed', error = ?, updated_at = ? WHERE subscription_id = ? AND slot = ?", [
      error,
      now.toISOString(),
      subscriptionId,
      slot,
    ]);
  }
}
