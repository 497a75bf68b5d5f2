import 'dotenv/config';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { prepareAnswers } from './answer/answerCache.js';
import { ConfigError, EXIT_CONFIGURATION, loadConfig } from './config.js';
import { startDigestScheduler } from './digest/scheduler.js';
import { DigestSender } from './digest/sendDue.js';
import { LedgerRecorder } from './digest/ledgerRecorder.js';
import { LiveKnowledge } from './index/liveKnowledge.js';
import { describeProblem } from './knowledge/loadKnowledge.js';
import { defaultFetchOptions } from './knowledge/sources/safeFetch.js';
import { SourcePoller } from './knowledge/sources/sourcePoller.js';
import { createLogger } from './log.js';
import { createSlackApp } from './slack/app.js';
import { createSlackContext } from './slack/context.js';
import { deliveryClients, slackDigestTransport } from './slack/digestTransport.js';
import { openStore, type Store } from './store/store.js';
import { readyToServe, supervise, supervises } from './supervisor.js';
import { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';

/**
 * Starts the Slack app: the server comes up first (the health check says 503), then the
 * knowledge base loads, the app starts answering, the knowledge folder is watched and the
 * digest scheduler runs. SIGTERM and SIGINT stop it gracefully. With APP_PROCESSES above 1,
 * this process supervises that many such processes on the one port instead (src/supervisor.ts).
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) process.stderr.write(`config: ${problem}\n`);
    process.exit(EXIT_CONFIGURATION);
  }
  if (!statSync(config.knowledgeDir, { throwIfNoEntry: false })?.isDirectory()) {
    process.stderr.write(`knowledge: the folder "${config.knowledgeDir}" does not exist; set KNOWLEDGE_DIR to the folder of articles\n`);
    process.exit(EXIT_CONFIGURATION);
  }
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.botToken, config.appToken, config.signingSecret, config.oauth?.clientSecret],
  });
  if (supervises(config.processes)) {
    supervise(config.processes, logger);
    return;
  }
  // A last guard: a failure no listener caught is logged, and the bot goes on answering.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'a promise failed and nothing handled it'));
  let store: Store;
  try {
    store = await openStore(config.database);
  } catch (error) {
    process.stderr.write(`database: ${(error as Error).message}\n`);
    process.exit(EXIT_CONFIGURATION);
  }
  const unwritable = await store.writeProblem();
  if (unwritable) logger.error({ reason: unwritable }, 'the database cannot be written: the health check says 503 until it can');
  const ledger = new LedgerRecorder(store, {
    onError: (error) => logger.error({ err: error }, 'the article ledger could not be written: new articles wait for the database, then reach the digest'),
  });
  const live = new LiveKnowledge(config.knowledgeDir, {
    snapshotPath: config.snapshotPath,
    maxArticleBytes: config.maxArticleBytes,
    // Processes on one host share its cores: each builds on its part of them.
    buildWorkers: Math.max(1, Math.floor(availableParallelism() / config.processes)),
    onUpdate: (update) => {
      prepareAnswers(update.kb);
      void ledger.record(update.kb, update.upserted, update.lists);
      for (const problem of update.problems) logger.warn(describeProblem(problem));
      logger.info(
        { articles: update.kb.articles.length, read: update.upserted.length, removed: update.removed.length, ms: Math.round(update.ms) },
        update.fromSnapshot ? 'knowledge base loaded from its snapshot' : update.full ? 'knowledge base loaded' : 'knowledge base updated',
      );
    },
    onError: (error) => logger.error({ err: error }, `knowledge: ${error.message}`),
  });
  const knowledge = () => live.current();
  const poller = new SourcePoller(config.knowledgeDir, {
    ...defaultFetchOptions,
    ...config.fetch,
    observe: (report) => {
      ctx.metrics.sourcePolls.inc({ kind: report.kind, outcome: report.outcome });
      if (report.outcome === 'failed') logger.warn({ source: report.url, errors: report.errors }, `a ${report.kind} of sources.yml failed`);
      else if (report.written.length > 0) logger.info({ source: report.url, written: report.written }, `a ${report.kind} of sources.yml brought new files`);
    },
    onProblem: (message) => logger.warn(`sources: ${message}`),
  });
  const ctx = createSlackContext(config, { knowledge, store, logger, sources: () => poller.status(), answers: { capacity: config.answerCacheEntries } });
  const app = createSlackApp(config, ctx);

  let scheduler: { stop(): Promise<void> } | null = null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing requests in flight');
    await scheduler?.stop();
    await poller.stop();
    await live.close();
    await live.saveSnapshot();
    await app.stop();
    await ledger.close();
    await store.close().catch((error: unknown) => logger.error({ err: error }, 'the database did not close cleanly'));
    logger.info('stopped');
    logger.flush();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  await app.start(config.port);
  logger.info(
    { mode: config.appToken ? 'socket' : 'http', port: config.port, database: config.database.url ? 'postgresql' : config.database.path },
    'Slack app listening',
  );
  await live.load();
  readyToServe();
  await live.watch();
  if (stopping) return;
  const clients = deliveryClients(config, store, logger);
  if (clients instanceof WebClient) await adoptUnscopedRows(clients, store, logger);
  const sender = new DigestSender({
    store,
    knowledge,
    transport: slackDigestTransport(clients),
    logger,
    postEmpty: config.digestPostEmpty,
    staleAfterMs: config.digestLeaseMs,
    // Runs that found nothing to do are not deliveries.
    observe: (report) => {
      if (report.outcome !== 'not-due' && report.outcome !== 'already-done') ctx.metrics.deliveries.inc({ outcome: report.outcome });
    },
  });
  scheduler = startDigestScheduler(sender, logger);
  poller.start();
}

/**
 * Rows kept before workspaces were recorded (subscriptions, ratings, threads) belong to the one
 * workspace of a single-token install: its team id is asked of Slack once, at start.
 */
async function adoptUnscopedRows(client: WebClient, store: Store, logger: Logger): Promise<void> {
  try {
    const auth = await client.auth.test();
    if (auth.team_id) await store.adoptUnscoped(auth.team_id);
  } catch (error) {
    logger.warn(
      { err: error },
      'could not ask Slack which workspace the bot token is for; rows kept before workspaces were recorded stay without a workspace until the next start',
    );
  }
}

await main();
