import { rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { entryState, loadListFile } from '../src/knowledge/lists/loadLists.js';
import { readOfacCsv } from '../src/knowledge/lists/ofacList.js';
import { readOpenSanctions } from '../src/knowledge/lists/openSanctionsList.js';
import { readUkCsv } from '../src/knowledge/lists/ukList.js';
import { readUnList } from '../src/knowledge/lists/unList.js';
import type { DesignationList } from '../src/knowledge/lists/types.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { knowledgeFolder } from './support/listFolder.js';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function folder(files: Record<string, string>, fixtures: Record<string, string> = {}): string {
  const dir = knowledgeFolder(files, fixtures);
  folders.push(dir);
  return dir;
}

async function read(dir: string, path: string): Promise<DesignationList> {
  const load = await loadListFile(dir, path);
  expect(load.problems).toEqual([]);
  expect(load.lists).toHaveLength(1);
  return load.lists![0]!;
}
const entry = (list: DesignationList, ref: string) => list.entries.find((e) => e.ref === ref)!;

describe('each published list format is read from its fixture', () => {
  it('reads the UN Consolidated List: references, names with their good aliases, listing dates, the date it was generated', async () => {
    const list = await read(folder({}, { 'lists/un': 'un' }), 'lists/un/consolidated.xml');
    expect(list).toMatchObject({ format: 'un-xml', date: '2026-11-28', datedBy: 'content' });
    expect(list.entries.map((e) => e.ref)).toEqual(['TAi.901', 'TAe.901', 'QDe.004', 'QDe.161', 'QDe.902']);
    // Two aliases in one ALIAS_NAME, split; a "Low" quality alias left out; an empty alias element ignored.
    expect(entry(list, 'TAe.901').names).toEqual(['TALIBAN', 'Taleban', 'Islamic Emirate of Afghanistan']);
    expect(entry(list, 'TAi.901')).toMatchObject({ kind: 'person', names: ['ABDUL QADIR NOORZAI', 'Abdul Qadeer Noorzai'], listedOn: '2001-02-23' });
    expect(entry(list, 'QDe.004')).toMatchObject({ kind: 'organisation', names: ['AL-QAIDA', 'The Base', 'Al Qaeda'], programs: ['Al-Qaida'] });
  });

  it("reads OFAC's SDN CSV set: no header, -0- for empty, alt.csv joined on ent_num, dated by the file", async () => {
    const dir = folder({}, { 'lists/ofac': 'ofac' });
    utimesSync(join(dir, 'lists/ofac/sdn.csv'), new Date('2026-10-05T12:00:00Z'), new Date('2026-10-05T12:00:00Z'));
    const list = await read(dir, 'lists/ofac/sdn.csv');
    expect(list).toMatchObject({ format: 'ofac-csv', date: '2026-10-05', datedBy: 'file' });
    // The closing SUB character is no entry.
    expect(list.entries.map((e) => e.ref)).toEqual(['SDN-6636', 'SDN-6365', 'SDN-7140', 'SDN-9001', 'SDN-9002']);
    expect(entry(list, 'SDN-6636')).toMatchObject({
      kind: 'organisation',
      names: ['HIZBALLAH', 'HIZBALLAH ISLAMIC RESISTANCE', 'PARTY OF GOD', 'HEZBOLLAH'],
      programs: ['SDGT', 'FTO', 'LEBANON-EO13441'],
      listedOn: null,
    });
    expect([entry(list, 'SDN-9001').kind, entry(list, 'SDN-9002').kind]).toEqual(['person', 'other']);
  });

  it('reads OpenSanctions FollowTheMoney lines: each Sanction with its target, dates, authority; dated by last_seen', async () => {
    const list = await read(folder({}, { 'lists/os': 'opensanctions' }), 'lists/os/ru-fsb-terrorists.ftm.json');
    expect(list).toMatchObject({ format: 'opensanctions-ftm', date: '2025-06-02', datedBy: 'content', title: 'OpenSanctions: ru_fsb_terrorists' });
    // The address entity is no entry: only sanctioned targets are.
    expect(list.entries.map((e) => e.ref)).toEqual(['ru-fsb-taliban', 'ru-fsb-hizb', 'ru-fsb-ajk']);
    expect(entry(list, 'ru-fsb-taliban')).toMatchObject({
      authority: 'Russia',
      listedOn: '2003-02-14',
      endedOn: null,
      provenance: { bodies: ['Federal Security Service'] },
    });
    // An end date before the list's date: removed. A start date stands in for a missing listing date, as precisely as given.
    expect(entry(list, 'ru-fsb-ajk')).toMatchObject({ listedOn: '2006-11', endedOn: '2024-12-20' });
    expect(entryState(entry(list, 'ru-fsb-ajk'), list)).toBe('removed');
    expect(entryState(entry(list, 'ru-fsb-taliban'), list)).toBe('listed');
  });

  it('reads the UK Sanctions List CSV: the report date line, one row per name grouped by Unique ID, dd/mm/yyyy dates', async () => {
    const list = await read(folder({}, { 'lists/uk': 'uk' }), 'lists/uk/UK-Sanctions-List.csv');
    expect(list).toMatchObject({ format: 'uk-csv', date: '2026-02-13', datedBy: 'content' });
    expect(list.entries.map((e) => e.ref)).toEqual(['AQD0104', 'AQD0285', 'CTI0012', 'AFG0001']);
    // A second address row adds no name; a low quality alias is left out.
    expect(entry(list, 'AQD0104')).toMatchObject({ names: ['AL-QAIDA', 'AL QAEDA', 'THE BASE'], listedOn: '2001-10-06' });
    // 00 for a day the list does not know: the date is as precise as the list.
    expect(entry(list, 'CTI0012').listedOn).toBe('2008-03');
    expect(entry(list, 'AFG0001')).toMatchObject({ kind: 'person', names: ['Abdul Qadir NOORZAI'] });
  });
});

describe('a list file that cannot be read is reported by name and skipped; the others serve', () => {
  it('names each broken file and what is wrong with it', async () => {
    const dir = folder(
      {
        'lists/cut.xml': '<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2026-01-01"><ENTITIES><ENTITY><REFERENCE_NUMBER>QDe.1',
        'lists/other.xml': '<?xml version="1.0"?><sdnList><publshInformation/></sdnList>',
        'lists/table.csv': 'a,b,c\n1,2,3\n',
        'lists/broken.ftm.json': '{"id":"x","schema":"Organization","properties":{"name":["X"]}}\nnot json\n',
        'lists/notes.txt': 'An article, not a list.',
      },
      { 'lists/un': 'un' },
    );
    const knowledge = await loadKnowledge(dir);
    expect(knowledge.lists.map((l) => l.path)).toEqual(['lists/un/consolidated.xml']);
    const problems = Object.fromEntries(knowledge.problems.filter((p) => p.path !== 'lists/notes.txt').map((p) => [p.path, `${p.severity}: ${p.message}`]));
    expect(problems).toEqual({
      'lists/broken.ftm.json': 'skipped: line 2 is not JSON',
      'lists/cut.xml': expect.stringMatching(/^skipped: is not well-formed XML/),
      'lists/other.xml': expect.stringMatching(/^skipped: is XML, but not the UN Security Council Consolidated List/),
      'lists/table.csv': expect.stringMatching(/^skipped: is CSV, but neither OFAC’s sdn.csv nor the UK Sanctions List/),
    });
    // A text file under lists/ is still an article.
    expect(knowledge.articles.map((a) => a.path)).toEqual(['lists/notes.txt']);
  });

  it('refuses a list above the size limit, and a link, without reading them', async () => {
    const dir = folder({ 'lists/big.ftm.json': `${'{"id":"a","schema":"Thing","properties":{}}\n'.repeat(100)}` });
    const load = await loadListFile(dir, 'lists/big.ftm.json', 1000);
    expect(load).toMatchObject({ lists: null, problems: [{ severity: 'skipped', message: expect.stringMatching(/above the 1 KB limit for one list/) }] });
    writeFileSync(join(dir, 'outside.xml'), '<CONSOLIDATED_LIST/>');
    symlinkSync(join(dir, 'outside.xml'), join(dir, 'lists/linked.xml'));
    const knowledge = await loadKnowledge(dir);
    expect(knowledge.problems).toContainEqual(
      expect.objectContaining({ path: 'lists/linked.xml', severity: 'skipped', message: expect.stringMatching(/symbolic link/) }),
    );
  });
});

describe('a list file that fails while it is read', () => {
  const failing = () =>
    new Readable({
      read() {
        this.destroy(new Error('EIO: i/o error'));
      },
    });
  it('ends each reader with the error, to be reported, rather than leaving it waiting', async () => {
    for (const read of [() => readOfacCsv(failing(), null), () => readUkCsv(failing(), ''), () => readUnList(failing()), () => readOpenSanctions(failing())]) {
      await expect(read()).rejects.toThrow(/EIO: i\/o error/);
    }
  });
});
