import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { answerQuery } from '../src/answer/answer.js';
import type { Answer } from '../src/answer/types.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { LINK_THRESHOLD, ListLinks } from '../src/index/listLinks.js';
import { buildListStatus } from '../src/answer/listStatus.js';
import { SourceRegistry } from '../src/answer/sources.js';
import type { DesignationList, ListEntry } from '../src/knowledge/lists/types.js';
import type { Entity } from '../src/knowledge/types.js';
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
      '      OpenSanctions: test_list, entry eu-gmf "Grey Meridian Front (GMF)" (Test programme); list of 2026-02-01',
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
      ['listed in the OpenSanctions: test_list of 2026-05-01 (eu-gmf, Test programme)', ['list']],
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

describe('links a user can trust', () => {
  const links = (entity: Partial<Entity> & { name: string }, entries: { ref: string; names: string[]; kind?: ListEntry['kind'] }[]) => {
    const list: DesignationList = {
      path: 'lists/t.json',
      file: 'lists/t.json',
      source: 'opensanctions-ftm test',
      format: 'opensanctions-ftm',
      title: 'Test list',
      date: '2026-01-01',
      datedBy: 'content',
      url: '',
      hash: '',
      entries: entries.map((e) => ({ kind: 'organisation', authority: 'Test', programs: [], listedOn: null, endedOn: null, ended: false, url: null, ...e })),
    };
    const e: Entity = { id: 'x', kind: 'organisation', aliases: [], partOf: null, ...entity };
    const found = new ListLinks([list], [e]);
    return { linked: found.linksOf('x').map((m) => m.entry.ref), candidates: found.candidatesOf('x').map((m) => m.entry.ref) };
  };

  it("compares people's names in order, with a list's SURNAME, Given read as Given SURNAME, and without vowels that make another name", () => {
    const person = { name: 'Ali Mohammed Rahimi', kind: 'person' as const };
    expect(links(person, [{ ref: 'p1', names: ['MOHAMMED ALI RAHIMI'], kind: 'person' }]).linked).toEqual([]);
    expect(links(person, [{ ref: 'p2', names: ['RAHIMI, Ali Muhammad'], kind: 'person' }]).linked).toEqual(['p2']);
    expect(links({ name: 'Hassan Nasrallah', kind: 'person' }, [{ ref: 'p3', names: ['NASRALLAH, Hussein'], kind: 'person' }]).linked).toEqual([]);
  });

  it('never links by an acronym in brackets alone, and links neither of two entries that both pass', () => {
    expect(links({ name: 'Grey Meridian Front', aliases: ['GMF'] }, [{ ref: 'o1', names: ['Global Media Foundation (GMF)'] }])).toEqual({
      linked: [],
      candidates: ['o1'],
    });
    const both = links({ name: 'Grey Meridian Front' }, [
      { ref: 'o2', names: ['GREY MERIDIAN FRONT'] },
      { ref: 'o3', names: ['Grey Meridian Front'] },
    ]);
    expect(both.linked).toEqual([]);
    expect(both.candidates).toHaveLength(1);
  });

  it('raises no conflict of state from a list dated only by its file, which may be an old list copied today', async () => {
    const a = await answer({
      'entities.yml': ENTITIES,
      'articles/us.md':
        '---\ntitle: US drops the front\npublished: "2025-03-04"\n---\n\nThe United States removed the Grey Meridian Front from its terrorist list on 3 March 2025.\n',
      'lists/ofac/sdn.csv': '7001,"GREY MERIDIAN FRONT",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n',
    });
    expect(a.status.map((s) => [s.source, s.authority, s.state])).toEqual([
      ['list', 'United States', 'listed'],
      ['news', 'United States', 'removed'],
    ]);
    expect(a.status[0]!.entry).toMatchObject({ datedBy: 'file', programs: ['SDGT'] });
    expect(a.conflicts).toEqual([]);
  });

  it('keeps an organisation asked about whole when an authority is asked beside it, in either order', async () => {
    const dir = knowledgeFolder({
      'entities.yml': ENTITIES,
      'articles/eu.md': REMOVAL,
      'lists/eu.ftm.json': ftmList(EU, '2026-05-01T08:00:00', [{ id: 'eu-gmf', name: 'Grey Meridian Front', listingDate: '2019-06-12' }], 'eu_test'),
      'lists/uk.ftm.json': ftmList('Home Office', '2026-05-01T08:00:00', [{ id: 'uk-gmf', name: 'Grey Meridian Front', listingDate: '2020-01-10' }], 'gb_test'),
    });
    folders.push(dir);
    const kb = KnowledgeBase.fromKnowledge(await loadKnowledge(dir));
    const refs = (subjects: string[]) => buildListStatus(kb, subjects, new SourceRegistry()).status.map((l) => l.entry!.ref);
    expect(refs(['greymeridianfront', 'europeanunion'])).toEqual(['eu-gmf', 'uk-gmf']);
    expect(refs(['europeanunion', 'greymeridianfront'])).toEqual(['eu-gmf', 'uk-gmf']);
    expect(refs(['europeanunion'])).toEqual(['eu-gmf']);
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
    expect(status[un + 1]).toMatch(/UN Security Council Consolidated List, entry TAe\.901 "TALIBAN" \(1988\); list of 2026-11-28/);
    expect(status[un + 2]).toMatch(/^ {2}Taliban \/ United Nations Security Council: listed \[\d\]$/);
    expect(text).toMatch(
      /Whether Russia lists Taliban: listed in the OpenSanctions: ru_fsb_terrorists of 2025-06-02 \(ru-fsb-taliban, Unified federal list of organisations recognised as terrorist\) \[\d\]; removed on 2025-04-17 in the news \[1\]/,
    );
  });

  it('gives the JSON contract: source on every status item, kind on every source, candidates', () => {
    const dir = seedsWith({ 'lists/un': 'un' });
    const taliban = JSON.parse(ask(dir, '--format', 'json', 'taliban')) as Answer;
    expect(taliban.status.map((s) => `${s.source} ${s.authority}`)).toContain('list United Nations Security Council');
    expect(taliban.status.filter((s) => s.source === 'news').map((s) => s.entry)).toEqual(
      taliban.status.filter((s) => s.source === 'news').map(() => undefined),
    );
    expect(new Set(taliban.sources.map((s) => s.kind))).toEqual(new Set(['news', 'list']));
    const near = JSON.parse(ask(dir, '--format', 'json', 'mujahideen')) as Answer;
    expect(near.status.filter((s) => s.source === 'list')).toEqual([]);
    expect(near.candidates).toEqual([expect.objectContaining({ entity: 'Mujahideen', ref: 'QDe.902', score: 0.5 })]);
  });
});

describe('OpenSanctions collections, bodies and copies', () => {
  /** The seeds with the given list fixtures, as a knowledge base; and its problems. */
  async function seedsWithLists(fixtures: Record<string, string>, files: Record<string, string> = {}): Promise<KnowledgeBase> {
    const dir = knowledgeFolder(files, fixtures);
    folders.push(dir);
    cpSync(SEED_DIR, dir, { recursive: true });
    return KnowledgeBase.fromKnowledge(await loadKnowledge(dir));
  }
  /** The Taliban's status lines as a user reads them: source, authority, state, date, and the list's entry. */
  const talibanLines = (kb: KnowledgeBase) =>
    answerQuery(kb, 'taliban').status.map((l) => [l.source, l.authority, l.state, l.date, l.entry ? `${l.entry.list} ${l.entry.ref}` : l.text.slice(0, 40)]);

  it('reads a collection as one list per dataset: a line per authority, named as the news names it, beside its news line', async () => {
    const kb = await seedsWithLists({ 'lists/os': 'opensanctions-collection' });
    expect(kb.lists.map((l) => l.title).sort()).toEqual([
      'OpenSanctions: eu_fsf',
      'OpenSanctions: gb_fcdo_sanctions',
      'OpenSanctions: kz_afmrk_sanctions',
      'OpenSanctions: ru_nak_terrorists',
      'OpenSanctions: un_sc_sanctions',
      'OpenSanctions: us_ofac_sdn',
      'OpenSanctions: xx_interior_list',
    ]);
    const lines = talibanLines(kb);
    const official = lines.filter(([source]) => source === 'list');
    // Bodies as OpenSanctions names them (a UN committee, DG FISMA with its non-breaking hyphen, the FCDO with "UK"), as the news names their authority.
    expect(official.map(([, authority, state, date]) => [authority, state, date])).toEqual([
      ['Russia', 'removed', '2025-04-17'],
      ['Kazakhstan', 'listed', '2005-03-15'],
      ['United Nations Security Council', 'listed', '2001-01-25'],
      ['European Union', 'listed', '2002-03-08'],
      ['United Kingdom', 'listed', '2020-12-31'],
      ['United States', 'listed', '2002-07-02'],
    ]);
    // Each list line stands just before the news line of its authority.
    for (const authority of ['Russia', 'Kazakhstan', 'United Nations Security Council']) {
      const at = lines.findIndex(([source, a]) => source === 'list' && a === authority);
      expect(lines[at + 1]!.slice(0, 2)).toEqual(['news', authority]);
    }
  });

  it('takes the earliest of several listing dates, makes an ended sanction a removal, and keeps what OpenSanctions says of each', async () => {
    const kb = await seedsWithLists({ 'lists/os': 'opensanctions-collection' });
    const entry = (dataset: string) => kb.lists.find((l) => l.title.endsWith(dataset))!.entries[0]!;
    expect(entry('eu_fsf')).toMatchObject({ listedOn: '2002-03-08', provenance: { listingDates: ['2002-03-08', '2011-11-30'] } });
    expect(entry('ru_nak_terrorists')).toMatchObject({ ended: true, endedOn: '2025-04-17', authority: 'Russia' });
    expect(entry('gb_fcdo_sanctions').provenance).toMatchObject({
      bodies: ['Foreign, Commonwealth & Development Office', 'UK'],
      target: {
        referents: expect.arrayContaining(['gb-fcdo-AFG0001']),
        datasets: expect.arrayContaining(['gb_fcdo_sanctions', 'un_sc_sanctions']),
        firstSeen: '2021-09-01T00:00:00',
        lastChange: '2026-03-02T10:00:00',
      },
    });
    expect(kb.lists.every((l) => l.date === '2026-11-30' && l.datedBy === 'content')).toBe(true);
    // A body nothing resolves keeps its own name, and is reported once.
    expect(entry('xx_interior_list').authority).toBe('Ministry of the Interior of the Republic of Atlantis');
    expect(kb.problems.filter((p) => p.message.includes('no authority is known for'))).toEqual([
      expect.objectContaining({ path: 'lists/os/default.ftm.json', message: expect.stringMatching(/: Ministry of the Interior of the Republic of Atlantis$/) }),
    ]);
  });

  it('finds the conflict of a later list that still lists what the news says was removed', async () => {
    const conflicts = answerQuery(await seedsWithLists({ 'lists/os': 'opensanctions-collection' }), 'taliban').conflicts.map((c) => c.about);
    expect(conflicts).toContain('Whether Kazakhstan lists Taliban');
    // Russia's list ended the sanction on the day the news says the court removed it: no conflict.
    expect(conflicts).not.toContain('Whether Russia lists Taliban');
  });

  it('takes a country or dataset named like a property of every object for an unknown one', async () => {
    const hostile = [
      { id: 'NK-x', schema: 'Organization', properties: { name: ['Taliban'] }, datasets: ['__proto__'] },
      { id: 's-x', schema: 'Sanction', properties: { entity: ['NK-x'], country: ['constructor'], listingDate: ['2020-01-01'] }, datasets: ['__proto__'] },
    ];
    const kb = await seedsWithLists({}, { 'lists/odd.ftm.json': hostile.map((l) => JSON.stringify(l)).join('\n') });
    expect(kb.lists[0]!.entries[0]!.authority).toBe('__proto__');
    expect(() => answerQuery(kb, 'taliban')).not.toThrow();
  });

  it('gives the same lines from the per-dataset files as from the collection', async () => {
    const collection = await seedsWithLists({ 'lists/os': 'opensanctions-collection' });
    const datasets = await seedsWithLists({ 'lists/os': 'opensanctions-datasets' });
    expect(datasets.lists).toHaveLength(collection.lists.length);
    expect(talibanLines(datasets)).toEqual(talibanLines(collection));
    const about = (kb: KnowledgeBase) => answerQuery(kb, 'taliban').conflicts.map((c) => c.about);
    expect(about(datasets)).toEqual(about(collection));
  });

  it('serves the newer of two copies of one list: one line per entry, and an entry the newer dropped is not shown', async () => {
    const kb = await seedsWithLists({ 'lists/un': 'un', 'lists/downloads': 'un-next' }, {});
    // The browser's second download beside the first.
    expect(kb.lists.map((l) => l.path)).toEqual(['lists/downloads/consolidated.xml']);
    const un = talibanLines(kb).filter(([source, authority]) => source === 'list' && authority === 'United Nations Security Council');
    // TAe.901 (the Taliban) is in the older copy only: the newer one serves, so no line says the UN lists it.
    expect(un).toEqual([]);
    // An entry in both copies has one line, from the newer copy.
    const isk = answerQuery(kb, 'IS-K').status.filter((l) => l.source === 'list');
    expect(isk.map((l) => [l.entry!.ref, l.date, l.entry!.listDate])).toEqual([['QDe.161', '2019-05-15', '2026-12-01']]);
    expect(kb.problems).toContainEqual(
      expect.objectContaining({
        path: 'lists/un/consolidated.xml',
        severity: 'warning',
        message: expect.stringMatching(/superseded by lists\/downloads\/consolidated\.xml/),
      }),
    );
    const older = await seedsWithLists({ 'lists/un': 'un' });
    expect(talibanLines(older).filter(([source]) => source === 'list')).toHaveLength(1);
  });
});
