/**
 * How long a signed /designation takes over HTTP on loopback, request to response, through the
 * real Bolt app (signature check, parsing, answering, Block Kit). Run: npx tsx bench/httpLatency.ts
 */
import { performance } from 'node:perf_hooks';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { startSlackApp } from '../test/support/slackAppHarness.js';
import { slashCommandBody } from '../test/support/slackRequests.js';

const QUERIES = ['taliban', 'IS-K', 'kabulov', 'who asked the Supreme Court to lift the ban?', 'kazakhstan'];
const REQUESTS = 500;

const kb = KnowledgeBase.fromKnowledge(await loadKnowledge('knowledge'));
// The same harness as the tests: the real app, its Web API (auth.test) answered by the local fake.
const slack = await startSlackApp(() => kb);

async function command(text: string): Promise<number> {
  const body = slashCommandBody({ text, response_url: slack.fake.responseUrl('bench') });
  const started = performance.now();
  const res = await slack.post(body);
  if (res.status !== 200) throw new Error(`status ${res.status}`);
  return performance.now() - started;
}

for (const q of QUERIES) await command(q); // warm-up
const samples: number[] = [];
for (let i = 0; i < REQUESTS; i++) samples.push(await command(QUERIES[i % QUERIES.length]!));
samples.sort((a, b) => a - b);
const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!.toFixed(2);
console.log(`HTTP /designation on loopback over ${REQUESTS} sequential requests: p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, max ${samples.at(-1)!.toFixed(2)} ms`);
await slack.stop();
