import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { entityId } from './entities.js';
import type { Entity } from './types.js';

/**
 * Authorities every knowledge base knows without configuration: the world's countries (from the
 * world-countries package: names, short forms, demonyms, capitals), the EU and the UN Security
 * Council, and the bodies that designate on a country's behalf. `entities.yml` adds to them and
 * overrides them (see withBuiltInAuthorities).
 */

const countries = createRequire(import.meta.url)('world-countries') as Country[];

/** Names news text uses that the data package lacks or spells otherwise, by ISO code. */
const EXTRA_NAMES: Record<string, { name?: string; aliases: string[] }> = {
  US: { aliases: ['U.S.', 'U.S.A.', 'America', 'Washington', 'White House'] },
  GB: { aliases: ['Britain', 'U.K.', 'Whitehall'] },
  RU: { aliases: ['Kremlin'] },
  TR: { name: 'Turkey', aliases: ['Türkiye'] },
  CZ: { aliases: ['Czech Republic'] },
  CI: { aliases: ['Ivory Coast'] },
  CD: { aliases: ['DR Congo', 'DRC'] },
  KP: { aliases: ['DPRK'] },
  AE: { aliases: ['UAE'] },
};

/** Capitals that stand for something else in the news, or are common names. */
const NOT_GOVERNMENT = new Set(['Brussels', 'Victoria', 'Kingston', 'Washington D.C.', 'Hamilton', 'Georgetown', 'Vatican City']);

/** Bodies that speak for one authority wherever they are named, with the names news text uses. */
const BODIES: { name: string; of: string; aliases: string[] }[] = [
  { name: 'United States Department of State', of: 'United States', aliases: ['State Department', 'Department of State'] },
  {
    name: 'United States Department of the Treasury',
    of: 'United States',
    aliases: ['Treasury Department', 'Department of the Treasury', 'Treasury', 'Office of Foreign Assets Control', 'OFAC'],
  },
  {
    name: 'HM Treasury',
    of: 'United Kingdom',
    aliases: ["Her Majesty's Treasury", "His Majesty's Treasury", 'Office of Financial Sanctions Implementation', 'OFSI'],
  },
  { name: 'Home Office', of: 'United Kingdom', aliases: ['Home Secretary', 'UK Home Office', 'Security Minister'] },
  { name: 'House of Lords', of: 'United Kingdom', aliases: [] },
  { name: 'Foreign, Commonwealth and Development Office', of: 'United Kingdom', aliases: ['Foreign Office', 'FCDO', 'Foreign Secretary'] },
  { name: 'Public Safety Canada', of: 'Canada', aliases: ['Minister of Public Safety', 'Public Safety Minister', 'Department of Public Safety'] },
  {
    name: 'Council of the European Union',
    of: 'European Union',
    aliases: ['Council of the EU', 'EU Council', 'European Council', 'European Commission', 'Brussels'],
  },
  {
    name: 'UN Security Council sanctions committee',
    of: 'United Nations Security Council',
    aliases: ['Sanctions Committee', '1267 Committee', 'Monitoring Team'],
  },
];

/** International bodies that keep lists of their own. */
const INTERNATIONAL: Entity[] = [
  { id: entityId('European Union'), name: 'European Union', kind: 'authority', aliases: ['EU', 'E.U.'], partOf: null },
  {
    id: entityId('United Nations Security Council'),
    name: 'United Nations Security Council',
    kind: 'authority',
    aliases: ['UN Security Council', 'U.N. Security Council', 'Security Council', 'UNSC', 'United Nations', 'UN', 'U.N.'],
    partOf: null,
  },
];

const INTERNATIONAL_IDS = new Set(INTERNATIONAL.map((e) => e.id));

/** Whether an authority is an international body (the EU, the UN Security Council) rather than a country. */
export function isInternationalBody(id: string): boolean {
  return INTERNATIONAL_IDS.has(id);
}

/**
 * Places whose names hold a country's name or alias: known as places, so that the longer name
 * wins and "Latin America" does not name the United States, nor "Northern Ireland" Ireland.
 */
const REGIONS = ['Latin America', 'South America', 'North America', 'Central America', 'Northern Ireland', 'New Mexico', 'New Guinea', 'Western Sahara'];

/** Whether a name is written in Latin letters (news in English does not use the others). */
const LATIN = /^[\p{Script=Latin}\s.'’-]+$/u;

function countryEntities(): Entity[] {
  const kept = countries.filter((c) => c.independent || c.unMember || ['TW', 'XK'].includes(c.cca2));
  const raw = kept.map((c) => {
    const extra = EXTRA_NAMES[c.cca2] ?? { aliases: [] };
    const name = extra.name ?? c.name.common;
    const demonym = c.demonyms?.eng?.m;
    const forms = [
      c.name.common,
      c.name.official,
      ...c.altSpellings.filter((a) => a.length > 2 && !a.includes(',')),
      ...(demonym ? [demonym] : []),
      ...c.capital.filter((capital) => !NOT_GOVERNMENT.has(capital)),
      ...extra.aliases,
    ];
    if (c.cca2 === 'US' || c.cca2 === 'GB') forms.push(c.cca2 === 'US' ? 'US' : 'UK');
    return { name, forms: forms.filter((f) => f !== name && LATIN.test(f)) };
  });
  // A form two countries share (Congolese, Dominican) names neither.
  const count = new Map<string, number>();
  for (const { forms } of raw) for (const form of new Set(forms.map((f) => f.toLowerCase()))) count.set(form, (count.get(form) ?? 0) + 1);
  return raw.map(({ name, forms }) => ({
    id: entityId(name),
    name,
    kind: 'authority' as const,
    aliases: [...new Set(forms.filter((f) => count.get(f.toLowerCase()) === 1))],
    partOf: null,
  }));
}

let builtIn: Entity[] | undefined;

/** The authorities and bodies known without configuration, and the regions named like countries. */
export function builtInAuthorities(): Entity[] {
  builtIn ??= [
    ...countryEntities(),
    ...INTERNATIONAL,
    ...BODIES.map((b) => ({ id: entityId(b.name), name: b.name, kind: 'authority' as const, aliases: b.aliases, partOf: entityId(b.of) })),
    ...REGIONS.map((name) => ({ id: entityId(name), name, kind: 'place' as const, aliases: [], partOf: null })),
  ];
  return builtIn;
}

let governments: Map<string, string> | undefined;

/**
 * The country whose government a place name stands for, by its built-in names ("Moscow" for
 * Russia), or null. For questions: "has Moscow lifted the ban" asks about Russia, even where a
 * knowledge base knows Moscow as the city.
 */
export function governmentOf(name: string): string | null {
  governments ??= new Map(
    builtInAuthorities()
      .filter((e) => e.kind === 'authority' && e.partOf === null)
      .flatMap((e) => e.aliases.map((a) => [a.toLowerCase(), e.id] as const)),
  );
  return governments.get(name.toLowerCase()) ?? null;
}

/**
 * The configured entities with the built-in authorities added. A configured entry of a built-in
 * authority's name keeps its own name, kind and body, and gains the built-in names (a knowledge
 * base that configures the "United Nations Security Council" still knows it as "the UN"). A name
 * or alias the configuration gives any entry is taken from the built-in ones (an operator's
 * "Moscow" the place is not Russia's government).
 */
export function withBuiltInAuthorities(configured: Entity[]): Entity[] {
  const ids = new Set(configured.map((e) => e.id));
  const taken = new Set(configured.flatMap((e) => [e.name, ...e.aliases]).map((n) => n.toLowerCase()));
  const free = (e: Entity) => e.aliases.filter((a) => !taken.has(a.toLowerCase()));
  const builtInById = new Map(builtInAuthorities().map((e) => [e.id, e]));
  const merged = configured.map((e) => {
    const builtIn = builtInById.get(e.id);
    return builtIn && e.kind === 'authority' ? { ...e, aliases: [...e.aliases, ...free(builtIn)] } : e;
  });
  const added = builtInAuthorities()
    .filter((e) => !ids.has(e.id) && !taken.has(e.name.toLowerCase()))
    .map((e) => ({ ...e, aliases: free(e) }));
  // A body keeps speaking for its country only while that country is known, configured or built in.
  const known = new Set([...ids, ...added.map((e) => e.id)]);
  return [...merged, ...added.filter((e) => e.partOf === null || known.has(e.partOf))];
}

/** The authority an entity speaks for: itself if it is one, its country if it is a body of one. */
export function authorityOf(entity: (id: string) => Entity | undefined, id: string): string | null {
  let current = entity(id);
  for (let depth = 0; current && depth < 5; depth++) {
    if (current.partOf === null) return current.kind === 'authority' ? current.id : null;
    current = entity(current.partOf);
  }
  return null;
}

let byCode: Map<string, string> | undefined;

/** The name of the country with an ISO 3166 alpha-2 code (any case), as the authorities are named; null for an unknown code. */
export function countryNamed(code: string): string | null {
  byCode ??= new Map(countries.map((c) => [c.cca2.toLowerCase(), EXTRA_NAMES[c.cca2]?.name ?? c.name.common]));
  return byCode.get(code.toLowerCase()) ?? null;
}
