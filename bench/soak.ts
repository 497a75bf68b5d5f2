/**
 * `npm run bench -- --soak [--quick] [--rate N]`: the soak test. The real app, restarted from its
 * snapshot at 10,000 generated articles (--quick: 100 articles, 10 s), takes 32 connections of
 * mixed signed requests for 60 s: slash commands (names and questions), direct messages answered
 * through the Web API, and button presses answered through response_url, all to a local fake of
 * Slack in this process. The connections send 10 requests a second between them (--rate; 0 for
 * as fast as they can, which measures capacity rather than stability). Reports requests per
 * second, errors and the app process's memory at start and end.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { ANSWER_ACTIONS } from '../src/render/slackIds.js';
import { startFakeSlackApi } from '../test/support/fakeSlackApi.js';
import { blockActionsBody, messageImEvent, signSlackRequest, slashCommandBody } from '../test/support/slackRequests.js';
import { entityQueries } from './generateKnowledge.js';
import { BENCH_SECRET } from './mixes.js';
import { child, ensureKnowledge } from './processes.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CONNECTIONS = 32;
/** Names asked about, each also as a question: 300 queries, fewer than the answers the app remembers (500). */
const NAMES = 150;
/** The warm-up sends every query through every surface once, this fast, so that memory is measured with the caches full. */
const WARM_UP_RATE = 30;

/** What people type: names, and questions about them. */
function questions(names: string[]): string[] {
  const asked = [
    'who listed %s?',
    'when was %s removed from the list',
    'is %s still banned in Russia',
    '%s designation status',
    'what did the court decide about %s',
  ];
  return names.slice(0, NAMES).flatMap((name, i) => [name, asked[i % asked.length]!.replace('%s', name)]);
}

function signed(body: string, contentType: string) {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    method: 'POST' as const,
    path: '/slack/events',
    body,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signSlackRequest(BENCH_SECRET, timestamp, body),
    },
  };
}

export async function soak(articles: number, seconds: number, rate: number): Promise<void> {
  const dir = await ensureKnowledge({ articles, shape: 'news' });
  const snapshot = join(HERE, 'kb', `${articles}.snapshot`);
  const fake = await startFakeSlackApi();
  const responseUrl = fake.responseUrl('soak');
  const server = child<{ port: number }>('server.ts', ['designation', dir, snapshot], { BENCH_SLACK_API_URL: fake.url });
  const { port } = await server.first;
  /** The app's resident memory, and its live JavaScript heap, after a full collection. */
  const memory = () =>
    new Promise<{ rssMb: number; heapMb: number }>((resolve) => {
      server.process.once('message', (m) => resolve(m as { rssMb: number; heapMb: number }));
      server.process.send('rss');
    });
  const queries = questions(await entityQueries(join(dir, 'entities.yml')));
  let n = 0;
  // A fresh body for every request: its own event id (retries are dropped), timestamp and signature.
  // Each query goes through the three surfaces in turn: a command, a DM, a button under the answer.
  const next = () => {
    const i = n++;
    const text = queries[Math.floor(i / 3) % queries.length]!;
    switch (i % 3) {
      case 0:
        return signed(slashCommandBody({ text, response_url: responseUrl }), 'application/x-www-form-urlencoded');
      case 1:
        return signed(JSON.stringify(messageImEvent({ text, channel: `D${i % 50}` })), 'application/json');
      default: {
        const action = [ANSWER_ACTIONS.sources, ANSWER_ACTIONS.fullTimeline, ANSWER_ACTIONS.helpful][i % 9 === 2 ? 2 : i % 2]!;
        return signed(
          blockActionsBody({ action_id: action, value: text, response_url: responseUrl, container: 'ephemeral' }),
          'application/x-www-form-urlencoded',
        );
      }
    }
  };
  const forget = setInterval(() => fake.reset(), 2000);
  const run = (length: { duration: number } | { amount: number }, pace: number) =>
    autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: CONNECTIONS,
      ...length,
      ...(pace > 0 ? { overallRate: pace } : {}),
      requests: [{ setupRequest: (request) => ({ ...request, ...next() }) }],
    });

  const pace = rate > 0 ? `${rate} requests/s` : 'as fast as they can';
  process.stderr.write(`soak: ${articles} articles, ${CONNECTIONS} connections (${pace}), ${seconds} s of commands, DMs and button presses\n`);
  const warm = await run({ amount: 3 * queries.length }, WARM_UP_RATE);
  const start = await memory();
  const result = await run({ duration: seconds }, rate);
  const end = await memory();
  clearInterval(forget);
  server.process.send('exit');
  await fake.close();

  const errors = result.errors + result.timeouts + result.non2xx + warm.errors + warm.timeouts + warm.non2xx;
  const change = (from: number, to: number) => `${from.toFixed(0)} / ${to.toFixed(0)} (${to >= from ? '+' : ''}${((100 * (to - from)) / from).toFixed(1)}%)`;
  console.log(
    [
      `| soak (${articles} articles, ${CONNECTIONS} connections, ${pace}, ${seconds} s) | |`,
      '|---|---:|',
      `| requests (after a warm-up of ${warm.requests.total}) | ${result.requests.total} |`,
      `| req/s | ${result.requests.average.toFixed(0)} |`,
      `| latency p50 / p99 (ms) | ${result.latency.p50} / ${result.latency.p99} |`,
      `| errors (incl. timeouts and non-2xx, warm-up included) | ${errors} |`,
      `| RSS at start / end (MB) | ${change(start.rssMb, end.rssMb)} |`,
      `| live heap at start / end (MB) | ${change(start.heapMb, end.heapMb)} |`,
    ].join('\n'),
  );
  // Flat: neither grows by more than a tenth (V8 may hand memory back, so either may shrink).
  const targets: [string, boolean][] = [
    ['no errors', errors === 0],
    ['flat memory (RSS and live heap grow by at most 10% from start to end)', end.rssMb <= start.rssMb * 1.1 && end.heapMb <= start.heapMb * 1.1],
  ];
  for (const [name, met] of targets) console.log(`  ${met ? 'met   ' : 'MISSED'} ${name}`);
}
