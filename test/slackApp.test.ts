import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { ANSWER_ACTIONS } from '../src/render/slackIds.js';
import { seedKnowledgeBase } from './support/seedKnowledge.js';
import { startSlackApp, type RunningApp } from './support/slackAppHarness.js';
import { appHomeOpenedEvent, appMentionEvent, blockActionsBody, messageImEvent, slashCommandBody } from './support/slackRequests.js';

let kb: KnowledgeBase;
let slack: RunningApp;

beforeAll(async () => {
  kb = await seedKnowledgeBase();
  slack = await startSlackApp(() => kb);
});
afterAll(() => slack.stop());
beforeEach(() => slack.fake.reset());

/** All the text a message shows, blocks included, for assertions. */
function shown(message: unknown): string {
  return JSON.stringify(message);
}

describe('/designation', () => {
  it('answers in the acknowledgement, only to the asker, with the buttons', async () => {
    const res = await slack.post(slashCommandBody({ text: 'taliban', response_url: slack.fake.responseUrl('cmd') }));
    expect(res.status).toBe(200);
    const body = res.json() as { response_type: string; text: string; blocks: { type: string }[] };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(/Supreme Court has officially removed the Taliban/);
    expect(shown(body.blocks)).toMatch(/\*Russia\* on Taliban: removed, 2025-04-17/);
    expect(shown(body.blocks)).toMatch(/Sources disagree/);
    expect(body.blocks.at(-1)).toMatchObject({ type: 'actions' });
    expect(shown(body.blocks)).toContain(ANSWER_ACTIONS.share);
  });

  it.each(['', 'help'])('explains usage for "%s"', async (text) => {
    const res = await slack.post(slashCommandBody({ text, response_url: slack.fake.responseUrl('help') }));
    expect(shown(res.json())).toMatch(/Examples: /);
  });

  it('summarises the knowledge base for "sources"', async () => {
    const res = await slack.post(slashCommandBody({ text: 'sources', response_url: slack.fake.responseUrl('src') }));
    expect(shown(res.json())).toMatch(/\*5\* articles, published 2024-05-28 to 2025-04-17/);
  });

  it('escapes a hostile query so it cannot ping or link', async () => {
    const res = await slack.post(slashCommandBody({ text: '<!channel> @here <https://evil.example|taliban>', response_url: slack.fake.responseUrl('x') }));
    const { blocks, text: fallback } = res.json() as { text: string; blocks: { type: string }[] };
    // Everything Slack displays; button values carry the query back to the bot and are never shown.
    const text = shown([fallback, blocks.filter((b) => b.type !== 'actions')]);
    expect(text).not.toMatch(/<!channel>|<https:\/\/evil|evil\.example/);
    expect(text).not.toMatch(/@here/);
    expect(text).toContain('@\u2060here taliban');
  });
});

describe('signatures', () => {
  const body = () => slashCommandBody({ text: 'taliban', response_url: slack.fake.responseUrl('sig') });

  it('refuses a bad, stale or missing signature with 401 and does nothing', async () => {
    expect((await slack.post(body(), { signature: 'v0=deadbeef' })).status).toBe(401);
    expect((await slack.post(body(), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status).toBe(401);
    const unsigned = await fetch(`${slack.base}/slack/events`, {
      method: 'POST',
      body: body(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(unsigned.status).toBe(401);
    expect(slack.fake.calls).toEqual([]);
  });
});

describe('conversations', () => {
  it('answers a direct message in the DM', async () => {
    await slack.post(messageImEvent({ text: 'IS-K' }));
    const call = await slack.fake.waitForCall('chat.postMessage');
    expect(call.body.channel).toBe('D1');
    expect(shown(call.body.blocks)).toMatch(/ISIS-K took credit/);
  });

  it('answers a mention in a thread under it, and a follow-up in that thread keeps the subject', async () => {
    const mention = appMentionEvent({ text: '<@UBOT> taliban', channel: 'C9' });
    await slack.post(mention);
    const first = await slack.fake.waitForCall('chat.postMessage');
    const threadTs = (mention.event as { ts: string }).ts;
    expect(first.body).toMatchObject({ channel: 'C9', thread_ts: threadTs });

    slack.fake.reset();
    const followUp = appMentionEvent({ text: 'and Kazakhstan?', channel: 'C9', thread_ts: threadTs });
    followUp.event = { ...followUp.event, type: 'message', channel_type: 'channel' };
    await slack.post(followUp);
    const second = await slack.fake.waitForCall('chat.postMessage');
    expect(second.body).toMatchObject({ channel: 'C9', thread_ts: threadTs });
    expect(shown(second.body.blocks)).toMatch(/\*Kazakhstan\* on Taliban: removed, 2023/);
  });

  it('stays out of threads it did not answer', async () => {
    const chatter = appMentionEvent({ text: 'lunch?', channel: 'C7', thread_ts: '1700000000.000100' });
    chatter.event = { ...chatter.event, type: 'message', channel_type: 'channel' };
    expect((await slack.post(chatter)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(slack.fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('answers an event that Slack retries only once', async () => {
    const event = messageImEvent({ text: 'kazakhstan', event_id: 'Ev-retried-1' });
    await slack.post(event);
    await slack.fake.waitForCall('chat.postMessage');
    expect((await slack.post(event, { retryNum: 1 })).status).toBe(200);
    expect((await slack.post(event, { retryNum: 2 })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('publishes the App Home with how to ask and what is covered', async () => {
    await slack.post(appHomeOpenedEvent({ user: 'U5' }));
    const call = await slack.fake.waitForCall('views.publish');
    expect(call.body.user_id).toBe('U5');
    expect(shown(call.body.view)).toMatch(/How|Ask about/);
    expect(shown(call.body.view)).toMatch(/What the knowledge base covers/);
  });
});

describe('buttons', () => {
  it('shares an ephemeral answer in the channel through response_url', async () => {
    const url = slack.fake.responseUrl('share');
    const res = await slack.post(
      blockActionsBody({ action_id: ANSWER_ACTIONS.share, value: 'taliban', container: 'ephemeral', response_url: url, user_id: 'U42' }),
    );
    expect(res.status).toBe(200);
    await slack.fake.waitForCall('response_url:share', { where: (c) => c.body.response_type === 'in_channel' });
    const posts = slack.fake.callsTo('response_url:share').map((c) => c.body);
    expect(posts[0]).toMatchObject({ delete_original: true });
    expect(posts[1]).toMatchObject({ response_type: 'in_channel' });
    expect(shown(posts[1])).toMatch(/Shared by <@U42>/);
    expect(shown(posts[1])).not.toContain(ANSWER_ACTIONS.share);
  });

  it.each([
    [ANSWER_ACTIONS.fullTimeline, /Timeline: taliban/, /`2003`.*`2025-04-17`/],
    [ANSWER_ACTIONS.sources, /Sources: taliban/, /2025-04-17-russias-supreme-court/],
  ])('%s answers to the asker', async (action_id, title, content) => {
    const url = slack.fake.responseUrl(action_id);
    await slack.post(blockActionsBody({ action_id, value: 'taliban', response_url: url }));
    const call = await slack.fake.waitForCall(`response_url:${action_id}`);
    expect(call.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(shown(call.body)).toMatch(title);
    expect(shown(call.body)).toMatch(content);
  });
});

describe('a button no version of the bot made', () => {
  it('is acknowledged and answers nothing, even with the prefix of the answer buttons', async () => {
    const url = slack.fake.responseUrl('unknown');
    const res = await slack.post(blockActionsBody({ action_id: 'answer_forged', value: 'taliban', response_url: url }));
    expect(res.status).toBe(200);
    // A known button pressed after it is answered, so anything the forged one sent would be there by then.
    const known = slack.fake.responseUrl('known');
    await slack.post(blockActionsBody({ action_id: ANSWER_ACTIONS.sources, value: 'taliban', response_url: known }));
    await slack.fake.waitForCall('response_url:known');
    expect(slack.fake.callsTo('response_url:unknown')).toEqual([]);
  });
});

describe('health', () => {
  it('is 200 once the knowledge base is loaded and 503 before', async () => {
    expect((await fetch(`${slack.base}/healthz`)).status).toBe(200);
    const loading = await startSlackApp(() => null);
    try {
      expect((await fetch(`${loading.base}/healthz`)).status).toBe(503);
      const res = await loading.post(slashCommandBody({ text: 'taliban', response_url: loading.fake.responseUrl('l') }));
      expect(shown(res.json())).toMatch(/still loading/);
    } finally {
      await loading.stop();
    }
  });
});
