import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrationSql } from '../src/store/migrations.js';
import { PostgresDatabase } from '../src/store/postgres/postgresDatabase.js';
import { DatabaseError } from '../src/store/sql.js';
import { openStore } from '../src/store/store.js';
import type { NewSubscription } from '../src/store/subscriptions.js';
import { admin, DATABASES, tempStore, type TempStore } from './support/tempStore.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const day = (d: number) => new Date(Date.UTC(2026, 10, d, 9));
const SLOT = day(2).toISOString();
/** A daily digest at 09:00 UTC on every topic, in channel C1 of workspace T1. */
const DAILY: NewSubscription = {
  teamId: 'T1',
  channelId: 'C1',
  cadence: 'daily',
  weekday: null,
  atTime: '09:00',
  timeZone: 'UTC',
  topics: [],
  createdBy: 'U1',
};

/** The migrations recorded as applied. */
async function applied(store: TempStore): Promise<number[]> {
  return (await store.raw<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => Number(r.version));
}

/** Opens the store in a process of its own at the instant `at` (its module loaded by then); resolves to what it printed. */
function openInAnotherProcess(options: object, at: number): Promise<string> {
  const script = `import { openStore } from './src/store/store.ts';
    await new Promise((go) => setTimeout(go, ${at} - Date.now()));
    const s = await openStore(${JSON.stringify(options)}); await s.close(); process.stdout.write('opened');`;
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
    ),
  );
}

for (const database of DATABASES) {
  describe.skipIf(database.skip)(`the store on ${database.name}`, () => {
    let store: TempStore;
    beforeEach(async () => {
      store = await tempStore(database.kind);
    });
    afterEach(() => store.remove());

    describe('the database file', () => {
      it('is created with every migration applied once, and keeps its data when opened again', async () => {
        expect(await applied(store)).toEqual(MIGRATIONS.map((m) => m.version));
        await store.subscriptions.subscribe({ ...DAILY, topics: ['taliban'] }, day(1));
        await store.close();
        const again = await store.reopen();
        expect(await applied(store)).toEqual(MIGRATIONS.map((m) => m.version));
        expect(await again.subscriptions.inChannel('T1', 'C1')).toMatchObject([{ topics: ['taliban'], createdAt: day(1).toISOString() }]);
        await again.close();
      });

      it("keeps a workspace's subscriptions to itself, even in a channel shared with another workspace", async () => {
        await store.subscriptions.subscribe(DAILY, day(1));
        expect(await store.subscriptions.inChannel('T2', 'C1')).toEqual([]);
        expect(await store.subscriptions.subscribe({ ...DAILY, teamId: 'T2', atTime: '18:00', createdBy: 'U9' }, day(2))).toBeNull();
        expect(await store.subscriptions.inChannel('T1', 'C1')).toMatchObject([{ atTime: '09:00', createdBy: 'U1' }]);
      });

      it('keeps one subscription per channel and cadence: subscribing again replaces and resumes it', async () => {
        const first = (await store.subscriptions.subscribe(DAILY, day(1)))!;
        await store.subscriptions.pause(first.id, 'is_archived', day(2));
        expect(await store.subscriptions.active()).toEqual([]);
        const second = (await store.subscriptions.subscribe({ ...DAILY, atTime: '10:30', createdBy: 'U2' }, day(3)))!;
        // The schedule starts anew (no slot before it counts); the first digest's window does not.
        expect(second).toMatchObject({
          id: first.id,
          atTime: '10:30',
          createdBy: 'U2',
          createdAt: day(1).toISOString(),
          scheduleSetAt: day(3).toISOString(),
          pausedAt: null,
          pauseReason: null,
        });
        expect(await store.subscriptions.active()).toHaveLength(1);
      });
    });

    describe('the article ledger', () => {
      it('remembers when a path and each version of it were first seen', async () => {
        await store.ledger.record([{ path: 'a.md', hash: 'h1', sentences: ['s1', 's2'] }], day(1));
        await store.ledger.record(
          [
            { path: 'a.md', hash: 'h1', sentences: ['s1', 's2'] },
            { path: 'b.md', hash: 'h9', sentences: ['t1'] },
          ],
          day(2),
        );
        await store.ledger.record([{ path: 'a.md', hash: 'h2', sentences: ['s1', 's3'] }], day(3));
        const versions = [
          { path: 'a.md', hash: 'h2' },
          { path: 'b.md', hash: 'h9' },
          { path: 'c.md', hash: 'h0' },
        ];
        expect(Object.fromEntries(await store.ledger.seen(versions, day(2).toISOString()))).toEqual({
          'a.md': { added: day(1).toISOString(), changed: day(3).toISOString(), known: new Set(['s1', 's2']) },
          'b.md': { added: day(2).toISOString(), changed: day(2).toISOString(), known: new Set() },
        });
      });
    });

    describe('the delivery log', () => {
      it('lets one caller lease a slot; a failed slot can be leased again, only by one', async () => {
        const sub = (await store.subscriptions.subscribe(DAILY, day(1)))!;
        const window = { since: day(1).toISOString(), until: day(2).toISOString() };
        expect(await store.deliveries.lease(sub.id, SLOT, window, day(2), null)).toBe(true);
        expect(await store.deliveries.lease(sub.id, SLOT, window, day(2), null)).toBe(false);
        await store.deliveries.markFailed(sub.id, SLOT, 'HTTP 503', day(2));
        const failed = (await store.deliveries.get(sub.id, SLOT))!;
        expect(await store.deliveries.lease(sub.id, SLOT, window, day(3), failed)).toBe(true);
        expect(await store.deliveries.lease(sub.id, SLOT, window, day(3), failed)).toBe(false);
        await store.deliveries.markSent(sub.id, SLOT, '123.456', day(3));
        expect(await store.deliveries.lastUntil(sub.id)).toBe(window.until);
      });
    });

    describe('answer feedback', () => {
      it('counts one rating per person and question, the latest click winning', async () => {
        await store.feedback.record({ teamId: 'T1', query: 'taliban', value: 1, userId: 'U1', channelId: 'C1' }, day(1));
        await store.feedback.record({ teamId: 'T1', query: 'taliban', value: -1, userId: 'U1', channelId: 'C1' }, day(2));
        await store.feedback.record({ teamId: 'T1', query: 'taliban', value: -1, userId: 'U2', channelId: null }, day(2));
        await store.feedback.record({ teamId: 'T1', query: 'is-k', value: 1, userId: 'U2', channelId: null }, day(2));
        await store.feedback.record({ teamId: 'T2', query: 'taliban', value: -1, userId: 'U7', channelId: null }, day(2));
        expect(await store.feedback.summary('T2')).toEqual({ up: 0, down: 1, leastHelpful: [{ query: 'taliban', up: 0, down: 1 }] });
        expect(await store.feedback.summary('T1')).toEqual({ up: 1, down: 2, leastHelpful: [{ query: 'taliban', up: 0, down: 2 }] });
      });
    });

    describe('taking turns', () => {
      it('lets processes started together migrate one database once', async () => {
        await store.close();
        const fresh = await tempStore(database.kind);
        try {
          // Three processes opening the same new database at the same moment, as replicas starting together do.
          const dir = mkdtempSync(join(tmpdir(), 'designation-migrate-'));
          const target = database.kind === 'sqlite' ? { path: join(dir, 'shared.db') } : fresh.options;
          const at = Date.now() + 4000;
          const opened = await Promise.all([1, 2, 3].map(() => openInAnotherProcess(target, at)));
          expect(opened).toEqual(['opened', 'opened', 'opened']);
          const check = await openStore(target);
          await check.close();
          rmSync(dir, { recursive: true, force: true });
        } finally {
          await fresh.remove();
        }
      });

      it("keeps every replica's subjects when two answer in one thread at once", async () => {
        const other = await store.reopen();
        try {
          await Promise.all([
            store.threads.remember('T1', 'C1', '1.5', ['Taliban']),
            other.threads.remember('T1', 'C1', '1.5', ['ISIS-K']),
            store.threads.remember('T1', 'C1', '1.5', ['Hamas']),
          ]);
          expect((await other.threads.of('T1', 'C1', '1.5'))?.sort()).toEqual(['Hamas', 'ISIS-K', 'Taliban']);
        } finally {
          await other.close();
        }
      });

      it('answers a retried event once, whichever replica sees it first', async () => {
        const other = await store.reopen();
        try {
          const firsts = await Promise.all([store, other, store, other].map((s) => s.seenEvents.firstTime('Ev1')));
          expect(firsts.filter(Boolean)).toHaveLength(1);
        } finally {
          await other.close();
        }
      });
    });

    describe('asked subjects', () => {
      it('ranks what a workspace asked most, counting across replicas', async () => {
        const other = await store.reopen();
        try {
          store.asked.record('T1', ['Taliban', 'Hamas'], day(1));
          other.asked.record('T1', ['Taliban'], day(2));
          other.asked.record('T2', ['Hamas'], day(2));
          await other.asked.flush(day(2));
          expect(await store.asked.top('T1', 5)).toEqual(['Taliban', 'Hamas']);
          expect(await store.asked.top('T2', 5)).toEqual(['Hamas']);
        } finally {
          await other.close();
        }
      });
    });
  });
}

describe('a SQLite file made by an earlier version', () => {
  it('upgrades in place a file made before workspaces were recorded, keeping its rows, which the workspace of its token then adopts', async () => {
    // The file as the code before migration 3 left it: migrations 1 and 2 applied, with a subscription, a rating and a thread.
    const path = join(mkdtempSync(join(tmpdir(), 'designation-upgrade-')), 'old.db');
    const old = new Database(path);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of MIGRATIONS.filter((m) => m.version <= 2)) {
      old.exec(migrationSql(m, 'sqlite'));
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, day(1).toISOString());
    }
    old
      .prepare(
        `INSERT INTO subscriptions (channel_id, cadence, weekday, at_time, time_zone, topics, created_by, created_at, schedule_set_at)
         VALUES ('C5', 'weekly', 1, '08:30', 'Europe/Paris', '["taliban"]', 'U5', ?, ?)`,
      )
      .run(day(1).toISOString(), day(1).toISOString());
    // A digest it sent: the rebuild of the subscriptions table (migration 6) must not take it away with the table.
    old
      .prepare(`INSERT INTO deliveries (subscription_id, slot, state, since, until, message_ts, updated_at) VALUES (1, ?, 'sent', ?, ?, '1.1', ?)`)
      .run(day(2).toISOString(), day(1).toISOString(), day(2).toISOString(), day(2).toISOString());
    old
      .prepare(`INSERT INTO feedback (query, query_key, rating, user_id, channel_id, created_at) VALUES ('is-k', 'k', -1, 'U5', NULL, ?)`)
      .run(day(2).toISOString());
    old.prepare(`INSERT INTO thread_subjects (channel_id, thread_ts, subjects, updated_at) VALUES ('C5', '1.2', '["Taliban"]', ?)`).run(day(2).toISOString());
    old.close();

    const upgraded = await openStore({ path });
    try {
      // Before the token's workspace is known, the rows belong to none.
      expect(await upgraded.subscriptions.inChannel('T9', 'C5')).toEqual([]);
      await upgraded.adoptUnscoped('T9');
      expect(await upgraded.subscriptions.inChannel('T9', 'C5')).toMatchObject([
        { cadence: 'weekly', weekday: 1, atTime: '08:30', timeZone: 'Europe/Paris', topics: ['taliban'], createdBy: 'U5' },
      ]);
      expect(await upgraded.feedback.summary('T9')).toMatchObject({ down: 1, leastHelpful: [{ query: 'is-k' }] });
      expect(await upgraded.deliveries.get(1, day(2).toISOString())).toMatchObject({ state: 'sent', messageTs: '1.1' });
      expect(await upgraded.threads.of('T9', 'C5', '1.2')).toEqual(['Taliban']);
      // Adopted once: a later start takes nothing from the workspace.
      await upgraded.adoptUnscoped('T8');
      expect(await upgraded.subscriptions.inChannel('T9', 'C5')).toHaveLength(1);
      // The third cadence is taken, and the channel's weekly digest stays beside it.
      await upgraded.subscriptions.subscribe(
        { teamId: 'T9', channelId: 'C5', cadence: 'instant', weekday: null, atTime: '00:00', timeZone: 'UTC', topics: ['taliban'], createdBy: 'U5' },
        day(3),
      );
      expect((await upgraded.subscriptions.inChannel('T9', 'C5')).map((s) => s.cadence).sort()).toEqual(['instant', 'weekly']);
    } finally {
      await upgraded.close();
    }
    const file = new Database(path, { readonly: true });
    expect(file.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
    file.close();
    rmSync(dirname(path), { recursive: true, force: true });
  });
});

const postgres = DATABASES.find((d) => d.kind === 'postgres')!;

describe.skipIf(postgres.skip)(`a ${postgres.name} connection that dies`, () => {
  it('fails the transaction it was in, and the next call gets a fresh connection', async () => {
    const fresh = await tempStore('postgres');
    const db = new PostgresDatabase(fresh.options.url!);
    try {
      // As when the server restarts mid-transaction: without a listener for the connection's error, the process would end.
      const cut = db.transaction('test', async (tx) => {
        const row = await tx.get<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await admin(`SELECT pg_terminate_backend(${row!.pid})`);
        await new Promise((r) => setTimeout(r, 200));
        return tx.get('SELECT 1 AS one');
      });
      await expect(cut).rejects.toBeInstanceOf(DatabaseError);
      expect(await db.get<{ one: number }>('SELECT 1 AS one')).toEqual({ one: 1 });
    } finally {
      await db.close();
      await fresh.remove();
    }
  });
});
