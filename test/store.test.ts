import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaVersion } from '../src/store/database.js';
import { MIGRATIONS } from '../src/store/migrations.js';
import { openStore } from '../src/store/store.js';
import type { NewSubscription } from '../src/store/subscriptions.js';
import { tempStore } from './support/tempStore.js';

let store: ReturnType<typeof tempStore>;
beforeEach(() => {
  store = tempStore();
});
afterEach(() => store.remove());

const day = (d: number) => new Date(Date.UTC(2026, 10, d, 9));
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

describe('the database file', () => {
  it('is created with every migration applied once, and keeps its data when opened again', () => {
    expect(schemaVersion(store.db)).toBe(MIGRATIONS.at(-1)!.version);
    store.subscriptions.subscribe({ ...DAILY, topics: ['taliban'] }, day(1));
    store.close();
    const again = store.reopen();
    expect(again.db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    expect(again.subscriptions.inChannel('T1', 'C1')).toMatchObject([{ topics: ['taliban'], createdAt: day(1).toISOString() }]);
    again.close();
  });

  it('upgrades in place a file made before workspaces were recorded, keeping its rows, which the workspace of its token then adopts', () => {
    // The file as the code before migration 3 left it: migrations 1 and 2 applied, with a subscription, a rating and a thread.
    const path = join(mkdtempSync(join(tmpdir(), 'designation-upgrade-')), 'old.db');
    const old = new Database(path);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of MIGRATIONS.filter((m) => m.version <= 2)) {
      old.exec(m.sql);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, day(1).toISOString());
    }
    old
      .prepare(
        `INSERT INTO subscriptions (channel_id, cadence, weekday, at_time, time_zone, topics, created_by, created_at, schedule_set_at)
         VALUES ('C5', 'weekly', 1, '08:30', 'Europe/Paris', '["taliban"]', 'U5', ?, ?)`,
      )
      .run(day(1).toISOString(), day(1).toISOString());
    old
      .prepare(`INSERT INTO feedback (query, query_key, rating, user_id, channel_id, created_at) VALUES ('is-k', 'k', -1, 'U5', NULL, ?)`)
      .run(day(2).toISOString());
    old.prepare(`INSERT INTO thread_subjects (channel_id, thread_ts, subjects, updated_at) VALUES ('C5', '1.2', '["Taliban"]', ?)`).run(day(2).toISOString());
    old.close();

    const upgraded = openStore(path);
    try {
      expect(schemaVersion(upgraded.db)).toBe(MIGRATIONS.at(-1)!.version);
      // Before the token's workspace is known, the rows belong to none.
      expect(upgraded.subscriptions.inChannel('T9', 'C5')).toEqual([]);
      upgraded.adoptUnscoped('T9');
      expect(upgraded.subscriptions.inChannel('T9', 'C5')).toMatchObject([
        { cadence: 'weekly', weekday: 1, atTime: '08:30', timeZone: 'Europe/Paris', topics: ['taliban'], createdBy: 'U5' },
      ]);
      expect(upgraded.feedback.summary('T9')).toMatchObject({ down: 1, leastHelpful: [{ query: 'is-k' }] });
      expect(upgraded.threads.of('T9', 'C5', '1.2')).toEqual(['Taliban']);
      // Adopted once: a later start takes nothing from the workspace.
      upgraded.adoptUnscoped('T8');
      expect(upgraded.subscriptions.inChannel('T9', 'C5')).toHaveLength(1);
    } finally {
      upgraded.close();
      rmSync(dirname(path), { recursive: true, force: true });
    }
  });

  it("keeps a workspace's subscriptions to itself, even in a channel shared with another workspace", () => {
    store.subscriptions.subscribe(DAILY, day(1));
    expect(store.subscriptions.inChannel('T2', 'C1')).toEqual([]);
    expect(store.subscriptions.subscribe({ ...DAILY, teamId: 'T2', atTime: '18:00', createdBy: 'U9' }, day(2))).toBeNull();
    expect(store.subscriptions.inChannel('T1', 'C1')).toMatchObject([{ atTime: '09:00', createdBy: 'U1' }]);
  });

  it('keeps one subscription per channel and cadence: subscribing again replaces and resumes it', () => {
    const first = store.subscriptions.subscribe(DAILY, day(1))!;
    store.subscriptions.pause(first.id, 'is_archived', day(2));
    expect(store.subscriptions.active()).toEqual([]);
    const second = store.subscriptions.subscribe({ ...DAILY, atTime: '10:30', createdBy: 'U2' }, day(3))!;
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
    expect(store.subscriptions.active()).toHaveLength(1);
  });
});

describe('the article ledger', () => {
  it('remembers when a path and each version of it were first seen', () => {
    store.ledger.record([{ path: 'a.md', hash: 'h1', sentences: ['s1', 's2'] }], day(1));
    store.ledger.record(
      [
        { path: 'a.md', hash: 'h1', sentences: ['s1', 's2'] },
        { path: 'b.md', hash: 'h9', sentences: ['t1'] },
      ],
      day(2),
    );
    store.ledger.record([{ path: 'a.md', hash: 'h2', sentences: ['s1', 's3'] }], day(3));
    const versions = [
      { path: 'a.md', hash: 'h2' },
      { path: 'b.md', hash: 'h9' },
      { path: 'c.md', hash: 'h0' },
    ];
    expect(Object.fromEntries(store.ledger.seen(versions, day(2).toISOString()))).toEqual({
      'a.md': { added: day(1).toISOString(), changed: day(3).toISOString(), known: new Set(['s1', 's2']) },
      'b.md': { added: day(2).toISOString(), changed: day(2).toISOString(), known: new Set() },
    });
  });
});

describe('the delivery log', () => {
  it('lets one caller lease a slot; a failed slot can be leased again, only by one', () => {
    const sub = store.subscriptions.subscribe(DAILY, day(1))!;
    const window = { since: day(1).toISOString(), until: day(2).toISOString() };
    expect(store.deliveries.lease(sub.id, 'slot', window, day(2), null)).toBe(true);
    expect(store.deliveries.lease(sub.id, 'slot', window, day(2), null)).toBe(false);
    store.deliveries.markFailed(sub.id, 'slot', 'HTTP 503', day(2));
    const failed = store.deliveries.get(sub.id, 'slot')!;
    expect(store.deliveries.lease(sub.id, 'slot', window, day(3), failed)).toBe(true);
    expect(store.deliveries.lease(sub.id, 'slot', window, day(3), failed)).toBe(false);
    store.deliveries.markSent(sub.id, 'slot', '123.456', day(3));
    expect(store.deliveries.lastUntil(sub.id)).toBe(window.until);
  });
});

describe('answer feedback', () => {
  it('counts one rating per person and question, the latest click winning', () => {
    store.feedback.record({ teamId: 'T1', query: 'taliban', value: 1, userId: 'U1', channelId: 'C1' }, day(1));
    store.feedback.record({ teamId: 'T1', query: 'taliban', value: -1, userId: 'U1', channelId: 'C1' }, day(2));
    store.feedback.record({ teamId: 'T1', query: 'taliban', value: -1, userId: 'U2', channelId: null }, day(2));
    store.feedback.record({ teamId: 'T1', query: 'is-k', value: 1, userId: 'U2', channelId: null }, day(2));
    store.feedback.record({ teamId: 'T2', query: 'taliban', value: -1, userId: 'U7', channelId: null }, day(2));
    expect(store.feedback.summary('T2')).toEqual({ up: 0, down: 1, leastHelpful: [{ query: 'taliban', up: 0, down: 1 }] });
    expect(store.feedback.summary('T1')).toEqual({ up: 1, down: 2, leastHelpful: [{ query: 'taliban', up: 0, down: 2 }] });
  });
});
