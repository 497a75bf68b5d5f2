import { z } from 'zod';
import { DEFAULT_MAX_ARTICLE_BYTES } from './knowledge/readKnowledgeFile.js';

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

const blankIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const schema = z
  .object({
    SLACK_BOT_TOKEN: z.preprocess(blankIsUnset, z.string().regex(/^xoxb-/, 'must be a bot token starting with xoxb-').optional()),
    SLACK_SIGNING_SECRET: z.preprocess(blankIsUnset, z.string().min(8, 'is too short to be a signing secret').optional()),
    SLACK_APP_TOKEN: z.preprocess(blankIsUnset, z.string().regex(/^xapp-/, 'must be an app-level token starting with xapp-').optional()),
    PORT: z.preprocess(blankIsUnset, z.coerce.number({ message: 'must be a port number from 0 to 65535' }).int().min(0).max(65535).default(3000)),
    SLACK_API_URL: z.preprocess(
      blankIsUnset,
      z
        .url({ protocol: /^https?$/, message: 'must be an http(s) URL such as https://slack.com/api/' })
        .transform((url) => (url.endsWith('/') ? url : `${url}/`))
        .optional(),
    ),
    KNOWLEDGE_DIR: z.preprocess(blankIsUnset, z.string().default('knowledge')),
    LOG_LEVEL: z.preprocess(blankIsUnset, z.enum(LEVELS, { message: `must be one of ${LEVELS.join(', ')}` }).default('info')),
    DATABASE_PATH: z.preprocess(blankIsUnset, z.string().default('data/designation.db')),
    SNAPSHOT_PATH: z.preprocess(blankIsUnset, z.string().default('data/knowledge.snapshot')),
    MAX_ARTICLE_BYTES: z.preprocess(
      blankIsUnset,
      z.coerce.number({ message: 'must be a number of bytes, such as 524288' }).int('must be a whole number of bytes').min(1024, 'must be at least 1024 bytes').default(DEFAULT_MAX_ARTICLE_BYTES),
    ),
    SLACK_API_TIMEOUT_MS: z.preprocess(
      blankIsUnset,
      z.coerce.number({ message: 'must be a number of milliseconds' }).int().min(100, 'must be at least 100 ms').max(120_000, 'must be at most 120000 ms').default(10_000),
    ),
    DIGEST_POST_EMPTY: z.preprocess(
      blankIsUnset,
      z
        .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
        .default('false')
        .transform((v) => ['true', '1', 'yes'].includes(v)),
    ),
  });

export interface Config {
  botToken: string;
  signingSecret: string | undefined;
  appToken: string | undefined;
  port: number;
  slackApiUrl: string | undefined;
  knowledgeDir: string;
  logLevel: (typeof LEVELS)[number];
  /** The SQLite file: subscriptions, the article ledger, deliveries, feedback. */
  databasePath: string;
  /** Post a digest that says "nothing new" instead of skipping it. */
  digestPostEmpty: boolean;
  /** The snapshot of the indexed knowledge that makes a restart fast; null (SNAPSHOT_PATH=none) for none. */
  snapshotPath: string | null;
  /** An article file larger than this is reported and skipped. */
  maxArticleBytes: number;
  /** A Slack Web API call or response_url post that takes longer than this is given up. */
  slackTimeoutMs: number;
}

/**
 * What a program needs from Slack: the server takes Slack's requests and calls the Web API;
 * the digest sender only calls the Web API; a preview needs neither.
 */
export type SlackNeeds = 'server' | 'webApi' | 'none';

/** Thrown when the environment does not make a usable configuration; one line per problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/**
 * Reads the app's configuration from environment variables, all problems at once.
 *
 * @example
 * loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123' }).port // 3000
 */
export function loadConfig(env: NodeJS.ProcessEnv, needs: SlackNeeds = 'server'): Config {
  const result = schema.safeParse(env);
  const problems = result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`);
  if (needs !== 'none' && !env.SLACK_BOT_TOKEN?.trim()) problems.push('SLACK_BOT_TOKEN is required (the bot token, xoxb-...)');
  if (needs === 'server' && !env.SLACK_APP_TOKEN?.trim() && !env.SLACK_SIGNING_SECRET?.trim()) {
    problems.push('SLACK_SIGNING_SECRET is required in HTTP mode (set it, or SLACK_APP_TOKEN for Socket Mode)');
  }
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  const c = result.data;
  return {
    botToken: c.SLACK_BOT_TOKEN ?? '',
    signingSecret: c.SLACK_SIGNING_SECRET,
    appToken: c.SLACK_APP_TOKEN,
    port: c.PORT,
    slackApiUrl: c.SLACK_API_URL,
    knowledgeDir: c.KNOWLEDGE_DIR,
    logLevel: c.LOG_LEVEL,
    databasePath: c.DATABASE_PATH,
    digestPostEmpty: c.DIGEST_POST_EMPTY,
    snapshotPath: c.SNAPSHOT_PATH === 'none' ? null : c.SNAPSHOT_PATH,
    maxArticleBytes: c.MAX_ARTICLE_BYTES,
    slackTimeoutMs: c.SLACK_API_TIMEOUT_MS,
  };
}
