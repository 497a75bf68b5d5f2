import { appendFileSync, cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerRecorder } from '../src/digest/ledgerRecorder.js';
import { digestFor } from '../src/digest/sendDue.js';
import { articleVersions } from '../src/digest/versions.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { LiveKnowledge, type KnowledgeUpdate } from '../src/index/liveKnowledge.js';
import { loadListFile } from '../src/knowledge/lists/loadLists.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { renderDigestBlocks } from '../src/render/digestBlocks.js';
import { renderDigestText } from '../src/render/digestText.js';
import { knowledgeFolder, LIST_FIXTURES } from './support/listFolder.js';
import { SEED_DIR } from './support/seedKnowledge.js';
import { DATABASES, tempStore, type TempStore } from './support/tempStore.js';

const LIST = 'lists/un/consolidated.xml';
const FIRST = new Date('2026-11-28T06:00:00Z');
const SECOND = new Date('2026-12-01T06:00:00Z');
const WINDOW = { since: '2026-11-30T00:00:00.000Z', until: '2026-12-01T12:00:00.000Z' };

for (const database of DATABASES) {
  describe.skipIf(database.skip)(`digests of list changes on ${database.name}`, () => {
    let dir: string;
    let store: TempStore;
    let kb: KnowledgeBase;

    beforeEach(async () => {
      dir = knowledgeFolder({}, { 'lists/un': 'un' });
      cpSync(SEED_DIR, dir, { recursive: true });
      appendFileSync(join(dir, 'entities.yml'), '\n- name: Al-Qaida\n  kind: organisation\n  aliases: [Al-Qaeda]\n');
      store = await tempStore(database.kind);
      kb = KnowledgeBase.fromKnowledge(await loadKnowledge(dir));
      await store.listVersions.record(kb.lists, FIRST);
      // The articles were there before: only the list is new.
      await store.ledger.record(articleVersions(kb, kb.articles), FIRST);
    });
    afterEach(async () => {
      await store.remove();
      rmSync(dir, { recursive: true, force: true });
    });

    /** The newer fixture replaces the older file, and is read and recorded as the bot does. */
    async function replaceList(at: Date): Promise<void> {
      cpSync(join(LIST_FIXTURES, 'un-next/consolidated.xml'), join(dir, LIST));
      const { lists } = await loadListFile(dir, LIST);
      kb.setFileLists(LIST, lists!);
      await store.listVersions.record(lists!, at);
    }
    const changes = async (topics: string[], window = WINDOW) =>
      (await digestFor(kb, store, window, topics)).listChanges.map((c) => [c.ref, c.change, c.entity, c.details]);

    it("reports, for the channel's topics, the entries a newer list removed or changed", async () => {
      await replaceList(SECOND);
      expect(await changes(['taliban'])).toEqual([['TAe.901', 'removed', 'Taliban', []]]);
      expect(await changes(['alqaida'])).toEqual([['QDe.004', 'changed', 'Al-Qaida', ["names added: Qa'idat al-Jihad"]]]);
      expect(await changes(['islamicstatekhorasanprovince'])).toEqual([
        ['QDe.161', 'changed', 'Islamic State – Khorasan Province', ['listing date 2019-05-14 → 2019-05-15']],
      ]);
    });

    it('compares a newer copy downloaded beside the older one with it, and answers from the newer only', async () => {
      const copy = 'lists/un/consolidated (1).xml';
      cpSync(join(LIST_FIXTURES, 'un-next/consolidated.xml'), join(dir, copy));
      const { lists } = await loadListFile(dir, copy);
      kb.setFileLists(copy, lists!);
      await store.listVersions.record(lists!, SECOND);
      expect(kb.lists.map((l) => l.path)).toEqual([copy]);
      expect(await changes(['taliban'])).toEqual([['TAe.901', 'removed', 'Taliban', []]]);
    });

    it('reports every change, an entry of no known entity too, without topics or for the authority keeping the list', async () => {
      await replaceList(SECOND);
      const all = [
        ['QDe.004', 'changed', 'Al-Qaida', ["names added: Qa'idat al-Jihad"]],
        ['QDe.161', 'changed', 'Islamic State – Khorasan Province', ['listing date 2019-05-14 → 2019-05-15']],
        ['QDe.903', 'added', null, []],
        ['TAe.901', 'removed', 'Taliban', []],
      ];
      expect(await changes([])).toEqual(all);
      expect(await changes(['unitednationssecuritycouncil'])).toEqual(all);
      const digest = await digestFor(kb, store, WINDOW, ['taliban']);
      const text = renderDigestText(digest);
      expect(digest.statusChanges).toEqual([]);
      expect(text).toMatch(/Official list changes\n {2}UN Security Council Consolidated List: TAe\.901 "TALIBAN" \(Taliban\) removed \[1\]/);
      expect(text).toMatch(/\[1\] UN Security Council Consolidated List \(official list, 2026-12-01\)/);
      expect(JSON.stringify(renderDigestBlocks(digest, { timeZone: 'UTC', label: 'Daily digest' }))).toMatch(/Official list changes.*TAe\.901/);
    });

    it('reports nothing for a window the newer list arrived after, nor for a list read for the first time', async () => {
      await replaceList(SECOND);
      expect(await changes([], { since: '2026-11-28T12:00:00.000Z', until: '2026-11-30T00:00:00.000Z' })).toEqual([]);
      const fresh = await tempStore(database.kind);
      try {
        await fresh.listVersions.record(kb.lists, SECOND);
        expect((await digestFor(kb, fresh, WINDOW, [])).listChanges).toEqual([]);
      } finally {
        await fresh.remove();
      }
    });
  });
}

describe('a list replaced while the bot runs reaches the next digest', () => {
  let dir: string;
  let store: TempStore;
  let live: LiveKnowledge;
  afterEach(async () => {
    await live.close();
    await store.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the newer file, records it, and the digest reports what it changed', async () => {
    dir = knowledgeFolder({}, { 'lists/un': 'un' });
    cpSync(SEED_DIR, dir, { recursive: true });
    store = await tempStore();
    const ledger = new LedgerRecorder(store);
    const updates: KnowledgeUpdate[] = [];
    let arrived: (u: KnowledgeUpdate) => void = () => {};
    live = new LiveKnowledge(dir, {
      debounceMs: 50,
      onUpdate: (update) =>
        void ledger.record(update.kb, update.upserted, update.lists).then(() => {
          updates.push(update);
          arrived(update);
        }),
    });
    await live.load();
    await live.watch();
    await until(() => updates.length === 1);
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const next = new Promise<KnowledgeUpdate>((resolve) => (arrived = resolve));
    cpSync(join(LIST_FIXTURES, 'un-next/consolidated.xml'), join(dir, LIST));
    const update = await next;
    expect(update.lists.map((l) => [l.path, l.date])).toEqual([[LIST, '2026-12-01']]);
    const digest = await digestFor(live.current()!, store, { since, until: new Date().toISOString() }, ['taliban']);
    expect(digest.listChanges.map((c) => [c.ref, c.change])).toEqual([['TAe.901', 'removed']]);
  });
});

async function until(test: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !test(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(test()).toBe(true);
}
