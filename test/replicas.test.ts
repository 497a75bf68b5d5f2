import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../src/index/knowledgeBase.js';
import type { Store } from '../src/store/store.js';
import { seedKnowledgeBase } from './support/seedKnowledge.js';
import { startSlackApp, type RunningApp } from './support/slackAppHarness.js';
import { appMentionEvent, messageImEvent } from './support/slackRequests.js';
import { tempStore, type TempStore } from './support/tempStore.js';

/** Two replicas of the HTTP app behind a load balancer: same knowledge, one database file, each its own connection. */
let kb: KnowledgeBase;
let file: TempStore;
let second: Store;
let a: RunningApp;
let b: RunningApp;

beforeAll(async () => {
  kb = await seedKnowledgeBase();
  file = await tempStore();
  second = await file.reopen();
  a = await startSlackApp(() => kb, { store: file });
  b = await startSlackApp(() => kb, { store: second });
});
afterAll(async () => {
  await a.stop();
  await b.stop();
  await second.close();
  await file.remove();
});

describe('replicas sharing the database', () => {
  it("answer a follow-up that reaches another replica in the thread's subject", async () => {
    const mention = appMentionEvent({ text: '<@UBOT> taliban', channel: 'C9' });
    await a.post(mention);
    const threadTs = (mention.event as { ts: string }).ts;
    await a.fake.waitForCall('chat.postMessage');

    const followUp = appMentionEvent({ text: 'and Kazakhstan?', channel: 'C9', thread_ts: threadTs });
    followUp.event = { ...followUp.event, type: 'message', channel_type: 'channel' };
    await b.post(followUp);
    const answer = await b.fake.waitForCall('chat.postMessage');
    expect(answer.body).toMatchObject({ channel: 'C9', thread_ts: threadTs });
    expect(JSON.stringify(answer.body.blocks)).toMatch(/\*Kazakhstan\* on Taliban: removed, 2023/);
  });

  it('answer an event Slack retries to another replica once', async () => {
    b.fake.reset();
    const event = messageImEvent({ text: 'IS-K' });
    await a.post(event);
    await a.fake.waitForCall('chat.postMessage', { where: (c) => c.body.channel === 'D1' });
    expect((await b.post(event, { retryNum: 1 })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(b.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });
});
