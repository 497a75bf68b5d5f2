/**
 * Generated official lists for the benchmark: the same entries written in each published format
 * the bot reads (UN XML, OFAC's CSV set, OpenSanctions FollowTheMoney lines, the UK Sanctions List
 * CSV), with names drawn from a vocabulary the way list names repeat words ("Brigade", "Front",
 * "al-"), a third of them people, and up to three aliases each.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const WORDS =
  'ansar jamaat harakat tanzim liwa katibat jund saraya jaish lashkar tehrik hizb majlis shura front brigade movement council battalion army network group union league committee party foundation relief charity trust company holding trading shipping'.split(
    ' ',
  );
const PLACES =
  'khorasan maghreb sahel levant yemen sinai somalia kashmir punjab balochistan mindanao aceh chechnya dagestan ferghana idlib raqqa mosul sirte derna benghazi tripoli aden hadramawt mogadishu kismayo gao timbuktu maiduguri'.split(
    ' ',
  );
const GIVEN = 'abdul mohammed ahmad omar yusuf ibrahim khalid hassan ali tariq bilal idris salim nasir karim rashid faisal hamza'.split(' ');
const FAMILY = 'rahman qureshi noorzai haqqani zawahiri masri libi tunisi urdunni shami iraqi yemeni somali baluchi afghani'.split(' ');

export interface GeneratedEntry {
  ref: number;
  person: boolean;
  names: string[];
  listedOn: string;
}

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateEntries(count: number, seed = 15): GeneratedEntry[] {
  const next = random(seed);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
  const title = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const organisation = () => `${title(pick(WORDS))} ${next() < 0.5 ? 'al-' : ''}${title(pick(PLACES))} ${title(pick(WORDS))} ${Math.floor(next() * 90) + 10}`;
  const person = () => `${title(pick(GIVEN))} ${title(pick(GIVEN))} ${title(pick(FAMILY))}`;
  return Array.from({ length: count }, (_, i) => {
    const isPerson = next() < 0.33;
    const make = isPerson ? person : organisation;
    const names = [make(), ...Array.from({ length: Math.floor(next() * 4) }, make)];
    const year = 1999 + Math.floor(next() * 27);
    const listedOn = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    return { ref: i + 1, person: isPerson, names: [...new Set(names)], listedOn };
  });
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const csv = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Writes the entries as a list in each format under `dir/lists/`; returns each list's main file, relative to `dir`. */
export function writeLists(dir: string, entries: GeneratedEntry[]): Record<string, string> {
  const people = entries.filter((e) => e.person);
  const organisations = entries.filter((e) => !e.person);
  const record = (e: GeneratedEntry, tag: 'INDIVIDUAL' | 'ENTITY') =>
    `<${tag}><DATAID>${e.ref}</DATAID><VERSIONNUM>1</VERSIONNUM><FIRST_NAME>${xml(e.names[0]!)}</FIRST_NAME><UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>` +
    `<REFERENCE_NUMBER>QD${tag === 'ENTITY' ? 'e' : 'i'}.${e.ref}</REFERENCE_NUMBER><LISTED_ON>${e.listedOn}</LISTED_ON><COMMENTS1>Generated.</COMMENTS1>` +
    `<LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE><LAST_DAY_UPDATED><VALUE>${e.listedOn}</VALUE></LAST_DAY_UPDATED>` +
    e.names
      .slice(1)
      .map((n) => `<${tag}_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>${xml(n)}</ALIAS_NAME></${tag}_ALIAS>`)
      .join('') +
    `<${tag}_ADDRESS><COUNTRY>Somewhere</COUNTRY></${tag}_ADDRESS><SORT_KEY/><SORT_KEY_LAST_MOD/></${tag}>\n`;
  const files: Record<string, string> = {
    un: 'lists/un/consolidated.xml',
    ofac: 'lists/ofac/sdn.csv',
    opensanctions: 'lists/opensanctions/entities.ftm.json',
    uk: 'lists/uk/UK-Sanctions-List.csv',
  };
  for (const path of Object.values(files)) mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(
    join(dir, files.un!),
    `<?xml version="1.0" encoding="UTF-8"?>\n<CONSOLIDATED_LIST dateGenerated="2026-11-28T00:00:00.000Z">\n<INDIVIDUALS>\n${people.map((e) => record(e, 'INDIVIDUAL')).join('')}</INDIVIDUALS>\n<ENTITIES>\n${organisations.map((e) => record(e, 'ENTITY')).join('')}</ENTITIES>\n</CONSOLIDATED_LIST>\n`,
  );
  const nul = '-0- ';
  writeFileSync(
    join(dir, files.ofac!),
    `${entries.map((e) => [e.ref, csv(e.names[0]!), e.person ? 'individual' : nul, csv('SDGT'), ...Array(7).fill(nul), csv('Generated.')].join(',')).join('\r\n')}\r\n\x1a`,
  );
  writeFileSync(
    join(dir, 'lists/ofac/alt.csv'),
    `${entries.flatMap((e) => e.names.slice(1).map((n, i) => [e.ref, e.ref * 10 + i, csv('aka'), csv(n), nul].join(','))).join('\r\n')}\r\n\x1a`,
  );
  writeFileSync(
    join(dir, files.opensanctions!),
    `${entries
      .flatMap((e) => [
        {
          id: `gen-${e.ref}`,
          schema: e.person ? 'Person' : 'Organization',
          properties: { name: [e.names[0]], alias: e.names.slice(1) },
          datasets: ['gen'],
          last_seen: '2026-11-28T00:00:00',
        },
        {
          id: `gen-${e.ref}-sanction`,
          schema: 'Sanction',
          properties: { entity: [`gen-${e.ref}`], authority: ['UN Security Council'], program: ['Generated'], listingDate: [e.listedOn] },
          datasets: ['gen'],
          last_seen: '2026-11-28T00:00:00',
        },
      ])
      .map((line) => JSON.stringify(line))
      .join('\n')}\n`,
  );
  const header = ['Last Updated', 'Unique ID', 'Name 6', 'Name type', 'Alias strength', 'Regime Name', 'Designation Type', 'Date Designated'];
  const ukDate = (d: string) => d.split('-').reverse().join('/');
  writeFileSync(
    join(dir, files.uk!),
    `Report Date: 28-Nov-2026\r\n${header.join(',')}\r\n${entries
      .flatMap((e) =>
        e.names.map((n, i) =>
          [
            ukDate(e.listedOn),
            `GEN${e.ref}`,
            csv(n),
            i === 0 ? 'Primary Name' : 'Alias',
            i === 0 ? '' : 'Good quality a.k.a',
            'Generated',
            e.person ? 'Individual' : 'Entity',
            ukDate(e.listedOn),
          ].join(','),
        ),
      )
      .join('\r\n')}\r\n`,
  );
  return files;
}

/** The datasets a generated collection spreads its sanctions over, with the body each names as OpenSanctions does. */
const COLLECTION_DATASETS: [dataset: string, body: string, country: string][] = [
  ['un_sc_sanctions', 'Security Council Committee pursuant to resolutions 1267 (1999) 1989 (2011) and 2253 (2015)', ''],
  ['us_ofac_sdn', 'Office of Foreign Assets Control', 'us'],
  ['eu_fsf', 'Directorate\u2011General for Financial Stability, Financial Services and Capital Markets Union', 'eu'],
  ['gb_fcdo_sanctions', 'Foreign, Commonwealth & Development Office', 'gb'],
  ['ru_nak_terrorists', 'National Antiterrorism Committee', 'ru'],
  ['kz_afmrk_sanctions', 'Agency for Financial Monitoring', 'kz'],
  ['au_dfat_sanctions', 'Department of Foreign Affairs and Trade', 'au'],
  ['ca_listed_terrorists', 'Public Safety Canada', 'ca'],
];

/**
 * Writes an OpenSanctions collection of the entries, as `default` is published: one file of
 * FollowTheMoney lines, each entry a target with two sanctions from two datasets (so 2 lines of
 * sanctions per target). Written in chunks: a collection of 300,000 targets is some 200 MB.
 */
export function writeCollection(dir: string, entries: GeneratedEntry[]): string {
  const path = 'lists/opensanctions-default/entities.ftm.json';
  mkdirSync(join(dir, path, '..'), { recursive: true });
  const fd = openSync(join(dir, path), 'w');
  const seen = '2026-11-28T00:00:00';
  try {
    for (let from = 0; from < entries.length; from += 10_000) {
      const lines: string[] = [];
      for (const e of entries.slice(from, from + 10_000)) {
        const own = [COLLECTION_DATASETS[e.ref % COLLECTION_DATASETS.length]!, COLLECTION_DATASETS[(e.ref * 7 + 3) % COLLECTION_DATASETS.length]!];
        const datasets = [...new Set(own.map(([d]) => d))];
        lines.push(
          JSON.stringify({
            id: `NK-${e.ref}`,
            schema: e.person ? 'Person' : 'Organization',
            properties: { name: [e.names[0]], alias: e.names.slice(1) },
            referents: datasets.map((d) => `${d}-${e.ref}`),
            datasets,
            first_seen: '2020-01-01T00:00:00',
            last_seen: seen,
            last_change: '2024-01-01T00:00:00',
            target: true,
          }),
        );
        for (const [dataset, body, country] of own) {
          lines.push(
            JSON.stringify({
              id: `${dataset}-${e.ref}-sanction`,
              schema: 'Sanction',
              properties: {
                entity: [`NK-${e.ref}`],
                authority: [body],
                ...(country ? { country: [country] } : {}),
                program: ['Generated'],
                listingDate: [e.listedOn],
              },
              datasets: [dataset],
              last_seen: seen,
            }),
          );
        }
      }
      writeSync(fd, `${lines.join('\n')}\n`);
    }
  } finally {
    closeSync(fd);
  }
  return path;
}
