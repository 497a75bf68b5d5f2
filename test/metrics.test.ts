import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestSender } from '../src/digest/sendDue.js';
import { articleVersions } from '../src/digest/versions.js';
import type { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { createLogger } from '../src/log.js';
import { Metrics } from '../src/metrics.js';
import { deliveryClient, slackDigestTransport } from '../src/slack/digestTransport.js';
import { seedKnowledgeBase } from './support/seedKnowledge.js';
import { startSlackApp, type RunningApp } from './support/slackAppHarness.js';
import { messageImEvent, slashCommandBody } from './support/slackRequests.js';

let kb: KnowledgeBase;
let slack: RunningApp;

beforeAll(async () => {
  kb = await seedKnowledgeBase();
  slack = await startSlackApp(() => kb);
});
afterAll(() => slack.stop());

async function scrape(): Promise<string> {
  const res = await fetch(`${slack.base}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return res.text();
}

/** The value of one sample line, such as `designation_requests_total{surface="command /designation",outcome="handled"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('reports the knowledge base, the database and the process in Prometheus format', async () => {
    const text = await scrape();
    expect(sample(text, 'designation_knowledge_articles')).toBe(5);
    expect(sample(text, 'designation_knowledge_passages')).toBeGreaterThan(5);
    expect(sample(text, 'designation_database_writable')).toBe(1);
    expect(text).toMatch(/^designation_process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^# TYPE designation_answer_seconds histogram$/m);
  });

  it('counts requests by surface and outcome, and times answers, remembered ones apart', async () => {
    for (let i = 0; i < 2; i++) await slack.post(slashCommandBody({ text: 'hamas taliban', response_url: slack.fake.responseUrl('m') }));
    await slack.post(slashCommandBody({ command: '/elsewhere', text: 'x', response_url: slack.fake.responseUrl('m') }));
    const text = await scrape();
    expect(sample(text, 'designation_requests_total{surface="command /designation",outcome="handled"}')).toBe(2);
    // A refused request is counted by its kind alone: its ids are not the app's.
    expect(sample(text, 'designation_requests_total{surface="command",outcome="refused"}')).toBe(1);
    expect(sample(text, 'designation_answer_seconds_count{cached="false"}')).toBe(1);
    expect(sample(text, 'designation_answer_seconds_count{cached="true"}')).toBe(1);
    expect(sample(text, 'designation_answer_seconds_bucket{le="+Inf",cached="false"}')).toBe(1);
  });

  it('counts failed Web API calls by method and Slack error code, and the request that failed', async () => {
    slack.fake.respondWith('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
    await slack.post(messageImEvent({ text: 'taliban' }));
    await slack.fake.waitForCall('chat.postMessage');
    await expect
      .poll(async () => sample(await scrape(), 'designation_slack_api_errors_total{method="chat.postMessage",code="channel_not_found"}'))
      .toBeGreaterThanOrEqual(1);
    await expect.poll(async () => sample(await scrape(), 'designation_requests_total{surface="event message",outcome="failed"}')).toBe(1);
    slack.fake.reset();
  });

  it('counts digest deliveries by outcome through the sender', async () => {
    const metrics = new Metrics({ knowledge: () => kb, databaseProblem: async () => null, pool: () => null });
    await slack.store.subscriptions.subscribe(
      { teamId: 'T1', channelId: 'C8', cadence: 'daily', weekday: null, atTime: '08:00', timeZone: 'UTC', topics: [], createdBy: 'U1' },
      new Date(Date.now() - 3 * 86_400_000),
    );
    await slack.store.ledger.record(articleVersions(kb, kb.articles), new Date(Date.now() - 86_400_000));
    const sender = new DigestSender({
      store: slack.store,
      knowledge: () => kb,
      transport: slackDigestTransport(deliveryClient('xoxb-test-token', { slackApiUrl: slack.fake.url })),
      logger: createLogger({ level: 'silent', pretty: false }),
      observe: (report) => metrics.deliveries.inc({ outcome: report.outcome }),
    });
    await sender.sendDue();
    expect(sample(await metrics.registry.metrics(), 'designation_digest_deliveries_total{outcome="sent"}')).toBe(1);
  });
});
