import type { SqlDatabase } from './sql.js';

/** How often a channel hears: a digest each day or week, or an alert as soon as a status line of its topics changes. */
export type Cadence = 'daily' | 'weekly' | 'instant';

/** A channel's standing request for a digest. `topics` empty means every topic. */
export interface Subscription {
  id: number;
  /** The workspace that subscribed; digests go out with its token, and only it sees the subscription. */
  teamId: string;
  channelId: string;
  cadence: Cadence;
  /** For weekly digests: 0 = Sunday ... 6 = Saturday. */
  weekday: number | null;
  /** Local time of day, HH:MM, in `timeZone`. */
  atTime: string;
  /** IANA time zone, such as Europe/Berlin. */
  timeZone: string;
  /** Entity ids. */
  topics: string[];
  createdBy: string;
  /** When the channel first subscribed: the first digest covers what arrived since. */
  createdAt: string;
  /** When the current schedule was set (subscribing again sets it anew): no earlier slot counts. */
  scheduleSetAt: string;
  pausedAt: string | null;
  pauseReason: string | null;
}

export type NewSubscription = Omit<Subscription, 'id' | 'createdAt' | 'scheduleSetAt' | 'pausedAt' | 'pauseReason'>;

interface Row {
  id: number;
  team_id: string;
  channel_id: string;
  cadence: Cadence;
  weekday: number | null;
  at_time: string;
  time_zone: string;
  topics: string;
  created_by: string;
  created_at: string;
  schedule_set_at: string;
  paused_at: string | null;
  pause_reason: string | null;
}

const fromRow = (r: Row): Subscription => ({
  id: r.id,
  teamId: r.team_id,
  channelId: r.channel_id,
  cadence: r.cadence,
  weekday: r.weekday,
  atTime: r.at_time,
  timeZone: r.time_zone,
  topics: JSON.parse(r.topics) as string[],
  createdBy: r.created_by,
  createdAt: r.created_at,
  scheduleSetAt: r.schedule_set_at,
  pausedAt: r.paused_at,
  pauseReason: r.pause_reason,
});

/**
 * Subscriptions, one per channel and cadence: subscribing again replaces the schedule and
 * resumes it. Its delivery log stays, so the next digest still starts where the last one ended
 * and nothing that arrived while it was paused is lost.
 */
export class SubscriptionStore {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * Subscribes, or sets the schedule anew; null when the channel's digest of that cadence belongs
   * to another workspace (a channel shared between workspaces), which is left as it is.
   */
  async subscribe(input: NewSubscription, now: Date): Promise<Subscription | null> {
    const row = await this.db.get<Row>(
      `INSERT INTO subscriptions (team_id, channel_id, cadence, weekday, at_time, time_zone, topics, created_by, created_at, schedule_set_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (channel_id, cadence) DO UPDATE SET weekday = excluded.weekday, at_time = excluded.at_time,
           time_zone = excluded.time_zone, topics = excluded.topics, created_by = excluded.created_by,
           schedule_set_at = excluded.schedule_set_at, paused_at = NULL, pause_reason = NULL
         WHERE subscriptions.team_id = excluded.team_id
         RETURNING *`,
      [
        input.teamId,
        input.channelId,
        input.cadence,
        input.weekday,
        input.atTime,
        input.timeZone,
        JSON.stringify(input.topics),
        input.createdBy,
        now.toISOString(),
        now.toISOString(),
      ],
    );
    return row ? fromRow(row) : null;
  }

  async get(id: number): Promise<Subscription | null> {
    const row = await this.db.get<Row>('SELECT * FROM subscriptions WHERE id = ?', [id]);
    return row ? fromRow(row) : null;
  }

  /** The workspace's subscriptions in a channel. */
  async inChannel(teamId: string, channelId: string): Promise<Subscription[]> {
    return (await this.db.all<Row>('SELECT * FROM subscriptions WHERE team_id = ? AND channel_id = ? ORDER BY cadence', [teamId, channelId])).map(fromRow);
  }

  /** Every subscription that is not paused. */
  async active(): Promise<Subscription[]> {
    return (await this.db.all<Row>('SELECT * FROM subscriptions WHERE paused_at IS NULL ORDER BY id')).map(fromRow);
  }

  /** Narrows some subscriptions to fewer topics and removes others, all or none. */
  async change(narrowed: { id: number; topics: string[] }[], removed: number[]): Promise<void> {
    await this.db.transaction('subscriptions', async (tx) => {
      for (const { id, topics } of narrowed) await tx.run('UPDATE subscriptions SET topics = ? WHERE id = ?', [JSON.stringify(topics), id]);
      for (const id of removed) await tx.run('DELETE FROM subscriptions WHERE id = ?', [id]);
    });
  }

  async pause(id: number, reason: string, now: Date): Promise<void> {
    await this.db.run('UPDATE subscriptions SET paused_at = ?, pause_reason = ? WHERE id = ?', [now.toISOString(), reason, id]);
  }
}
