import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { KnowledgeBase } from './index/knowledgeBase.js';

/** What the gauges read when scraped. */
export interface MetricSources {
  knowledge: () => KnowledgeBase | null;
  /** Why the database cannot be written now, or null when it can. */
  databaseProblem: () => Promise<string | null>;
  /** The database's connection pool (PostgreSQL), or null when there is none (SQLite). */
  pool: () => { open: number; idle: number; waiting: number } | null;
}

/** Answer latency buckets, in seconds: answers take milliseconds; a slow one is tens of them. */
const ANSWER_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

/**
 * What operators watch, in Prometheus' text format at GET /metrics: requests by surface and
 * outcome, answer latency, the knowledge base, digest deliveries, Web API errors and the
 * database, beside the Node process's own (memory, event-loop lag, CPU). Each process serves its
 * own registry; a scrape of every replica adds them up.
 */
export class Metrics {
  readonly registry = new Registry();

  /** Slack requests: `surface` as src/slack/surface.ts names it; `outcome` handled, refused or failed. */
  readonly requests = new Counter({
    name: 'designation_requests_total',
    help: 'Slack requests by surface and outcome',
    labelNames: ['surface', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly answerSeconds = new Histogram({
    name: 'designation_answer_seconds',
    help: 'Time to answer a question, remembered answers included (cached="true")',
    labelNames: ['cached'] as const,
    buckets: ANSWER_BUCKETS,
    registers: [this.registry],
  });

  readonly deliveries = new Counter({
    name: 'designation_digest_deliveries_total',
    help: 'Digest deliveries by outcome (sent, empty, failed, paused, ...)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  /** Failed Web API calls: `code` is Slack's error (channel_not_found), or http_<status>, timeout, refused. */
  readonly slackErrors = new Counter({
    name: 'designation_slack_api_errors_total',
    help: 'Failed calls to Slack by method and error code',
    labelNames: ['method', 'code'] as const,
    registers: [this.registry],
  });

  /** Polls of the feeds and lists of sources.yml: `kind` feed or list; `outcome` new, updated, unchanged or failed. */
  readonly sourcePolls = new Counter({
    name: 'designation_source_polls_total',
    help: 'Polls of the feeds and lists of sources.yml, by kind and outcome',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly databaseErrors = new Counter({
    name: 'designation_database_errors_total',
    help: 'Database operations that failed while answering a Slack request',
    registers: [this.registry],
  });

  constructor(sources: MetricSources) {
    collectDefaultMetrics({ register: this.registry, prefix: 'designation_' });
    const kb = sources.knowledge;
    this.gauge('designation_knowledge_articles', 'Articles in the knowledge base (0 while it loads)', () => kb()?.articles.length ?? 0);
    this.gauge('designation_knowledge_passages', 'Passages indexed', () => kb()?.index.size ?? 0);
    this.gauge('designation_knowledge_version', 'Changes applied to the knowledge base since the process started', () => kb()?.version ?? 0);
    this.gauge('designation_database_writable', '1 when the database can be written, 0 when it cannot', async () =>
      (await sources.databaseProblem()) === null ? 1 : 0,
    );
    // Absent for SQLite, which has no pool.
    if (sources.pool() === null) return;
    this.gauge('designation_database_connections', 'Connections to the database this process holds open', () => sources.pool()?.open ?? 0);
    this.gauge('designation_database_connections_idle', 'Open connections not in use', () => sources.pool()?.idle ?? 0);
    this.gauge(
      'designation_database_waiting',
      'Database calls waiting for a connection (the pool is exhausted while this is above 0)',
      () => sources.pool()?.waiting ?? 0,
    );
  }

  /** A gauge read when scraped. */
  private gauge(name: string, help: string, read: () => number | Promise<number>): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        this.set(await read());
      },
    });
  }

  /** For AnswerCache's `observe` option. */
  readonly observeAnswer = (ms: number, cached: boolean): void => {
    this.answerSeconds.observe({ cached: String(cached) }, ms / 1000);
  };
}
