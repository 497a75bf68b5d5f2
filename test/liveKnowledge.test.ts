import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerQuery } from '../src/answer/answer.js';
import { digestFor } from '../src/digest/sendDue.js';
import { LedgerRecorder } from '../src/digest/ledgerRecorder.js';
import { LiveKnowledge, type KnowledgeUpdate } from '../src/index/liveKnowledge.js';
import { SEED_DIR } from './support/seedKnowledge.js';
import { startSlackApp, type RunningApp } from './support/slackAppHarness.js';
import { slashCommandBody } from './support/slackRequests.js';
import { tempStore, type TempStore } from './support/tempStore.js';

const NEW_ARTICLE = `---
title: "Kyrgyzstan confirms the Taliban are off its list"
outlet: Test Wire
url: https://example.test/kyrgyzstan
published: "2026-11-13"
---

Kyrgyzstan removed the Taliban from its list of banned organisations on 12 November 2026, the foreign ministry said.

The ruling follows a request by the prosecutor's office earlier this year.
`;

let dir: string;
let live: LiveKnowledge;
let updates: KnowledgeUpdate[];
let store: TempStore;
let slack: RunningApp;
let waiting: ((u: KnowledgeUpdate) => void)[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'designation-kb-'));
  cpSync(SEED_DIR, dir, { recursive: true });
  store = await tempStore();
  const ledger = new LedgerRecorder(store);
  updates = [];
  waiting = [];
  live = new LiveKnowledge(dir, {
    debounceMs: 50,
    // As src/main.ts records versions; an update is reported once they are in the ledger.
    onUpdate: (update) =>
      void ledger.record(update.kb, update.upserted).then(() => {
        updates.push(update);
        for (const resolve of waiting.splice(0)) resolve(update);
      }),
  });
  await live.load();
  await live.watch();
  slack = await startSlackApp(() => live.current(), { store });
});
afterEach(async () => {
  await live.close();
  await slack.stop();
  await store.remove();
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves with the next update the watcher applies. */
function nextUpdate(): Promise<KnowledgeUpdate> {
  return new Promise((resolve) => waiting.push(resolve));
}

async function ask(text: string): Promise<string> {
  const res = await slack.post(slashCommandBody({ text, response_url: slack.fake.responseUrl('q') }));
  return JSON.stringify(res.json());
}

describe('a knowledge folder that changes while the bot runs', () => {
  it('answers from an article added while running, and puts it in the next digest', async () => {
    expect(await ask('kyrgyzstan')).not.toMatch(/12 November 2026/);
    const before = new Date().toISOString();
    const update = nextUpdate();
    writeFileSync(join(dir, 'articles', '2026-11-13-kyrgyzstan.md'), NEW_ARTICLE);
    expect(await update).toMatchObject({ full: false, removed: [], problems: [] });
    expect((await update).upserted.map((a) => a.path)).toEqual(['articles/2026-11-13-kyrgyzstan.md']);

    const answer = await ask('kyrgyzstan');
    expect(answer).toMatch(/\*Kyrgyzstan\* on Taliban: removed, 2026-11-12/);
    const digest = await digestFor(live.current()!, store, { since: before, until: new Date().toISOString() }, []);
    const titleOf = (id: number) => digest.sources.find((s) => s.id === id)!.title;
    expect(digest.articles.map((a) => [titleOf(a.source), a.kind])).toEqual([['Kyrgyzstan confirms the Taliban are off its list', 'new']]);
    // An older article said Kyrgyzstan had removed them, undated: the news is the date.
    expect(digest.statusChanges.map((c) => [c.line.authority, c.line.state, c.line.date, c.before])).toEqual([
      ['Kyrgyzstan', 'removed', '2026-11-12', { state: 'removed', date: null }],
    ]);
  });

  it('reads the articles of a folder that arrives with them already inside', async () => {
    const update = nextUpdate();
    const folder = mkdtempSync(join(tmpdir(), 'designation-batch-'));
    writeFileSync(
      join(folder, 'a.md'),
      '---\ntitle: Batch one\npublished: 2026-10\n---\nArmenia listed the Grey Wolves movement as a terrorist organisation in October 2026.\n',
    );
    writeFileSync(join(folder, 'b.txt'), 'Georgia removed the Grey Wolves movement from its list of banned groups in 2026.\n');
    cpSync(folder, join(dir, 'batch'), { recursive: true });
    rmSync(folder, { recursive: true, force: true });
    const seen = new Set<string>();
    while (seen.size < 2) for (const a of (await (seen.size === 0 ? update : nextUpdate())).upserted) seen.add(a.path);
    expect([...seen].sort()).toEqual(['batch/a.md', 'batch/b.txt']);
    expect(await ask('grey wolves')).toMatch(/\*Armenia\* on Grey Wolves/);
  });

  it('reports a broken file by name, skips it, and keeps answering as before', async () => {
    const before = answerQuery(live.current()!, 'taliban');
    const update = nextUpdate();
    writeFileSync(join(dir, 'articles', 'broken.md'), '---\ntitle: [unclosed\npublished: 2026-13-45\n---\nText.\n');
    const { problems } = await update;
    expect(problems).toMatchObject([{ path: 'articles/broken.md', severity: 'skipped' }]);
    expect(live.current()!.problems.map((p) => p.path)).toEqual(['articles/broken.md']);
    expect(answerQuery(live.current()!, 'taliban')).toEqual(before);
    expect(await ask('taliban')).toMatch(/\*Russia\* on Taliban: removed, 2025-04-17/);
  });

  it('keeps the last good version of an article whose edit cannot be read, and takes the fixed one', async () => {
    const path = 'articles/2025-03-prosecutor-general-asks-russias-supreme-court-to-lift-the-taliban-ban.md';
    const good = readFileSync(join(dir, path), 'utf8');
    let update = nextUpdate();
    writeFileSync(join(dir, path), good.replace('published: "2025-03"', 'published: "March-ish"'));
    expect((await update).problems).toMatchObject([{ path, severity: 'skipped' }]);
    expect(await ask('who asked the Supreme Court to lift the ban?')).toMatch(/Prosecutor General/);

    update = nextUpdate();
    writeFileSync(join(dir, path), good.replace('Previously, Russia’s Ministry', 'Previously, the Ministry'));
    expect((await update).upserted.map((a) => a.path)).toEqual([path]);
    expect(live.current()!.problems).toEqual([]);
    expect(await ask('who asked the Supreme Court to lift the ban?')).toMatch(/Previously, the Ministry/);
  });

  it('forgets a deleted article', async () => {
    const path = 'articles/2025-04-17-russias-supreme-court-removes-taliban-from-list-of-terrorist-organisations.md';
    const update = nextUpdate();
    unlinkSync(join(dir, path));
    expect((await update).removed).toEqual([path]);
    expect(await ask('taliban')).not.toMatch(/Oleg Nefedov/);
  });

  it('re-reads everything when entities.yml changes, so a new alias finds its entity', async () => {
    expect(answerQuery(live.current()!, 'talibs').subjects).toEqual([]);
    const update = nextUpdate();
    const entities = readFileSync(join(dir, 'entities.yml'), 'utf8');
    writeFileSync(join(dir, 'entities.yml'), entities.replace('aliases: [Taliban movement,', 'aliases: [Talibs, Taliban movement,'));
    const { kb, full } = await update;
    expect(full).toBe(true);
    expect(kb).toBe(live.current());
    expect(await ask('talibs')).toMatch(/\*Russia\* on Taliban: removed, 2025-04-17/);
  });

  it('keeps serving with the old entities when an edit makes entities.yml unreadable', async () => {
    const before = answerQuery(live.current()!, 'taliban');
    const update = nextUpdate();
    writeFileSync(join(dir, 'entities.yml'), '- name: [unclosed\n');
    expect((await update).problems).toMatchObject([{ path: 'entities.yml', severity: 'skipped' }]);
    expect(answerQuery(live.current()!, 'taliban')).toEqual(before);
    expect(live.current()!.problems.map((p) => p.path)).toEqual(['entities.yml']);
  });

  it('announces only what an edit added to an old article, not the news it already carried', async () => {
    const path = 'articles/2025-04-17-russias-supreme-court-removes-taliban-from-list-of-terrorist-organisations.md';
    const before = new Date().toISOString();
    const update = nextUpdate();
    appendFileSync(join(dir, path), '\nUpdate: Kyrgyzstan followed suit and removed the Taliban from its list on 14 November 2026.\n');
    await update;
    const digest = await digestFor(live.current()!, store, { since: before, until: new Date().toISOString() }, []);
    expect(digest.articles.map((a) => a.kind)).toEqual(['updated']);
    expect(digest.events.map((e) => e.date)).toEqual(['2026-11-14']);
    expect(digest.statusChanges.map((c) => [c.line.authority, c.line.date])).toEqual([['Kyrgyzstan', '2026-11-14']]);
  });
});
