import type { SqlDatabase, SqlRunner } from './sql.js';

/** Threads untouched this long are forgotten; a follow-up after that starts afresh. */
const THREAD_DAYS = 30;
/** Slack retries an event within minutes; ids are kept an hour. */
const EVENT_MS = 60 * 60 * 1000;
/** Old rows are pruned every this many writes. */
const PRUNE_EVERY = 500;

/**
 * What each thread the bot answered is about, so that a follow-up such as "when was the
 * ruling?" keeps the thread's subject, whichever replica the follow-up reaches.
 */
export class ThreadSubjects {
  private writes = 0;

  constructor(private readonly db: SqlDatabase) {}

  async remember(teamId: string, channel: string, threadTs: string, subjects: string[]): Promise<void> {
    const now = new Date();
    const json = JSON.stringify([...new Set(subjects)]);
    // A thread's first answer (most are) is one statement; a later one merges under the thread's lock.
    const inserted = await this.db.run(
      'INSERT INTO thread_subjects (team_id, channel_id, thread_ts, subjects, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      [teamId, channel, threadTs, json, now.toISOString()],
    );
    if (inserted === 0) await this.merge(teamId, channel, threadTs, subjects, now);
    if (++this.writes % PRUNE_EVERY === 0) {
      await this.db.run('DELETE FROM thread_subjects WHERE updated_at < ?', [new Date(now.getTime() - THREAD_DAYS * 86_400_000).toISOString()]);
    }
  }

  /** Read and written under the thread's lock: two replicas answering in one thread keep both subjects. */
  private async merge(teamId: string, channel: string, threadTs: string, subjects: string[], now: Date): Promise<void> {
    await this.db.transaction(`thread ${channel} ${threadTs}`, async (tx) => {
      const merged = [...new Set([...((await subjectsOf(tx, teamId, channel, threadTs)) ?? []), ...subjects])];
      await tx.run(
        `INSERT INTO thread_subjects (team_id, channel_id, thread_ts, subjects, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (channel_id, thread_ts) DO UPDATE SET subjects = excluded.subjects, updated_at = excluded.updated_at
         WHERE thread_subjects.team_id = excluded.team_id`,
        [teamId, channel, threadTs, JSON.stringify(merged), now.toISOString()],
      );
    });
  }

  /** The thread's subjects, or undefined when the bot has not answered in that thread for this workspace. */
  of(teamId: string, channel: string, threadTs: string): Promise<string[] | undefined> {
    return subjectsOf(this.db, teamId, channel, threadTs);
  }
}

async function subjectsOf(db: SqlRunner, teamId: string, channel: string, threadTs: string): Promise<string[] | undefined> {
  const row = await db.get<{ subjects: string }>('SELECT subjects FROM thread_subjects WHERE team_id = ? AND channel_id = ? AND thread_ts = ?', [
    teamId,
    channel,
    threadTs,
  ]);
  return row === undefined ? undefined : (JSON.parse(row.subjects) as string[]);
}

/** Event ids already handled, so that a delivery Slack retries (same `event_id`) is answered once, by one replica. */
export class SeenEvents {
  private writes = 0;

  constructor(private readonly db: SqlDatabase) {}

  /** True the first time an id is offered (by any process sharing the database), false after. */
  async firstTime(eventId: string): Promise<boolean> {
    const now = Date.now();
    const fresh =
      (await this.db.run('INSERT INTO seen_events (event_id, seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING', [eventId, new Date(now).toISOString()])) === 1;
    if (++this.writes % PRUNE_EVERY === 0) await this.db.run('DELETE FROM seen_events WHERE seen_at < ?', [new Date(now - EVENT_MS).toISOString()]);
    return fresh;
  }
}
