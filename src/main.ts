import 'dotenv/config';
import { ConfigError, loadConfig } from './config.js';
import { KnowledgeBase } from './index/knowledgeBase.js';
import { describeProblem, loadKnowledge } from './knowledge/loadKnowledge.js';
import { createLogger } from './log.js';
import { createSlackApp } from './slack/app.js';
import { SeenEvents, ThreadSubjects } from './slack/threadSubjects.js';

/**
 * Starts the Slack app: the server comes up first (the health check says 503), then the
 * knowledge base loads and the app starts answering. SIGTERM and SIGINT stop it gracefully.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) process.stderr.write(`config: ${problem}\n`);
    process.exit(2);
  }
  const logger = createLogger({ level: config.logLevel, secrets: [config.botToken, config.appToken, config.signingSecret] });
  let kb: KnowledgeBase | null = null;
  const app = createSlackApp(config, { knowledge: () => kb, threads: new ThreadSubjects(), seenEvents: new SeenEvents(), logger });

  await app.start(config.port);
  logger.info({ mode: config.appToken ? 'socket' : 'http', port: config.port }, 'Slack app listening');

  const started = performance.now();
  const knowledge = await loadKnowledge(config.knowledgeDir);
  for (const problem of knowledge.problems) logger.warn(describeProblem(problem));
  kb = KnowledgeBase.fromKnowledge(knowledge);
  logger.info({ articles: kb.articles.length, ms: Math.round(performance.now() - started) }, 'knowledge base loaded');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing requests in flight');
    await app.stop();
    logger.info('stopped');
    logger.flush();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

await main();
