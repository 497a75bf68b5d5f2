import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestSender } from '../src/digest/sendDue.js';
import { articleVersions } from '../src/digest/versions.js';
import type { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { ANSWER_ACTIONS } from '../src/render/slackIds.js';
import { deliveryClient, slackDigestTransport } from '../src/slack/digestTransport.js';
import { capturedLogger } from './support/logCapture.js';
import { seedKnowledgeBase } from './support/seedKnowledge.js';
import { startSlackApp, type RunningApp } from './support/slackAppHarness.js';
import { blockActionsBody, messageImEvent, slashCommandBody } from './support/slackRequests.js';
import { admin, DATABASES, tempStore, type TempStore } from './support/tempStore.js';

const postgres = DATABASES.find((d) => d.kind === 'postgres')!;

let kb: KnowledgeBase;
let store: TempStore;
let slack: RunningApp;
let name: string;
const log = capturedLogger();

/** The database stops taking connections and drops those open, as when its server goes down. */
async function cutOff(): Promise<void> {
  await admin(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
  await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
}

describe.skipIf(postgres.skip)(`while ${postgres.name} cannot be reached`, () => {
  beforeAll(async () => {
    kb = await seedKnowledgeBase();
    store = await tempStore('postgres');
    name = new URL(store.options.url!).pathname.slice(1);
    slack = await startSlackApp(() => kb, { store, logger: log.logger });
    await store.subscriptions.subscribe(
      { teamId: 'T1', channelId: 'C3', cadence: 'daily', weekday: null, atTime: '08:00', timeZone: 'UTC', topics: [], createdBy: 'U1' },
      new Date(Date.now() - 3 * 86_400_000),
    );
    await store.ledger.record(articleVersions(kb, kb.articles), new Date(Date.now() - 86_400_000));
    await cutOff();
  });
  afterAll(async () => {
    await slack.stop();
    await admin(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
    await store.remove();
  });

  it('answers questions from memory, in a command and in a DM', async () => {
    const res = await slack.post(slashCommandBody({ text: 'taliban', response_url: slack.fake.responseUrl('down1') }));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json())).toMatch(/\*Russia\* on Taliban: removed/);
    await slack.post(messageImEvent({ text: 'IS-K', channel: 'D7' }));
    const dm = await slack.fake.waitForCall('chat.postMessage', { where: (c) => c.body.channel === 'D7', timeoutMs: 8000 });
    expect(JSON.stringify(dm.body.blocks)).toMatch(/Khorasan/);
    expect(log.lines.some((l) => l.msg === 'the database failed; the request is answered without it')).toBe(true);
  });

  it('tells the person a rating was not saved, and the health check says why', async () => {
    await slack.post(
      blockActionsBody({ action_id: ANSWER_ACTIONS.helpful, value: 'taliban', container: 'ephemeral', response_url: slack.fake.responseUrl('down2') }),
    );
    expect((await slack.fake.waitForCall('response_url:down2', { timeoutMs: 8000 })).body.text).toMatch(/could not save that: the database is not answering/);
    const health = await fetch(`${slack.base}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unwritable', reason: expect.stringMatching(/cannot be reached/) });
  });

  it('holds the digest back, then posts it once the database is back', async () => {
    const transport = slackDigestTransport(deliveryClient('xoxb-test-token', { slackApiUrl: slack.fake.url }));
    const sender = new DigestSender({ store, knowledge: () => kb, transport, logger: log.logger, sleep: async () => {} });
    await expect(sender.sendDue()).rejects.toThrow(/not currently accepting connections|terminat|connect/i);
    expect(slack.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C3')).toHaveLength(0);

    await admin(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
    expect((await sender.sendDue()).map((r) => r.outcome)).toEqual(['sent']);
    expect(slack.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C3')).toHaveLength(1);
    expect((await fetch(`${slack.base}/healthz`)).status).toBe(200);
  });
});

describe.skipIf(postgres.skip)(`while ${postgres.name} answers but cannot be written`, () => {
  let readOnly: TempStore;
  let app: RunningApp;
  let database: string;
  beforeAll(async () => {
    readOnly = await tempStore('postgres');
    database = new URL(readOnly.options.url!).pathname.slice(1);
    app = await startSlackApp(() => kb, { store: readOnly, logger: log.logger });
    // As on a standby: every new session is read-only.
    await admin(`ALTER DATABASE ${database} SET default_transaction_read_only = on`);
    await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}'`);
  });
  afterAll(async () => {
    await app.stop();
    await admin(`ALTER DATABASE ${database} RESET default_transaction_read_only`);
    await readOnly.remove();
  });

  it('tells the person that waiting will not help, and to tell whoever runs the bot', async () => {
    await app.post(blockActionsBody({ action_id: ANSWER_ACTIONS.helpful, value: 'taliban', container: 'ephemeral', response_url: app.fake.responseUrl('ro') }));
    const told = (await app.fake.waitForCall('response_url:ro', { timeoutMs: 8000 })).body.text;
    expect(told).toMatch(/the database is read-only, and waiting will not change that.*tell whoever runs the bot/);
    expect(told).not.toMatch(/try again in a few minutes/);
  });
});
