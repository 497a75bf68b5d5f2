import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { articleVersions } from '../src/digest/versions.js';
import type { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { seedKnowledgeBase } from './support/seedKnowledge.js';
import { startSlackApp, type RunningApp } from './support/slackAppHarness.js';
import { appHomeOpenedEvent, messageImEvent, slashCommandBody } from './support/slackRequests.js';

let kb: KnowledgeBase;
let slack: RunningApp;
let slow: RunningApp;

beforeAll(async () => {
  kb = await seedKnowledgeBase();
  slack = await startSlackApp(() => kb);
  // The knowledge base counted as large from its first article: every new question shows a status.
  slow = await startSlackApp(() => kb, { env: { AGENT_STATUS_MIN_ARTICLES: '0' } });
});
afterAll(async () => {
  await slack.stop();
  await slow.stop();
});
beforeEach(() => {
  slack.fake.reset();
  slow.fake.reset();
});

const shown = (value: unknown) => JSON.stringify(value);
type PromptCall = { channel_id: string; thread_ts?: string; prompts: { title: string; message: string }[] };

async function promptsOffered(app: RunningApp, team = 'T1'): Promise<PromptCall> {
  app.fake.reset();
  await app.post(appHomeOpenedEvent({ tab: 'messages', channel: 'D1', team_id: team }));
  const call = await app.fake.waitForCall('assistant.threads.setSuggestedPrompts');
  const body = call.body as unknown as { channel_id: string; thread_ts?: string; prompts: string | PromptCall['prompts'] };
  return { ...body, prompts: typeof body.prompts === 'string' ? (JSON.parse(body.prompts) as PromptCall['prompts']) : body.prompts };
}

describe('the agent pane', () => {
  it('suggests what this workspace asks about most, the entities whose status changed last, and what changed this week', async () => {
    const fresh = await promptsOffered(slack);
    expect(fresh.channel_id).toBe('D1');
    // For an agent app, prompts are set on the DM itself: with a thread_ts Slack drops them.
    expect(fresh.thread_ts).toBeUndefined();
    // The seeds' latest step is Russia's removal of the Taliban (2025-04-17).
    expect(fresh.prompts[0]).toEqual({ title: 'What changed for Taliban?', message: 'What changed for Taliban?' });
    expect(fresh.prompts.at(-1)).toEqual({ title: 'What changed this week?', message: 'What changed this week?' });

    for (const text of ['IS-K', 'who banned IS-K?']) await slack.post(slashCommandBody({ text, response_url: slack.fake.responseUrl('q') }));
    const asked = await promptsOffered(slack);
    expect(asked.prompts[0]!.message).toMatch(/Islamic State/);
    expect(asked.prompts.map((p) => p.title)).toContain('What changed for Taliban?');
    expect(asked.prompts.length).toBeLessThanOrEqual(4);
    // Another workspace's questions are its own.
    expect((await promptsOffered(slack, 'T2')).prompts[0]!.title).toBe('What changed for Taliban?');
  });

  it('answers "what changed this week?" in the DM with the digest of the week', async () => {
    await slack.store.ledger.record(articleVersions(kb, kb.articles), new Date(Date.now() - 2 * 86_400_000));
    await slack.post(messageImEvent({ text: 'What changed this week?' }));
    const reply = await slack.fake.waitForCall('chat.postMessage');
    expect(reply.body.channel).toBe('D1');
    expect(shown(reply.body.blocks)).toMatch(/Designation digest: every topic/);
    expect(shown(reply.body.blocks)).toMatch(/Russia's Supreme Court removes Taliban/);
    // In the asker's time zone (the fake's users.info says Europe/Berlin).
    expect(shown(reply.body.blocks)).toMatch(/Europe\/Berlin|CET|CEST|GMT\+1/);

    slack.fake.reset();
    await slack.post(messageImEvent({ text: 'anything new since 2020-01-01 in Russia?' }));
    expect(shown((await slack.fake.waitForCall('chat.postMessage')).body.blocks)).toMatch(/Designation digest: Russia/);

    // In a thread about the Taliban, "what changed this week?" asks about them.
    slack.fake.reset();
    await slack.post(messageImEvent({ text: 'taliban', ts: '1700000001.000100' }));
    await slack.fake.waitForCall('chat.postMessage');
    slack.fake.reset();
    await slack.post(messageImEvent({ text: 'what changed this week?', ts: '1700000001.000200', thread_ts: '1700000001.000100' }));
    const followUp = shown((await slack.fake.waitForCall('chat.postMessage', { where: (c) => c.body.thread_ts === '1700000001.000100' })).body.blocks);
    expect(followUp).not.toMatch(/Designation digest/);
    expect(followUp).toMatch(/Taliban/);

    // A question about an organisation is answered about it, not with a digest.
    slack.fake.reset();
    await slack.post(messageImEvent({ text: 'what changed for the taliban this week?' }));
    expect(shown((await slack.fake.waitForCall('chat.postMessage')).body.blocks)).not.toMatch(/Designation digest/);
  });

  it('titles a new DM thread after its subject, and shows "processing" only for an answer that may take a while', async () => {
    await slack.post(messageImEvent({ text: 'taliban', ts: '1700000000.000100' }));
    const renamed = await slack.fake.waitForCall('agents.sessions.rename', { where: (c) => c.body.thread_ts === '1700000000.000100' });
    expect(renamed.body).toMatchObject({ channel_id: 'D1', thread_ts: '1700000000.000100', title: 'Taliban' });
    expect(slack.fake.callsTo('agents.sessions.setStatus').filter((c) => c.body.thread_ts === '1700000000.000100')).toEqual([]);

    await slow.post(messageImEvent({ text: 'who listed the taliban?', ts: '1700000000.000200' }));
    await slow.fake.waitForCall('agents.sessions.setStatus', { where: (c) => c.body.status === 'active' });
    const order = slow.fake.calls
      .filter((c) => c.body.thread_ts === '1700000000.000200' || c.body.channel === 'D1')
      .map((c) => (c.method === 'agents.sessions.setStatus' ? `status:${String(c.body.status)}` : c.method));
    expect(order.filter((m) => m !== 'auth.test')).toEqual(['status:processing', 'chat.postMessage', 'agents.sessions.rename', 'status:active']);

    // Asked again in a new thread, the answer is remembered: no status, but a title.
    slow.fake.reset();
    await slow.post(messageImEvent({ text: 'who listed the taliban?', ts: '1700000000.000300' }));
    await slow.fake.waitForCall('agents.sessions.rename', { where: (c) => c.body.thread_ts === '1700000000.000300' });
    expect(slow.fake.callsTo('agents.sessions.setStatus').filter((c) => c.body.thread_ts === '1700000000.000300')).toEqual([]);

    // A follow-up in a thread already titled keeps its title.
    slow.fake.reset();
    await slow.post(messageImEvent({ text: 'and when was that?', ts: '1700000000.000400', thread_ts: '1700000000.000200' }));
    await slow.fake.waitForCall('chat.postMessage', { where: (c) => c.body.thread_ts === '1700000000.000200' });
    await slow.fake.waitForCall('agents.sessions.setStatus', { where: (c) => c.body.status === 'active' });
    expect(slow.fake.callsTo('agents.sessions.rename')).toEqual([]);
  });

  it('still answers when Slack refuses the session calls (an app not declared as an agent)', async () => {
    slow.fake.respondWith('agents.sessions.setStatus', { body: { ok: false, error: 'not_allowed_token_type' } });
    slow.fake.respondWith('agents.sessions.rename', { body: { ok: false, error: 'session_not_found' } });
    await slow.post(messageImEvent({ text: 'which countries removed the taliban?' }));
    expect(shown((await slow.fake.waitForCall('chat.postMessage')).body.blocks)).toMatch(/Russia/);
  });
});
