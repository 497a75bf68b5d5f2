import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { LOOKUP } from '../src/render/slackIds.js';
import { seedKnowledgeBase } from './support/seedKnowledge.js';
import { startSlackApp, type RunningApp } from './support/slackAppHarness.js';
import { globalShortcutBody, openedView, viewConversationSelectBody, viewSubmissionBody } from './support/slackRequests.js';

let kb: KnowledgeBase;
let slack: RunningApp;

beforeAll(async () => {
  kb = await seedKnowledgeBase();
  slack = await startSlackApp(() => kb);
});
afterAll(() => slack.stop());
beforeEach(() => slack.fake.reset());

const shown = (value: unknown) => JSON.stringify(value);

/** The modal the shortcut opened, as Slack would send it back with `query` typed in its field. */
async function openModalWith(query: string): Promise<Record<string, unknown>> {
  const res = await slack.post(globalShortcutBody(LOOKUP.shortcut));
  expect(res.status).toBe(200);
  const opened = await slack.fake.waitForCall('views.open');
  expect(opened.body.trigger_id).toBeTruthy();
  const view = opened.body.view as Record<string, unknown>;
  return openedView(view, { [LOOKUP.queryBlock]: { [LOOKUP.queryAction]: { type: 'plain_text_input', value: query } } });
}

describe('the "Look up a designation" shortcut', () => {
  it('opens a modal with a query field, and answers in it on submit', async () => {
    const modal = await openModalWith('has russia removed the taliban?');
    expect(shown(modal.blocks)).toContain(LOOKUP.queryAction);
    const res = await slack.post(viewSubmissionBody(modal));
    const ack = res.json() as { response_action: string; view: { blocks: unknown[]; private_metadata: string } };
    expect(ack.response_action).toBe('update');
    expect(shown(ack.view.blocks)).toMatch(/Answer, assembled from the cited sources/);
    expect(shown(ack.view.blocks)).toMatch(/Russia removed the Taliban on 2025-04-17/);
    // The query stays in the field for the next question, and rides along for sharing.
    expect(shown(ack.view.blocks)).toContain('"initial_value":"has russia removed the taliban?"');
    expect(ack.view.private_metadata).toBe('has russia removed the taliban?');
  });

  it('says on the field itself when nothing was typed', async () => {
    const modal = await openModalWith('   ');
    const ack = (await slack.post(viewSubmissionBody(modal))).json();
    expect(ack).toEqual({ response_action: 'errors', errors: { [LOOKUP.queryBlock]: 'Type an entity or a question.' } });
  });

  it('shares the answer in the channel picked, saying who shared it, and says so in the modal', async () => {
    const modal = await openModalWith('taliban');
    const answered = (await slack.post(viewSubmissionBody(modal))).json() as { view: Record<string, unknown> };
    await slack.post(viewConversationSelectBody(openedView(answered.view), LOOKUP.shareAction, 'C9', 'U42'));
    const posted = await slack.fake.waitForCall('chat.postMessage');
    expect(posted.body.channel).toBe('C9');
    expect(shown(posted.body.blocks)).toMatch(/\*Russia\* on Taliban: removed, 2025-04-17/);
    expect(shown(posted.body.blocks)).toMatch(/Shared by <@U42>/);
    const updated = await slack.fake.waitForCall('views.update');
    expect(updated.body.view_id).toBe('VMODAL');
    expect(shown(updated.body.view)).toContain('Shared in <#C9>.');
  });

  it('tells the sharer to invite the bot where it is not a member, and posts nothing else', async () => {
    slack.fake.respondOnce('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    const modal = await openModalWith('taliban');
    const answered = (await slack.post(viewSubmissionBody(modal))).json() as { view: Record<string, unknown> };
    await slack.post(viewConversationSelectBody(openedView(answered.view), LOOKUP.shareAction, 'C7'));
    const updated = await slack.fake.waitForCall('views.update');
    expect(shown(updated.body.view)).toMatch(/invite me there/);
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it("answers another app's shortcut with nothing", async () => {
    const res = await slack.post(globalShortcutBody('someone_elses_shortcut'));
    expect(res.status).toBe(200);
    expect(slack.fake.callsTo('views.open')).toEqual([]);
  });
});
