import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { answerQuery } from '../src/answer/answer.js';
import type { Answer } from '../src/answer/types.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { LINK_THRESHOLD } from '../src/index/listLinks.js';
import { foldName, nameScore } from '../src/index/nameMatch.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { renderBlocks } from '../src/render/blocks.js';
import { ftmList, knowledgeFolder } from './support/listFolder.js';
import { SEED_DIR } from './support/seedKnowledge.js';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An article no one else wrote: the EU removes an organisation on a date, after listing it on another. */
const REMOVAL = `---
title: "EU drops the Grey Meridian Front from its terrorist list"
outlet: Test Wire
published: "2026-03-04"
---

The Council of the European Union removed the Grey Meridian Front from its terrorist list on 3 March 2026, ending a listing that began in 2019.

The EU had listed the group on 12 June 2019 after a bombing in Ghent.
`;
const ENTITIES = '- name: Grey Meridian Front\n  kind: organisation\n  aliases: [GMF]\n';
const EU = 'Council of the European Union';

async function answer(files: Record<string, string>, query = 'grey meridian front'): Promise<Answer> {
  const dir = knowledgeFolder(files);
  folders.push(dir);
  return answerQuery(KnowledgeBase.fromKnowledge(await loadKnowledge(dir)), query);
}
const sourceOf = (a: Answer, id: number) => a.sources.find((s) => s.id === id)!;

describe('names match across spellings, with a score and a threshold', () => {
  it('links names that differ in case, diacritics, punctuation, word order, the Arabic article or transliterated vowels', () => {
    for (const [a, b] of [
      ['Jaish-e-Mohammed', 'JAISH-I-MOHAMMED'],
      ['Hizbul Mujahideen', 'HIZB UL-MUJAHIDIN'],
      ['Ansar al-Sharīʿa', 'ANSAR AL SHARIA'],
      ['Haqqani Network', 'NETWORK, HAQQANI'],
      ["Jama'at al-Tawhid", 'Jamaat Tawheed'],
    ] as const)
      expect(nameScore(foldName(a), foldName(b)), `${a} / ${b}`).toBeGreaterThanOrEqual(LINK_THRESHOLD);
  });

  it('keeps near misses below it: a longer name, another organisation, a short word spelt alike', () => {
    for (const [a, b] of [
      ['Haqqani Network', 'Haqqani Network Financial Committee'],
      ['Ansar al-Sharia', 'Ansar al-Sharia in Libya'],
      ['Al-Nur', 'Al-Nar'],
      ['Hamas', 'Hums'],
      ['Jaish-e-Mohammed', 'Jaish al-Adl'],
    ] as const)
      expect(nameScore(foldName(a), foldName(b)), `${a} / ${b}`).toBeLessThan(LINK_THRESHOLD);
  });
});

describe('an answer shows the official list beside the news', () => {
  it('puts the list line first, marked as the list, with its entry, its dates and the list file’s date', async () => {
    const a = await answer({
      'entities.yml': ENTITIES,
      'articles/eu.md': REMOVAL,
      'lists/eu.ftm.json': ftmList(EU, '2026-02-01T08:00:00', [{ id: 'eu-gmf', name: 'Grey Meridian Front (GMF)', listingDate: '2019-06-12' }]),
    });
    expect(a.status.map((s) => [s.source, s.authority, s.state, s.date])).toEqual([
      ['list', 'European Union', 'listed', '2019-06-12'],
      ['news', 'European Union', 'removed', '2026-03-03'],
    ]);
    const [list] = a.status;
    expect(list!.entry).toMatchObject({ ref: 'eu-gmf', listedOn: '2019-06-12', listDate: '2026-02-01', datedBy: 'content', confirmed: false });
    expect(sourceOf(a, list!.citations[0]!)).toMatchObject({ kind: 'list', path: 'lists/eu.ftm.json', published: '2026-02-01' });
    expect(sourceOf(a, a.status[1]!.citations[0]!)).toMatchObject({ kind: 'news', path: 'articles/eu.md' });
    // The list predates the removal: it is behind, not in disagreement.
    expect(a.conflicts).toEqual([]);
    // In Slack too the list line comes first, marked, with the list's entry and date.
    const status = renderBlocks(a)
      .blocks.map((b) => (b.type === 'section' ? (b.text?.text ?? '') : ''))
      .find((text) => text.startsWith('*Status*'))!;
    expect(status.split('\n').slice(1)).toEqual([
      expect.stringMatching(/^• :scroll: _Official list_ · \*European Union\* on Grey Meridian Front: listed, 2019-06-12 <https:[^|]+\|\[2\]>$/),
      '      OpenSanctions: test_list, entry eu-gmf "Grey Meridian Front (GMF)"; list of 2026-02-01',
      '• *European Union* on Grey Meridian Front: removed, 2026-03-03 [1]',
    ]);
  });

  it('reports a conflict where a list dated after a removal the news reports still lists the entity, citing both', async () => {
    const a = await answer({
      'entities.yml': ENTITIES,
      'articles/eu.md': REMOVAL,
      'lists/eu.ftm.json': ftmList(EU, '2026-05-01T08:00:00', [{ id: 'eu-gmf', name: 'Grey Meridian Front', listingDate: '2019-06-12' }]),
    });
    expect(a.conflicts).toHaveLength(1);
    const [conflict] = a.conflicts;
    expect(conflict!.about).toBe('Whether European Union lists Grey Meridian Front');
    expect(conflict!.values.map((v) => [v.value, v.citations.map((id) => sourceOf(a, id).kind)])).toEqual([
      ['listed in the OpenSanctions: test_list of 2026-05-01 (eu-gmf)', ['list']],
      ['removed on 2026-03-03 in the news', ['news']],
    ]);
  });

  it('no conflict where the list shows the removal the news reports', async () => {
    const a = await answer({
      'entities.yml': ENTITIES,
      'articles/eu.md': REMOVAL,
      'lists/eu.ftm.json': ftmList(EU, '2026-05-01T08:00:00', [
        { id: 'eu-gmf', name: 'Grey Meridian Front', listingDate: '2019-06-12', endDate: '2026-03-03' },
      ]),
    });
    expect(a.status.map((s) => [s.source, s.state, s.date])).toEqual([
      ['list', 'removed', '2026-03-03'],
      ['news', 'removed', '2026-03-03'],
    ]);
    expect(a.conflicts).toEqual([]);
  });

  it('reports a listing date that no news report supports, and not one the news gives less precisely', async () => {
    const listedOn = (date: string) =>
      answer({
        'entities.yml': ENTITIES,
        'articles/eu.md': REMOVAL,
        'lists/eu.ftm.json': ftmList(EU, '2026-01-10T08:00:00', [{ id: 'eu-gmf', name: 'Grey Meridian Front', listingDate: date }]),
      });
    const late = await listedOn('2019-06-19');
    expect(late.conflicts.map((c) => [c.about, c.values.map((v) => v.value)])).toEqual([
      ['Date European Union listed Grey Meridian Front (eu-gmf)', ['2019-06-19 in the OpenSanctions: test_list', '2019-06-12 in the news']],
    ]);
    expect((await listedOn('2019-06')).conflicts).toEqual([]);
  });

  it('shows a near miss only as a candidate, never as a status; an editor confirms it with list_ids or rejects a match with not_list_ids', async () => {
    const files = (entities: string) => ({
      'entities.yml': entities,
      'articles/eu.md': REMOVAL,
      'lists/eu.ftm.json': ftmList(EU, '2026-05-01T08:00:00', [
        { id: 'eu-gmfn', name: 'Grey Meridian Front of the North', listingDate: '2019-06-12' },
        { id: 'eu-person', name: 'Grey Meridian Front', schema: 'Person', listingDate: '2020-01-01' },
      ]),
    });
    const near = await answer(files(ENTITIES));
    expect(near.status.map((s) => s.source)).toEqual(['news']);
    expect(near.candidates).toEqual([
      {
        entity: 'Grey Meridian Front',
        list: 'OpenSanctions: test_list',
        ref: 'eu-gmfn',
        name: 'Grey Meridian Front of the North',
        score: 0.86,
        citations: [2],
      },
    ]);
    // A person of the same name is not the organisation.
    expect(near.candidates.map((c) => c.ref)).not.toContain('eu-person');

    const confirmed = await answer(files(`${ENTITIES}  list_ids: [eu-gmfn]\n`));
    expect(confirmed.status.map((s) => [s.source, s.entry?.ref, s.entry?.confirmed])).toEqual([
      ['list', 'eu-gmfn', true],
      ['news', undefined, undefined],
    ]);
    expect(confirmed.candidates).toEqual([]);

    const exact = ftmList(EU, '2026-05-01T08:00:00', [{ id: 'eu-gmf', name: 'Grey Meridian Front', listingDate: '2019-06-12' }]);
    const rejected = await answer({ 'entities.yml': `${ENTITIES}  not_list_ids: [eu-gmf]\n`, 'articles/eu.md': REMOVAL, 'lists/eu.ftm.json': exact });
    expect(rejected.status.map((s) => s.source)).toEqual(['news']);
    expect(rejected.conflicts).toEqual([]);
  });
});

describe('the seeds with the fixture lists', () => {
  function seedsWith(fixtures: Record<string, string>): string {
    const dir = knowledgeFolder({}, fixtures);
    folders.push(dir);
    cpSync(SEED_DIR, dir, { recursive: true });
    return dir;
  }
  const ask = (dir: string, ...args: string[]) =>
    execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--knowledge', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  it('`ask taliban` shows the UN list line, marked, just before the news line for the UN; and the conflict of a list that still lists what the news says was removed', () => {
    const text = ask(seedsWith({ 'lists/un': 'un', 'lists/os': 'opensanctions' }), 'taliban');
    const status = text.slice(text.indexOf('\nStatus\n'), text.indexOf('\nTimeline\n')).split('\n');
    const un = status.findIndex((l) => l.includes('[official list] Taliban / United Nations Security Council: listed, 1999-10-15'));
    expect(un).toBeGreaterThan(0);
    expect(status[un + 1]).toMatch(/UN Security Council Consolidated List, entry TAe\.901 "TALIBAN"; list of 2026-11-28/);
    expect(status[un + 2]).toMatch(/^ {2}Taliban \/ United Nations Security Council: listed \[\d\]$/);
    expect(text).toMatch(
      /Whether Russia lists Taliban: listed in the OpenSanctions: ru_fsb_terrorists of 2025-06-02 \(ru-fsb-taliban\) \[\d\]; removed on 2025-04-17 in the news \[1\]/,
    );
  });

  it('gives the JSON contract: source on every status item, kind on every source, candidates', () => {
    const answer = JSON.parse(ask(seedsWith({ 'lists/un': 'un' }), '--format', 'json', 'mujahideen')) as Answer;
    expect(answer.status.every((s) => s.source === 'news')).toBe(true);
    expect(answer.candidates).toEqual([expect.objectContaining({ entity: 'Mujahideen', ref: 'QDe.902', score: 0.5 })]);
    expect(new Set(answer.sources.map((s) => s.kind))).toEqual(new Set(['news', 'list']));
  });
});
