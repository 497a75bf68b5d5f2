/**
 * How long a signed /designation takes over HTTP on loopback, request to response, through the
 * real Bolt app (signature check, parsing, answering, Block Kit). Run: npx tsx bench/httpLatency.ts
 */
import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { createLogger } from '../src/log.js';
import { createSlackApp } from '../src/slack/app.js';
import { SeenEvents, ThreadSubjects } from '../src/slack/threadSubjects.js';
import { startFakeSlackApi } from '../test/support/fakeSlackApi.js';

const SECRET = 'bench-signing-secret-0123456789';
const QUERIES = ['taliban', 'IS-K', 'kabulov', 'who asked the Supreme Court to lift the ban?', 'kazakhstan'];
const REQUESTS = 500;

const kb = KnowledgeBase.fromKnowledge(await loadKnowledge('knowledge'));
// Bolt checks its token with auth.test on the first request: answered by the local fake Web API.
const fake = await startFakeSlackApi();
const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, PORT: '0' });
const logger = createLogger({ level: 'silent', pretty: false });
const app = createSlackApp(config, { knowledge: () => kb, threads: new ThreadSubjects(), seenEvents: new SeenEvents(), logger });
const server = (await app.start(0)) as Server;
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;

async function command(text: string): Promise<number> {
  const body = new URLSearchParams({ command: '/designation', text, user_id: 'U1', channel_id: 'C1', team_id: 'T1', response_url: 'http://127.0.0.1:9/unused', trigger_id: 't' }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
  });
  await res.text();
  if (res.status !== 200) throw new Error(`status ${res.status}`);
  return performance.now() - started;
}

for (const q of QUERIES) await command(q); // warm-up
const samples: number[] = [];
for (let i = 0; i < REQUESTS; i++) samples.push(await command(QUERIES[i % QUERIES.length]!));
samples.sort((a, b) => a - b);
const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!.toFixed(2);
console.log(`HTTP /designation on loopback over ${REQUESTS} sequential requests: p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, max ${samples.at(-1)!.toFixed(2)} ms`);
await app.stop();
await fake.close();
