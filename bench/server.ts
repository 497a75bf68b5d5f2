/**
 * An HTTP Slack app for the load test, in a process of its own (run by bench/run.ts):
 * `designation` is the real app on a knowledge base restarted from its snapshot (with
 * `--no-cache`, every answer is worked out afresh: the distinct-query mix); `bare` is a
 * Bolt app whose /designation acknowledges with a fixed string. Both use Bolt's HTTP receiver,
 * with the Web API pointed at the local fake. Reports its port, and for `designation` the time
 * from process start to serving and the memory it serves in. With BENCH_DATABASE_URL
 * the app shares that PostgreSQL database (bench/hosts.ts); otherwise it has a SQLite file of its own.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App } from '@slack/bolt';
import { prepareAnswers } from '../src/answer/answerCache.js';
import { loadConfig } from '../src/config.js';
import { LiveKnowledge } from '../src/index/liveKnowledge.js';
import { createLogger } from '../src/log.js';
import { createSlackApp } from '../src/slack/app.js';
import { createSlackContext } from '../src/slack/context.js';
import { openStore } from '../src/store/store.js';
import { startFakeSlackApi } from '../test/support/fakeSlackApi.js';
import { BENCH_SECRET } from './mixes.js';

const [kind, dir, snapshotPath, cache] = process.argv.slice(2) as ['designation' | 'bare', string, string, string | undefined];
// The soak test runs the fake in its own process (BENCH_SLACK_API_URL), so that this process's memory is the app's alone.
const fake = process.env.BENCH_SLACK_API_URL ? null : await startFakeSlackApi();
const slackApiUrl = process.env.BENCH_SLACK_API_URL ?? fake!.url;
const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: BENCH_SECRET, SLACK_API_URL: slackApiUrl, PORT: '0' });

const rssMb = () => {
  globalThis.gc?.();
  return process.memoryUsage().rss / 1e6;
};

let app: App;
let fromSnapshot = false;
if (kind === 'bare') {
  app = new App({ token: config.botToken, signingSecret: BENCH_SECRET, clientOptions: { slackApiUrl } });
  app.command('/designation', async ({ ack }) => ack('ok'));
} else {
  const live = new LiveKnowledge(dir, { snapshotPath, onUpdate: (u) => (fromSnapshot = u.fromSnapshot) });
  // The several-hosts load test (bench/hosts.ts) shares one PostgreSQL database between processes.
  const url = process.env.BENCH_DATABASE_URL;
  const store = await openStore(
    url ? { url, poolSize: Number(process.env.BENCH_POOL_SIZE ?? 10) } : { path: join(mkdtempSync(join(tmpdir(), 'designation-bench-')), 'bench.db') },
  );
  const logger = createLogger({ level: 'silent', pretty: false });
  app = createSlackApp(
    config,
    createSlackContext(
      { ...config, knowledgeDir: dir },
      { knowledge: () => live.current(), store, logger, ...(cache === '--no-cache' ? { answers: { capacity: 0 } } : {}) },
    ),
  );
  await live.load();
  prepareAnswers(live.current()!);
}
const server = (await app.start(0)) as Server;
// From process start (performance's time origin) to answering: module loading included.
const readyMs = performance.now();
process.send!({ port: (server.address() as AddressInfo).port, readyMs, rssMb: rssMb(), fromSnapshot });
process.on('message', (message) => {
  if (message === 'rss') process.send!({ rssMb: rssMb(), heapMb: process.memoryUsage().heapUsed / 1e6 });
  if (message === 'exit') process.exit(0); // a normal exit, so that --cpu-prof writes its profile
});
