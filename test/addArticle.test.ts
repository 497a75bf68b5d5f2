import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AnswerCache } from '../src/answer/answerCache.js';
import { digestFor } from '../src/digest/sendDue.js';
import { LedgerRecorder } from '../src/digest/ledgerRecorder.js';
import { LiveKnowledge } from '../src/index/liveKnowledge.js';
import { textPart } from '../src/render/addArticleView.js';
import { ADD_ARTICLE } from '../src/render/slackIds.js';
import { SEED_DIR } from './support/seedKnowledge.js';
import { startSlackApp, type RunningApp } from './support/slackAppHarness.js';
import {
  blockActionsBody,
  globalShortcutBody,
  messageShortcutBody,
  nextMessageTs,
  openedView,
  slashCommandBody,
  viewButtonBody,
  viewSubmissionBody,
  viewUrlInputBody,
} from './support/slackRequests.js';
import { tempStore, type TempStore } from './support/tempStore.js';

let dir: string;
let live: LiveKnowledge;
let slack: RunningApp;
let store: TempStore;

/** A publisher's site: the pages links in Slack point to. */
let site: Server;
let siteBase = '';
const PRESS_PAGE = readFileSync(new URL('fixtures/pages/government-press.html', import.meta.url));

beforeAll(async () => {
  site = createServer((req, res) => {
    if (req.url === '/press/kvf.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(PRESS_PAGE);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteBase = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  store = await tempStore();
  dir = mkdtempSync(join(tmpdir(), 'designation-add-'));
  cpSync(SEED_DIR, dir, { recursive: true });
  // As src/main.ts runs it: every version read is recorded in the article ledger, for the digests.
  const ledger = new LedgerRecorder(store);
  live = new LiveKnowledge(dir, {
    snapshotPath: null,
    onUpdate: (u) => void ledger.record(u.kb, u.upserted),
  });
  await live.load();
  await live.watch();
  slack = await startSlackApp(() => live.current(), {
    store,
    env: { KNOWLEDGE_EDITORS: 'U1', KNOWLEDGE_DIR: dir, FETCH_ALLOW_HOSTS: new URL(siteBase).host },
  });
});
afterAll(async () => {
  await new Promise<void>((resolve) => site.close(() => resolve()));
  await slack.stop();
  await live.close();
  await store.remove();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => slack.fake.reset());

const shown = (value: unknown) => JSON.stringify(value);
const addedFiles = () => (existsSync(join(dir, 'added')) ? readdirSync(join(dir, 'added')).sort() : []);

/** A sentence nobody on the team wrote an article with: a new authority removing a known organisation. */
const FRESH_TEXT =
  'Mongolia removed the Taliban from its list of banned organisations on 3 June 2025, the foreign ministry in Ulaanbaatar said on Tuesday.\n\n' +
  'Officials said trade talks with Kabul would follow.';

/** The modal as opened, then sent back with these field values typed in. */
function filled(view: Record<string, unknown>, fields: Partial<Record<'title' | 'outlet' | 'url' | 'published' | 'text', string>>): Record<string, unknown> {
  const blocks = view.blocks as { type: string; block_id: string; element: { type: string; initial_value?: string } }[];
  const values: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const b of blocks.filter((block) => block.type === 'input')) {
    const key = b.block_id === textPart(0) ? 'text' : b.block_id;
    const typed = key in fields ? fields[key as keyof typeof fields] : b.element.initial_value;
    values[b.block_id] = {
      [b.block_id]: { type: b.element.type, value: b.block_id.startsWith(`${ADD_ARTICLE.textBlock}_`) ? (b.element.initial_value ?? null) : (typed ?? null) },
    };
  }
  return openedView(view, values);
}

async function openedModal(body: string): Promise<Record<string, unknown>> {
  await slack.post(body);
  return (await slack.fake.waitForCall('views.open')).body.view as Record<string, unknown>;
}

const newspaperMessage = {
  text: `Worth adding: <https://news.example/central-asia/mongolia-taliban?ref=slack&amp;x=1|Mongolia drops Taliban ban>\n${FRESH_TEXT}`,
  attachments: [
    {
      title: 'Mongolia drops Taliban from banned list',
      service_name: 'Steppe Herald',
      from_url: 'https://news.example/central-asia/mongolia-taliban',
      text: 'Ulaanbaatar follows Moscow and Astana.',
    },
  ],
};

describe('adding an article from Slack', () => {
  let added = '';

  it('fills the modal from a message, answers from the article within a second of submitting it, and puts it in the next digest', async () => {
    const view = await openedModal(messageShortcutBody(ADD_ARTICLE.messageShortcut, newspaperMessage));
    expect(view.callback_id).toBe(ADD_ARTICLE.view);
    const prefilled = shown(view.blocks);
    expect(prefilled).toContain('"initial_value":"Mongolia drops Taliban from banned list"');
    expect(prefilled).toContain('"initial_value":"Steppe Herald"');
    expect(prefilled).toContain('"initial_value":"https://news.example/central-asia/mongolia-taliban?ref=slack&x=1"');
    expect(prefilled).toContain('Mongolia removed the Taliban from its list of banned organisations on 3 June 2025');
    expect(prefilled).toContain('Ulaanbaatar follows Moscow and Astana.');

    const before = new Date().toISOString();
    const submitted = Date.now();
    const res = await slack.post(viewSubmissionBody(filled(view, { published: '2025-06-03' })));
    expect(res.status).toBe(200);
    // The modal says where the article is, and that the confirmation comes as a direct message.
    expect(shown(res.json())).toMatch(
      /"response_action":"update".*Added to the knowledge base as `added\/2025-06-03-mongolia-drops-taliban-from-banned-list\.md`.*comes to you in a direct message/,
    );
    await expect
      .poll(async () => shown((await slack.post(slashCommandBody({ text: 'taliban', response_url: slack.fake.responseUrl('q') }))).json()), {
        timeout: 1000,
        interval: 50,
      })
      .toMatch(/\*Mongolia\* on Taliban: removed, 2025-06-03/);
    expect(Date.now() - submitted).toBeLessThan(1000);

    added = addedFiles()[0]!;
    expect(added).toBe('2025-06-03-mongolia-drops-taliban-from-banned-list.md');
    const file = readFileSync(join(dir, 'added', added!), 'utf8');
    expect(file).toMatch(
      /^---\ntitle: Mongolia drops Taliban from banned list\noutlet: Steppe Herald\nurl: https:\/\/news\.example\/central-asia\/mongolia-taliban\?ref=slack&x=1\npublished: 2025-06-03\n---\n\nWorth adding: /,
    );
    expect(await store.added.get(`added/${added}`)).toMatchObject({ userId: 'U1', teamId: 'T1', removedAt: null });

    // The editor is told what it changed, as an answer would show it, with a button to take it back.
    const dm = await slack.fake.waitForCall('chat.postMessage', { where: (c) => c.body.channel === 'U1', timeoutMs: 6000 });
    expect(shown(dm.body.blocks)).toMatch(/What it changed/);
    expect(shown(dm.body.blocks)).toMatch(/\*Mongolia\* on Taliban: removed, 2025-06-03/);
    expect(shown(dm.body.blocks)).toMatch(/`2025-06-03` Mongolia removed the Taliban/);
    expect(shown(dm.body.blocks)).toContain(ADD_ARTICLE.removeAction);

    const digest = await digestFor(live.current()!, store, { since: before, until: new Date().toISOString() }, []);
    expect(shown(digest)).toContain('Mongolia drops Taliban from banned list');
    expect(shown(digest)).toMatch(/Mongolia/);
  });

  it('escapes what the article says in the confirmation: no ping, no link it did not make', async () => {
    const view = await openedModal(globalShortcutBody(ADD_ARTICLE.globalShortcut));
    const hostile = {
      title: '<!channel> Breaking <https://evil.example|click>',
      outlet: '@here Daily',
      text: 'Laos listed the <@U42> Front as a terrorist group on 1 May 2025. <!everyone>',
    };
    await slack.post(viewSubmissionBody(filled(view, { ...hostile, published: '2025-05-01' })));
    const dm = (await slack.fake.waitForCall('chat.postMessage', { where: (c) => c.body.channel === 'U1', timeoutMs: 6000 })).body;
    // What Slack reads as mrkdwn: the fallback text and every mrkdwn text object (plain text is shown as typed).
    const mrkdwn = [
      String(dm.text),
      ...[...shown(dm.blocks).matchAll(/\{"type":"mrkdwn","text":("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1]!) as string),
    ].join('\n');
    expect(mrkdwn).not.toMatch(/<!channel>|<!everyone>|<!here>|<@U42>|<https:\/\/evil/);
    expect(mrkdwn).toContain('&lt;!channel&gt; Breaking');
  });

  it('refuses someone who is not an editor, naming one who is', async () => {
    const view = await openedModal(globalShortcutBody(ADD_ARTICLE.globalShortcut, 'U2'));
    expect(view.callback_id).toBeUndefined();
    expect(shown(view.blocks)).toMatch(/Only the editors of the knowledge base can add articles\. Ask <@U1>/);
  });

  it('shows a date that is not real on its field, and writes nothing', async () => {
    const files = addedFiles();
    const view = await openedModal(globalShortcutBody(ADD_ARTICLE.globalShortcut));
    const ack = (await slack.post(viewSubmissionBody(filled(view, { title: 'A ruling in Almaty', published: '2025-02-30', text: FRESH_TEXT })))).json() as {
      response_action: string;
      errors: Record<string, string>;
    };
    expect(ack.response_action).toBe('errors');
    expect(ack.errors).toEqual({
      [ADD_ARTICLE.publishedBlock]: expect.stringMatching(/"2025-02-30" is not a real date in the form YYYY, YYYY-MM or YYYY-MM-DD/),
    });
    const noText = (await slack.post(viewSubmissionBody(filled(view, { title: 'Empty', text: '   ' })))).json() as { errors: Record<string, string> };
    expect(Object.keys(noText.errors)).toEqual([textPart(0)]);
    expect(addedFiles()).toEqual(files);
  });

  it('refuses a published date more than a day ahead, whose relative dates would be read in that year', async () => {
    const files = addedFiles();
    const view = await openedModal(globalShortcutBody(ADD_ARTICLE.globalShortcut));
    const dayAfterTomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    for (const published of ['9999-12-31', dayAfterTomorrow, String(new Date().getUTCFullYear() + 2)]) {
      const ack = (await slack.post(viewSubmissionBody(filled(view, { title: 'A ruling in Almaty', published, text: FRESH_TEXT })))).json() as {
        errors: Record<string, string>;
      };
      expect(ack.errors).toEqual({ [ADD_ARTICLE.publishedBlock]: expect.stringMatching(/^A date that has not come yet/) });
    }
    expect(addedFiles()).toEqual(files);
  });

  it('offers room for a long article in the empty modal, and more on request, keeping what was typed', async () => {
    const view = await openedModal(globalShortcutBody(ADD_ARTICLE.globalShortcut));
    const blocks = view.blocks as { type: string; block_id?: string; element?: { max_length?: number } }[];
    const textFields = () => blocks.filter((b) => b.block_id?.startsWith(ADD_ARTICLE.textBlock));
    expect(textFields().map((b) => b.element?.max_length)).toEqual([3000, 3000, 3000]);
    const more = blocks.find((b) => b.type === 'actions')!;
    expect(shown(more)).toContain(ADD_ARTICLE.moreTextAction);

    // Two fields filled with 6,000 characters, then "More room for text".
    const typed = filled(view, { title: 'A long ruling', text: 'x'.repeat(3000) });
    const state = typed.state as { values: Record<string, Record<string, { value: string | null }>> };
    state.values[textPart(1)]![textPart(1)]!.value = 'y'.repeat(3000);
    await slack.post(viewButtonBody(typed, ADD_ARTICLE.moreTextAction, '3'));
    const update = await slack.fake.waitForCall('views.update');
    expect(update.body).toMatchObject({ view_id: 'VMODAL', hash: '1712345678.abcdef' });
    const updated = update.body.view as { blocks: { type: string; block_id?: string; element?: { initial_value?: string } }[] };
    const fields = updated.blocks.filter((b) => b.block_id?.startsWith(ADD_ARTICLE.textBlock));
    expect(fields).toHaveLength(6);
    expect(fields.map((b) => b.element?.initial_value?.length ?? 0)).toEqual([3000, 3000, 0, 0, 0, 0]);
    expect(shown(updated.blocks)).toContain('"initial_value":"A long ruling"');
  });

  it('tells the editor, in a direct message, when Slack will not open the form', async () => {
    slack.fake.respondOnce('views.open', { body: { ok: false, error: 'expired_trigger_id' } });
    await slack.post(globalShortcutBody(ADD_ARTICLE.globalShortcut));
    const dm = await slack.fake.waitForCall('chat.postMessage', { where: (c) => c.body.channel === 'U1', timeoutMs: 6000 });
    expect(dm.body.text).toMatch(/The "Add an article" form took too long to open.*use the shortcut again/);
  });

  it('says in the modal where the article is when the confirmation cannot be sent', async () => {
    slack.fake.respondWith('chat.postMessage', { body: { ok: false, error: 'restricted_action' } });
    const view = await openedModal(globalShortcutBody(ADD_ARTICLE.globalShortcut));
    const text = 'Officials in Bishkek met a trade delegation on 1 July 2025.';
    const res = await slack.post(viewSubmissionBody(filled(view, { title: 'Trade talks in Bishkek', published: '2025-07-01', text })));
    expect(shown(res.json())).toMatch(/comes to you in a direct message/);
    const update = await slack.fake.waitForCall('views.update', { timeoutMs: 10_000 });
    expect(update.body.view_id).toBe('VMODAL');
    expect(shown(update.body.view)).toMatch(/could not be sent \(Slack answered `restricted_action`\).*in the knowledge base all the same/);
    const path = shown(update.body.view).match(/added\/[a-z0-9-]+\.md/)![0];
    expect(existsSync(join(dir, path))).toBe(true);
    rmSync(join(dir, path));
  });

  it('fills the modal from a link entered in it, for the editor to check', async () => {
    const view = await openedModal(globalShortcutBody(ADD_ARTICLE.globalShortcut));
    await slack.post(viewUrlInputBody(filled(view, { outlet: 'Typed outlet' }), ADD_ARTICLE.urlBlock, `${siteBase}/press/kvf.html`));
    const update = await slack.fake.waitForCall('views.update', { timeoutMs: 10_000 });
    const blocks = shown(update.body.view);
    expect(blocks).toContain('"initial_value":"Terrorist Designation of the Kharsan Valley Front"');
    expect(blocks).toContain('"initial_value":"2026-02-12"');
    expect(blocks).toContain('"initial_value":"https://state.example/terrorist-designation-of-the-kharsan-valley-front/"');
    expect(blocks).toContain('The Department of State is designating the Kharsan Valley Front as a Specially Designated Global Terrorist');
    // What the editor typed is kept.
    expect(blocks).toContain('"initial_value":"Typed outlet"');
  });

  it('says in the modal that a link could not be read, keeping what was typed, and never fetches a private address', async () => {
    const view = await openedModal(globalShortcutBody(ADD_ARTICLE.globalShortcut));
    await slack.post(viewUrlInputBody(filled(view, { title: 'My headline' }), ADD_ARTICLE.urlBlock, 'http://10.0.0.1/admin'));
    const update = await slack.fake.waitForCall('views.update', { timeoutMs: 10_000 });
    expect(shown(update.body.view)).toMatch(/The page could not be read \(10\.0\.0\.1 is a private address/);
    expect(shown(update.body.view)).toContain('"initial_value":"My headline"');
  });

  it("fills the modal from the full page of a message's link, not only its unfurl", async () => {
    const message = { text: `Worth adding: <${siteBase}/press/kvf.html>`, ts: nextMessageTs() };
    const view = await openedModal(messageShortcutBody(ADD_ARTICLE.messageShortcut, message));
    expect(shown(view.blocks)).not.toContain('designating the Kharsan Valley Front');
    const update = await slack.fake.waitForCall('views.update', { timeoutMs: 10_000 });
    expect(update.body).toMatchObject({ view_id: 'VMODAL' });
    expect(shown(update.body.view)).toContain('The Department of State is designating the Kharsan Valley Front');
  });

  it('writes two files for two articles of the same title, overwriting nothing', async () => {
    const files = addedFiles();
    for (const text of ['Tajikistan kept the Taliban on its list of banned groups in 2025.', 'Turkmenistan did not list the Taliban in 2025.']) {
      slack.fake.reset();
      const view = await openedModal(globalShortcutBody(ADD_ARTICLE.globalShortcut));
      expect((await slack.post(viewSubmissionBody(filled(view, { title: 'Central Asia and the Taliban', published: '2025', text })))).status).toBe(200);
    }
    const now = addedFiles();
    const fresh = now.filter((f) => !files.includes(f) && f.includes('central-asia'));
    expect(fresh).toEqual(['2025-central-asia-and-the-taliban-2.md', '2025-central-asia-and-the-taliban.md']);
    expect(readFileSync(join(dir, 'added', fresh[1]!), 'utf8')).toContain('Tajikistan kept');
    expect(readFileSync(join(dir, 'added', fresh[0]!), 'utf8')).toContain('Turkmenistan did not');
    expect(now).toContain(added);
  });

  it('lets the editor who added an article remove it, and nobody else', async () => {
    const path = `added/${added}`;
    await slack.post(
      blockActionsBody({ action_id: ADD_ARTICLE.removeAction, value: path, user_id: 'U2', channel_id: 'DU2', response_url: slack.fake.responseUrl('no') }),
    );
    expect((await slack.fake.waitForCall('response_url:no')).body.text).toMatch(/Only <@U1>, who added it, can remove it/);
    expect(existsSync(join(dir, path))).toBe(true);

    await slack.post(
      blockActionsBody({ action_id: ADD_ARTICLE.removeAction, value: path, user_id: 'U1', channel_id: 'DU1', response_url: slack.fake.responseUrl('yes') }),
    );
    expect((await slack.fake.waitForCall('response_url:yes')).body).toMatchObject({
      replace_original: true,
      text: expect.stringMatching(/^Removed “Mongolia drops Taliban from banned list”/),
    });
    expect(existsSync(join(dir, path))).toBe(false);
    expect((await store.added.get(path))?.removedAt).not.toBeNull();
    await expect.poll(() => live.current()!.article(path), { timeout: 3000 }).toBeUndefined();
    const answer = new AnswerCache().get(live.current()!, 'taliban');
    expect(shown(answer.status)).not.toMatch(/Mongolia/);

    // Added again, it takes the freed name and is recorded anew.
    slack.fake.reset();
    const again = await openedModal(messageShortcutBody(ADD_ARTICLE.messageShortcut, newspaperMessage));
    expect(shown((await slack.post(viewSubmissionBody(filled(again, { published: '2025-06-03' })))).json())).toMatch(/Added to the knowledge base as/);
    await slack.fake.waitForCall('chat.postMessage', { where: (c) => c.body.channel === 'U1', timeoutMs: 6000 });
    expect(existsSync(join(dir, path))).toBe(true);
    expect(await store.added.get(path)).toMatchObject({ userId: 'U1', removedAt: null });

    // A path that was not added from Slack is never touched.
    await slack.post(
      blockActionsBody({ action_id: ADD_ARTICLE.removeAction, value: 'articles/../entities.yml', user_id: 'U1', response_url: slack.fake.responseUrl('odd') }),
    );
    expect((await slack.fake.waitForCall('response_url:odd')).body.text).toMatch(/was not added from Slack/);
    expect(existsSync(join(dir, 'entities.yml'))).toBe(true);
  });
});
