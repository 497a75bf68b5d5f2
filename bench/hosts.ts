/**
 * `scripts/with-postgres.sh npm run bench -- --hosts`: the load on a shared database. 32
 * connections of signed requests, spread over three app processes on one PostgreSQL database,
 * beside the same 32 on one process with its own SQLite file. Each process restarts from its own
 * snapshot of the same generated knowledge base. The mix is a third each: an answer (no database),
 * a DM (a handled-event insert, the thread's subject read, then written under its lock) and
 * `/designation sources` (ratings read). Reports req/s, p99, errors, and the connections the
 * database held (pg_stat_activity) and the requests that waited for a pooled one, sampled
 * through each process's /metrics.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { signSlackRequest, slashCommandBody } from '../test/support/slackRequests.js';
import { entityQueries } from './generateKnowledge.js';
import { BENCH_SECRET } from './mixes.js';
import { child, ensureKnowledge } from './processes.js';

const CONNECTIONS = 32;
const SECONDS = 10;
const SIZE = { articles: 1_000, shape: 'news' as const };
const POOL_SIZES = [5, 10, 20];

interface Run {
  setup: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Most connections the database held at once (PostgreSQL only). */
  connections: number | null;
  /** Most requests waiting for a pooled connection at once, over the processes (PostgreSQL only). */
  waiting: number | null;
}

let events = 0;
/** A signed request, made afresh for each send: events need ids of their own, or they are dropped as retries. */
function signed(kind: 'answer' | 'dm' | 'sources', query: string): autocannon.Request {
  return {
    method: 'POST',
    path: '/slack/events',
    setupRequest: (request) => {
      const timestamp = Math.floor(Date.now() / 1000);
      const n = ++events;
      const body =
        kind === 'dm'
          ? JSON.stringify({
              token: 'verification-token',
              team_id: 'T1',
              api_app_id: 'A1',
              type: 'event_callback',
              event_id: `EvBENCH${process.pid}x${n}`,
              event_time: timestamp,
              event: {
                type: 'message',
                channel_type: 'im',
                channel: `D${n % 500}`,
                user: 'U1',
                text: query,
                ts: `${timestamp}.${String(n).padStart(6, '0')}`,
                team: 'T1',
              },
              authorizations: [{ enterprise_id: null, team_id: 'T1', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
            })
          : slashCommandBody({ text: kind === 'sources' ? 'sources' : query, response_url: 'https://hooks.slack.com/commands/T1/1/bench' });
      return {
        ...request,
        body,
        headers: {
          'content-type': kind === 'dm' ? 'application/json' : 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signSlackRequest(BENCH_SECRET, timestamp, body),
        },
      };
    },
  };
}

/** Samples the database's connection count and the pools' waiting requests, every 250 ms until stopped. */
function sampler(url: string | null, ports: number[]) {
  let connections = 0;
  let waiting = 0;
  let sampling = true;
  const gauge = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  const loop = (async () => {
    if (!url) return;
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      while (sampling) {
        const rows = await db.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'designation-desk'",
        );
        connections = Math.max(connections, rows.rows[0].n as number);
        const texts = await Promise.all(ports.map(async (port) => (await fetch(`http://127.0.0.1:${port}/metrics`)).text()));
        waiting = Math.max(
          waiting,
          texts.reduce((sum, text) => sum + gauge(text, 'designation_database_waiting'), 0),
        );
        await new Promise((r) => setTimeout(r, 250));
      }
    } finally {
      await db.end();
    }
  })();
  return {
    stop: async () => {
      sampling = false;
      await loop;
      return { connections: url ? connections : null, waiting: url ? waiting : null };
    },
  };
}

async function measure(setup: string, ports: number[], requests: autocannon.Request[], url: string | null): Promise<Run> {
  // The 32 connections split as evenly as they go across the processes, all loaded at once.
  const share = (i: number) => Math.floor(CONNECTIONS / ports.length) + (i < CONNECTIONS % ports.length ? 1 : 0);
  const load = (seconds: number) =>
    Promise.all(ports.map((port, i) => autocannon({ url: `http://127.0.0.1:${port}`, connections: share(i), duration: seconds, requests })));
  await load(2); // warm-up
  const sampling = sampler(url, ports);
  const results = await load(SECONDS);
  const { connections, waiting } = await sampling.stop();
  return {
    setup,
    rps: results.reduce((sum, r) => sum + r.requests.average, 0),
    // Each process's own percentile; the slowest is reported.
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0),
    connections,
    waiting,
  };
}

type Started = { port: number };

/** Starts `count` app processes, each restarted from its own copy of the snapshot. */
async function start(count: number, dir: string, snapshot: string, env: Record<string, string>) {
  const copies = mkdtempSync(join(tmpdir(), 'designation-hosts-'));
  const started: ReturnType<typeof child<Started>>[] = [];
  for (let i = 0; i < count; i++) {
    const own = join(copies, `host-${i}.snapshot`);
    copyFileSync(snapshot, own);
    started.push(child<Started>('server.ts', ['designation', dir, own], env));
  }
  const ports = (await Promise.all(started.map((s) => s.first))).map((s) => s.port);
  return {
    ports,
    stop: async () => {
      await Promise.all(started.map((s) => new Promise((exited) => s.process.once('exit', exited).send('exit'))));
      rmSync(copies, { recursive: true, force: true });
    },
  };
}

export async function hosts(): Promise<void> {
  const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? null;
  if (!url) throw new Error('--hosts needs PostgreSQL: run it as `scripts/with-postgres.sh npm run bench -- --hosts`, or set DATABASE_URL');
  const dir = await ensureKnowledge(SIZE);
  const snapshot = join(mkdtempSync(join(tmpdir(), 'designation-hosts-snapshot-')), 'kb.snapshot');
  // The first process builds the snapshot the others restart from.
  const builder = child<Started>('server.ts', ['designation', dir, snapshot]);
  await builder.first;
  builder.process.send('exit');
  await new Promise((resolve) => builder.process.once('exit', resolve));

  const queries = (await entityQueries(join(dir, 'entities.yml'))).slice(0, 200);
  const requests = queries.flatMap((q) => [signed('answer', q), signed('dm', q), signed('sources', q)]);
  const runs: Run[] = [];
  // PostgreSQL with pools of 5, 10 (the default, DATABASE_POOL_SIZE) and 20 connections per process.
  const setups: [string, number, Record<string, string>][] = [
    ['1 process, SQLite', 1, {}],
    ...POOL_SIZES.map((size): [string, number, Record<string, string>] => [
      `3 processes, PostgreSQL, pool ${size}`,
      3,
      { BENCH_DATABASE_URL: url, BENCH_POOL_SIZE: String(size) },
    ]),
  ];
  for (const [setup, count, env] of setups) {
    process.stderr.write(`  load test: ${setup}\n`);
    const running = await start(count, dir, snapshot, env);
    runs.push(await measure(setup, running.ports, requests, 'BENCH_DATABASE_URL' in env ? url : null));
    await running.stop();
  }
  rmSync(join(snapshot, '..'), { recursive: true, force: true });
  const cell = (v: number | null) => (v === null ? '—' : String(v));
  console.log(`\n${SIZE.articles} news articles, ${CONNECTIONS} connections for ${SECONDS} s, a third each: answers, DMs, /designation sources\n`);
  console.log('| setup | req/s | p50 (ms) | p99 (ms) | errors | database connections (peak) | waiting for a connection (peak) |');
  console.log('| --- | --: | --: | --: | --: | --: | --: |');
  for (const r of runs) console.log(`| ${r.setup} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${cell(r.connections)} | ${cell(r.waiting)} |`);
}
