import type { Logger } from 'pino';
import { AnswerCache, type AnswerCacheOptions } from '../answer/answerCache.js';
import type { Config } from '../config.js';
import type { KnowledgeBase } from '../index/knowledgeBase.js';
import { defaultFetchOptions, type FetchOptions } from '../knowledge/sources/safeFetch.js';
import type { SourcesStatus } from '../knowledge/sources/sourcePoller.js';
import { Metrics } from '../metrics.js';
import type { Store } from '../store/store.js';
import { Editors } from './editors.js';

/** What the listeners share: the current knowledge base, remembered answers and the database (which also holds thread subjects and handled events). */
export interface SlackContext {
  /** The knowledge base answering now, or null while the first one loads. */
  knowledge: () => KnowledgeBase | null;
  /** Answers asked again are answered from here until the knowledge base changes. */
  answers: AnswerCache;
  store: Store;
  /** What GET /metrics reports. */
  metrics: Metrics;
  /** Who may add articles from Slack and sees feedback reports. */
  editors: Editors;
  /** The knowledge folder: articles added from Slack are written under its `added/`. */
  knowledgeDir: string;
  /** See Config.agentStatusMinArticles. */
  agentStatusMinArticles: number;
  /** Now; tests set the time. */
  clock: () => Date;
  logger: Logger;
  /** The feeds and lists of sources.yml, as last polled; null where this process polls none. */
  sources: () => SourcesStatus | null;
  /** How links given in Slack are fetched: as the sources are (FETCH_ALLOW_HOSTS). */
  fetchOptions: FetchOptions;
}

/**
 * The workspace a request came from: what subscriptions, ratings, reports and thread subjects are
 * kept under, so one workspace never sees another's (installs are per workspace; a request with
 * no team, which only an org-wide install sends, falls back to its enterprise id).
 */
export function teamOf(context: { teamId?: string; enterpriseId?: string }): string {
  return context.teamId ?? context.enterpriseId ?? '';
}

/** What a process brings to the Slack app; the rest of the context is made from the configuration. */
export interface ContextParts {
  knowledge: () => KnowledgeBase | null;
  store: Store;
  logger: Logger;
  /** Now (default the wall clock); tests set the time. */
  clock?: () => Date;
  /** Options of the answers remembered (the benchmark remembers none). */
  answers?: Partial<Omit<AnswerCacheOptions, 'observe'>>;
  /** See SlackContext.sources (default: none polled). */
  sources?: () => SourcesStatus | null;
}

/** The listeners' context: the parts given, with the metrics, the answer cache that reports to them, and the editors and settings of the configuration. */
export function createSlackContext(
  config: Pick<Config, 'knowledgeEditors' | 'knowledgeDir' | 'agentStatusMinArticles' | 'fetch'>,
  parts: ContextParts,
): SlackContext {
  const clock = parts.clock ?? (() => new Date());
  const metrics = new Metrics({ knowledge: parts.knowledge, databaseProblem: () => parts.store.writeProblem(), pool: () => parts.store.pool() });
  return {
    knowledge: parts.knowledge,
    store: parts.store,
    logger: parts.logger,
    clock,
    metrics,
    answers: new AnswerCache({ ...parts.answers, observe: metrics.observeAnswer }),
    editors: new Editors(config.knowledgeEditors, clock),
    knowledgeDir: config.knowledgeDir,
    agentStatusMinArticles: config.agentStatusMinArticles,
    sources: parts.sources ?? (() => null),
    fetchOptions: { ...defaultFetchOptions, allowHosts: config.fetch.allowHosts },
  };
}
