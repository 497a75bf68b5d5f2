import 'dotenv/config';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { digestFor, DigestSender } from '../digest/sendDue.js';
import { readTopics } from '../digest/topics.js';
import { LedgerRecorder } from '../digest/ledgerRecorder.js';
import { LiveKnowledge } from '../index/liveKnowledge.js';
import { describeProblem } from '../knowledge/loadKnowledge.js';
import { createLogger } from '../log.js';
import { renderDigestText } from '../render/digestText.js';
import { deliveryClients, slackDigestTransport } from '../slack/digestTransport.js';
import { openStore, type Store } from '../store/store.js';

const USAGE = `Usage:
  npm run --silent digest -- --preview [--since YYYY-MM-DD] [topic...]
  npm run --silent digest -- --send-due [--now ISO-8601]

--preview   prints what the knowledge base learned since a day (default: the last 7 days),
            on the topics named (default: every topic), as text. Needs no Slack token.
--send-due  posts every subscribed digest due now (or at --now) through the Slack Web API
            and exits; for deployments that run it from system cron. A digest already posted
            for its period is not posted again. Needs SLACK_BOT_TOKEN.
Both read KNOWLEDGE_DIR and DATABASE_PATH (see .env.example).`;

function fail(message: string): never {
  process.stderr.write(`digest: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function config(needs: 'webApi' | 'none'): Config {
  try {
    return loadConfig(process.env, needs);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    fail(error.problems.join('; '));
  }
}

/**
 * Loads the knowledge folder. Sending records article versions not seen before, as the app
 * does; a preview only reads, counting an article the ledger does not know as new now.
 */
async function load(store: Store, { knowledgeDir: dir, snapshotPath, maxArticleBytes }: Config, record: boolean) {
  const ledger = new LedgerRecorder(store, { onError: (error) => fail(`the article ledger could not be written: ${(error as Error).message}`) });
  const live = new LiveKnowledge(dir, {
    snapshotPath,
    maxArticleBytes,
    onUpdate: (update) => {
      if (record) void ledger.record(update.kb, update.upserted, update.lists);
      for (const problem of update.problems) process.stderr.write(`${describeProblem(problem)}\n`);
    },
  });
  try {
    const kb = await live.load();
    await ledger.close();
    return kb;
  } catch (error) {
    fail(`knowledge folder "${dir}" could not be read: ${(error as Error).message}`);
  }
}

async function opened(cfg: Config): Promise<Store> {
  try {
    return await openStore(cfg.database);
  } catch (error) {
    fail(`the database could not be opened: ${(error as Error).message}`);
  }
}

async function preview(since: string | undefined, words: string[]): Promise<void> {
  const cfg = config('none');
  if (since !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(Date.parse(since)))) fail(`--since "${since}" is not a date (YYYY-MM-DD)`);
  const store = await opened(cfg);
  try {
    const kb = await load(store, cfg, false);
    const topics = readTopics(words.join(' '), kb.matcher);
    if (typeof topics === 'string') fail(topics);
    const now = new Date();
    const from = since ? new Date(`${since}T00:00:00Z`) : new Date(now.getTime() - 7 * 86_400_000);
    const digest = await digestFor(kb, store, { since: from.toISOString(), until: now.toISOString() }, topics);
    process.stdout.write(renderDigestText(digest, Intl.DateTimeFormat().resolvedOptions().timeZone));
  } finally {
    await store.close();
  }
}

async function sendDue(nowText: string | undefined): Promise<void> {
  const cfg = config('webApi');
  const now = nowText === undefined ? new Date() : new Date(nowText);
  if (Number.isNaN(now.getTime())) fail(`--now "${nowText}" is not an ISO-8601 time such as 2026-11-24T09:00:00Z`);
  // The outcome lines go to stdout; the logger (on stderr) speaks up only for warnings unless LOG_LEVEL says otherwise.
  const logger = createLogger({ level: process.env.LOG_LEVEL ? cfg.logLevel : 'warn', secrets: [cfg.botToken], destination: process.stderr });
  const store = await opened(cfg);
  try {
    const kb = await load(store, cfg, true);
    const sender = new DigestSender({
      store,
      knowledge: () => kb,
      transport: slackDigestTransport(deliveryClients(cfg, store, logger)),
      logger,
      postEmpty: cfg.digestPostEmpty,
      staleAfterMs: cfg.digestLeaseMs,
    });
    const reports = await sender.sendDue(now);
    for (const r of reports) {
      const sub = r.subscription;
      process.stdout.write(`${sub.channelId} ${sub.cadence} ${r.slot ?? '-'} ${r.outcome}${r.error ? ` (${r.error})` : ''}\n`);
    }
    const sent = reports.filter((r) => r.outcome === 'sent' || r.outcome === 'recovered').length;
    process.stdout.write(`${sent} digest${sent === 1 ? '' : 's'} posted, ${reports.length} subscription${reports.length === 1 ? '' : 's'} checked\n`);
    logger.flush();
    if (reports.some((r) => r.outcome === 'failed')) process.exitCode = 1;
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        preview: { type: 'boolean' },
        'send-due': { type: 'boolean' },
        since: { type: 'string' },
        now: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (values.preview === values['send-due']) fail('choose one of --preview and --send-due');
  if (values.preview) {
    if (values.now !== undefined) fail('--now goes with --send-due');
    return preview(values.since, positionals);
  }
  if (values.since !== undefined || positionals.length > 0) fail('--send-due takes only --now');
  return sendDue(values.now);
}

await main();
