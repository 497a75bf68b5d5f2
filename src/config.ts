import { z } from 'zod';
import { defaultAnswerCacheOptions } from './answer/answerCache.js';
import { DEFAULT_MAX_ARTICLE_BYTES } from './knowledge/readKnowledgeFile.js';

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

const blankIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const schema = z.object({
  SLACK_BOT_TOKEN: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^xoxb-/, 'must be a bot token starting with xoxb-')
      .optional(),
  ),
  SLACK_SIGNING_SECRET: z.preprocess(blankIsUnset, z.string().min(8, 'is too short to be a signing secret').optional()),
  SLACK_APP_TOKEN: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^xapp-/, 'must be an app-level token starting with xapp-')
      .optional(),
  ),
  SLACK_CLIENT_ID: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^\d+\.\d+$/, 'must be a client id such as 1234567890.1234567890')
      .optional(),
  ),
  SLACK_CLIENT_SECRET: z.preprocess(blankIsUnset, z.string().min(8, 'is too short to be a client secret').optional()),
  KNOWLEDGE_EDITORS: z.preprocess(
    blankIsUnset,
    z
      .string()
      .transform((v) => v.split(/[\s,]+/).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[UWS][A-Z0-9]+$/, 'must list user ids (U…, W…) or user group ids (S…), separated by commas')))
      .optional(),
  ),
  AGENT_STATUS_MIN_ARTICLES: z.preprocess(blankIsUnset, z.coerce.number({ message: 'must be a number of articles' }).int().min(0).default(5000)),
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
  DATABASE_URL: z.preprocess(
    blankIsUnset,
    z.url({ protocol: /^postgres(ql)?$/, message: 'must be a PostgreSQL URL such as postgres://user:password@host:5432/designation' }).optional(),
  ),
  DATABASE_POOL_SIZE: z.preprocess(
    blankIsUnset,
    z.coerce.number({ message: 'must be a number of connections' }).int().min(1, 'must be at least 1').max(100, 'must be at most 100').default(10),
  ),
  SNAPSHOT_PATH: z.preprocess(blankIsUnset, z.string().default('data/knowledge.snapshot')),
  ANSWER_CACHE_ENTRIES: z.preprocess(
    blankIsUnset,
    z.coerce.number({ message: 'must be a number of answers' }).int().min(0, 'must be 0 (none) or more').default(defaultAnswerCacheOptions.capacity),
  ),
  APP_PROCESSES: z.preprocess(
    blankIsUnset,
    z.coerce.number({ message: 'must be a number of processes' }).int().min(1, 'must be at least 1').max(64, 'must be at most 64').default(1),
  ),
  MAX_ARTICLE_BYTES: z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ message: 'must be a number of bytes, such as 524288' })
      .int('must be a whole number of bytes')
      .min(1024, 'must be at least 1024 bytes')
      .default(DEFAULT_MAX_ARTICLE_BYTES),
  ),
  SLACK_API_TIMEOUT_MS: z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ message: 'must be a number of milliseconds' })
      .int()
      .min(100, 'must be at least 100 ms')
      .max(120_000, 'must be at most 120000 ms')
      .default(10_000),
  ),
  DIGEST_LEASE_SECONDS: z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ message: 'must be a number of seconds' })
      .int()
      .min(5, 'must be at least 5 seconds')
      .max(3600, 'must be at most 3600 seconds')
      .default(120),
  ),
  FETCH_ALLOW_HOSTS: z.preprocess(
    blankIsUnset,
    z
      .string()
      .optional()
      .transform((v) =>
        (v ?? '')
          .split(',')
          .map((h) => h.trim().toLowerCase())
          .filter(Boolean),
      ),
  ),
  FETCH_FEEDS_EVERY_MINUTES: z.preprocess(blankIsUnset, z.coerce.number({ message: 'must be a number of minutes' }).int().min(1).max(1440).default(15)),
  FETCH_LISTS_EVERY_MINUTES: z.preprocess(blankIsUnset, z.coerce.number({ message: 'must be a number of minutes' }).int().min(5).max(10080).default(360)),
  FETCH_HOST_DELAY_MS: z.preprocess(blankIsUnset, z.coerce.number({ message: 'must be a number of milliseconds' }).int().min(0).max(60_000).default(1000)),
  DIGEST_POST_EMPTY: z.preprocess(
    blankIsUnset,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
      .default('false')
      .transform((v) => ['true', '1', 'yes'].includes(v)),
  ),
});

/** The exit status of an app that cannot start as configured (variables, the knowledge folder, the database): starting it again would not help. */
export const EXIT_CONFIGURATION = 2;

/** Slack's OAuth install flow, for an app installed in many workspaces. */
export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
}

export interface Config {
  /** The single workspace's bot token; empty when installs go through OAuth. */
  botToken: string;
  /** Set when the app serves /slack/install and keeps a token per workspace; null in single-workspace mode. */
  oauth: OAuthConfig | null;
  /**
   * In the agent pane, a question not answered before shows "processing" while its answer is
   * built when the knowledge base holds at least this many articles (below, answers take a few
   * milliseconds and the status would only flash).
   */
  agentStatusMinArticles: number;
  /** Who may add and remove articles from Slack: user ids and user group ids; empty means nobody. */
  knowledgeEditors: string[];
  signingSecret: string | undefined;
  appToken: string | undefined;
  port: number;
  slackApiUrl: string | undefined;
  knowledgeDir: string;
  logLevel: (typeof LEVELS)[number];
  /**
   * Where subscriptions, the article ledger, deliveries, feedback and installations are kept:
   * the PostgreSQL server at `url` (with at most `poolSize` connections from this process), or
   * when `url` is null the SQLite file at `path`.
   */
  database: { url: string | null; path: string; poolSize: number };
  /** Post a digest that says "nothing new" instead of skipping it. */
  digestPostEmpty: boolean;
  /**
   * How long a digest being posted is held by the process posting it: after that, a process that
   * died mid-post is taken to have died, and another checks the channel and finishes the job.
   */
  digestLeaseMs: number;
  /** The snapshot of the indexed knowledge that makes a restart fast; null (SNAPSHOT_PATH=none) for none. */
  snapshotPath: string | null;
  /** How many answers each process remembers (0: none, every answer worked out afresh). */
  answerCacheEntries: number;
  /** Processes serving on the one port, each answering from a knowledge base of its own (see src/supervisor.ts). */
  processes: number;
  /** An article file larger than this is reported and skipped. */
  maxArticleBytes: number;
  /** A Slack Web API call or response_url post that takes longer than this is given up. */
  slackTimeoutMs: number;
  /** Following the feeds and lists of `sources.yml` (see src/knowledge/sources). */
  fetch: FetchConfig;
}

export interface FetchConfig {
  /** Hosts that may be fetched on loopback or private addresses (a local server). */
  allowHosts: string[];
  feedsEveryMs: number;
  listsEveryMs: number;
  /** Between two requests to one host. */
  hostDelayMs: number;
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
  const oauthParts = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET'].filter((name) => env[name]?.trim());
  const oauth = oauthParts.length === 2;
  if (oauthParts.length > 0 && !oauth)
    problems.push(`SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are needed together for installs in many workspaces (only ${oauthParts.join(', ')} set)`);
  if (oauth && env.SLACK_BOT_TOKEN?.trim())
    problems.push('SLACK_BOT_TOKEN is for a single workspace: leave it unset when SLACK_CLIENT_ID installs the app in many');
  if (oauth && env.SLACK_APP_TOKEN?.trim())
    problems.push('installs in many workspaces need HTTP request URLs: unset SLACK_APP_TOKEN (Socket Mode) when SLACK_CLIENT_ID is set');
  if (needs !== 'none' && !oauth && oauthParts.length === 0 && !env.SLACK_BOT_TOKEN?.trim())
    problems.push('SLACK_BOT_TOKEN is required (the bot token, xoxb-...), or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for installs in many workspaces');
  if (needs === 'server' && !env.SLACK_APP_TOKEN?.trim() && !env.SLACK_SIGNING_SECRET?.trim()) {
    problems.push('SLACK_SIGNING_SECRET is required in HTTP mode (set it, or SLACK_APP_TOKEN for Socket Mode)');
  }
  if (env.DATABASE_URL?.trim() && env.DATABASE_PATH?.trim())
    problems.push('DATABASE_URL (PostgreSQL) and DATABASE_PATH (a SQLite file) name two databases: set one of them');
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  const c = result.data;
  return {
    botToken: c.SLACK_BOT_TOKEN ?? '',
    oauth: oauth ? { clientId: c.SLACK_CLIENT_ID!, clientSecret: c.SLACK_CLIENT_SECRET! } : null,
    knowledgeEditors: c.KNOWLEDGE_EDITORS ?? [],
    agentStatusMinArticles: c.AGENT_STATUS_MIN_ARTICLES,
    signingSecret: c.SLACK_SIGNING_SECRET,
    appToken: c.SLACK_APP_TOKEN,
    port: c.PORT,
    slackApiUrl: c.SLACK_API_URL,
    knowledgeDir: c.KNOWLEDGE_DIR,
    logLevel: c.LOG_LEVEL,
    database: { url: c.DATABASE_URL ?? null, path: c.DATABASE_PATH, poolSize: c.DATABASE_POOL_SIZE },
    digestPostEmpty: c.DIGEST_POST_EMPTY,
    digestLeaseMs: c.DIGEST_LEASE_SECONDS * 1000,
    snapshotPath: c.SNAPSHOT_PATH === 'none' ? null : c.SNAPSHOT_PATH,
    processes: c.APP_PROCESSES,
    answerCacheEntries: c.ANSWER_CACHE_ENTRIES,
    maxArticleBytes: c.MAX_ARTICLE_BYTES,
    slackTimeoutMs: c.SLACK_API_TIMEOUT_MS,
    fetch: {
      allowHosts: c.FETCH_ALLOW_HOSTS,
      feedsEveryMs: c.FETCH_FEEDS_EVERY_MINUTES * 60_000,
      listsEveryMs: c.FETCH_LISTS_EVERY_MINUTES * 60_000,
      hostDelayMs: c.FETCH_HOST_DELAY_MS,
    },
  };
}
