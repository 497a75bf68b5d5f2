/**
 * Deterministic generator of synthetic knowledge bases for the benchmark.
 *
 * Writes `entities.yml` and N Markdown articles (YAML front matter, 5 to 15 paragraphs) that
 * read like news about terrorist and sanctions designations: authorities listing, delisting
 * and moving to delist armed groups, attacks with casualty figures that differ by outlet,
 * quotes, and filler context. The world behind the articles (who designated whom, when,
 * which attacks happened) is fixed first, so every article tells the same story.
 *
 * Same seed, article count and entity count give byte-identical output.
 *
 * CLI: npx tsx bench/generateKnowledge.ts --articles 1000 --out bench/kb/1000 [--seed 42] [--entities 300]
 */
import { realpathSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

// ---------------------------------------------------------------------------------------------
// Public API

export interface GenerateOptions {
  /** How many articles to write. */
  articles: number;
  /** PRNG seed; default 42. */
  seed?: number;
  /** How many entities the world has; default 300. */
  entities?: number;
  /**
   * `news` (the default): articles of 5 to 15 paragraphs, every kind of entity in entities.yml.
   * `long`: longer articles (longer paragraphs, with asides on other organisations' listings
   * and more boilerplate), so that a few words are in most passages, and only organisations in
   * entities.yml: authorities, people and places are left to what the app knows itself.
   * `dossier`: longer still (14 to 24 paragraphs, twice the asides), 1,000 entities of every
   * kind, and other words for the common ones ("proscribed" for "designated", "fighters" for
   * "militants"), so that the figures do not rest on one vocabulary.
   */
  shape?: Shape;
}

export type Shape = 'news' | 'long' | 'dossier';

export interface GenerateResult {
  /** Files written: the articles plus entities.yml (the `.generated` marker is not counted). */
  files: number;
  /** Bytes in those files. */
  bytes: number;
  articles: number;
  entities: number;
  /** Names of the popular entities (the few organisations and authorities in most articles), by article share. */
  popular: string[];
  /** Milliseconds spent building the content and writing it out. */
  ms: { generate: number; write: number };
}

/** The marker file that says a folder was written by this generator (and may be overwritten). */
export const MARKER_FILE = '.generated';

const DEFAULT_SEED = 42;
const DEFAULT_ENTITIES = 300;
const DOSSIER_ENTITIES = 1000;

/**
 * Writes a synthetic knowledge base into `dir`. The folder must be missing, empty, or an
 * earlier output of this generator (it holds the `.generated` marker); anything else is refused.
 */
export async function generateKnowledgeBase(dir: string, options: GenerateOptions): Promise<GenerateResult> {
  const articles = Math.floor(options.articles);
  if (!Number.isFinite(articles) || articles < 1) throw new Error(`articles must be a positive integer, got ${options.articles}`);
  const seed = (options.seed ?? DEFAULT_SEED) >>> 0;
  const entityCount = Math.max(60, Math.floor(options.entities ?? (options.shape === 'dossier' ? DOSSIER_ENTITIES : DEFAULT_ENTITIES)));

  await prepareOutputDir(dir);
  await writeFile(join(dir, MARKER_FILE), `${JSON.stringify({ generator: 'bench/generateKnowledge.ts', status: 'incomplete' })}\n`);

  const t0 = performance.now();
  const shape = options.shape ?? 'news';
  const world = buildWorld(seed, entityCount, articles);
  const docs = writeArticles(world, seed, articles, shape);

  const files: { path: string; text: string }[] = [{ path: 'entities.yml', text: entitiesYaml(world, shape === 'long' ? ['organisation'] : ENTITY_KINDS) }];
  for (const doc of docs) files.push({ path: doc.path, text: doc.text });

  const t1 = performance.now();
  const dirs = [...new Set(files.map((f) => dirname(f.path)).filter((d) => d !== '.'))].sort();
  for (const d of dirs) await mkdir(join(dir, d), { recursive: true });
  let bytes = 0;
  const buffers = files.map((f) => Buffer.from(f.text, 'utf8'));
  for (const b of buffers) bytes += b.length;
  await writeAll(
    dir,
    files.map((f, i) => ({ path: f.path, data: buffers[i]! })),
    64,
  );
  const t2 = performance.now();

  // Article share of every entity, from the mentions the generator wrote.
  const counts = new Array<number>(world.entities.length).fill(0);
  for (const doc of docs) for (const id of doc.mentioned) counts[id]! += 1;
  const shares = world.entities
    .map((e, i) => ({ name: e.name.text, kind: e.kind, share: round4(counts[i]! / docs.length) }))
    .sort((a, b) => b.share - a.share || a.name.localeCompare(b.name));
  const popular = world.popular
    .map((id) => ({ name: world.entities[id]!.name.text, share: counts[id]! / docs.length }))
    .sort((a, b) => b.share - a.share || a.name.localeCompare(b.name))
    .map((p) => p.name);

  const manifest = {
    generator: 'bench/generateKnowledge.ts',
    status: 'complete',
    seed,
    shape,
    articles: docs.length,
    entities: world.entities.length,
    popular,
    shares: shares.slice(0, 50),
  };
  await writeFile(join(dir, MARKER_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return {
    files: files.length,
    bytes,
    articles: docs.length,
    entities: world.entities.length,
    popular,
    ms: { generate: Math.round(t1 - t0), write: Math.round(t2 - t1) },
  };
}

/** One designation of a generated world, by name, with its days as ISO dates: the truth its articles are written from. */
export interface WorldDesignation {
  organisation: string;
  /** The top-level authority whose list it is. */
  authority: string;
  listed: string;
  /** The day the authority said it would remove the listing. */
  intent?: string;
  /** The day a prosecutor asked a court to lift the ban. */
  petition?: string;
  removal?: string;
}

/**
 * The designations of the world that `generateKnowledgeBase` with the same options writes about
 * (steps after the last publication day are left out, as the articles cannot know them).
 */
export function worldDesignations(options: GenerateOptions): WorldDesignation[] {
  const world = buildWorld((options.seed ?? DEFAULT_SEED) >>> 0, Math.max(60, Math.floor(options.entities ?? DEFAULT_ENTITIES)), Math.floor(options.articles));
  const name = (id: number) => world.entities[id]!.name.text;
  return world.designations.map((d) => ({
    organisation: name(d.org),
    authority: name(d.authority),
    listed: isoDay(d.listed),
    ...(d.intent ? { intent: isoDay(d.intent.day) } : {}),
    ...(d.petition ? { petition: isoDay(d.petition.day) } : {}),
    ...(d.removal ? { removal: isoDay(d.removal.day) } : {}),
  }));
}

/** Every entity name and every alias in an entities.yml, each once, in file order (the "distinct query" stream). */
export async function entityQueries(entitiesYamlPath: string): Promise<string[]> {
  const data: unknown = parseYaml(await readFile(entitiesYamlPath, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${entitiesYamlPath}: not a YAML list`);
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v !== 'string' && typeof v !== 'number') return;
    const s = String(v).trim();
    if (s !== '' && !seen.has(s)) {
      seen.add(s);
      out.push(s);
    }
  };
  for (const entry of data) {
    if (entry === null || typeof entry !== 'object') continue;
    const e = entry as { name?: unknown; aliases?: unknown };
    add(e.name);
    if (Array.isArray(e.aliases)) for (const a of e.aliases) add(a);
  }
  return out;
}

/**
 * Names of the popular entities of a generated knowledge base, most-mentioned first, read from its
 * `.generated` manifest. With `limit`, the top entities by article share of any kind instead.
 */
export async function popularEntities(dir: string, limit?: number): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(dir, MARKER_FILE), 'utf8')) as {
    popular?: string[];
    shares?: { name: string; share: number }[];
  };
  if (limit === undefined) {
    if (!Array.isArray(manifest.popular)) throw new Error(`${dir}: ${MARKER_FILE} has no popular list (incomplete run?)`);
    return manifest.popular;
  }
  return (manifest.shares ?? []).slice(0, limit).map((s) => s.name);
}

// ---------------------------------------------------------------------------------------------
// Output folder and writing

async function prepareOutputDir(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      await mkdir(dir, { recursive: true });
      return;
    }
    throw error;
  }
  if (entries.length === 0) return;
  if (!entries.includes(MARKER_FILE)) {
    throw new Error(`refusing to write into ${dir}: it is not empty and has no ${MARKER_FILE} marker from an earlier run`);
  }
  await Promise.all(entries.map((e) => rm(join(dir, e), { recursive: true, force: true })));
}

async function writeAll(dir: string, files: { path: string; data: Buffer }[], concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const f = files[next++]!;
      await writeFile(join(dir, f.path), f.data);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

// ---------------------------------------------------------------------------------------------
// PRNG

function hash32(...xs: number[]): number {
  let h = 0x811c9dc5;
  for (const x of xs) {
    h = Math.imul(h ^ (x >>> 0), 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

/** mulberry32 with helpers. */
class Rng {
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(arr: readonly T[]): T {
    if (arr.length === 0) throw new Error('pick from empty list');
    return arr[Math.floor(this.next() * arr.length)]!;
  }
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i]!;
      if (x < 0) return i;
    }
    return weights.length - 1;
  }
  shuffle<T>(arr: T[]): T[] {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [arr[i], arr[j]] = [arr[j]!, arr[i]!];
    }
    return arr;
  }
}

/** Weighted choice over a fixed list, by binary search on cumulative weights. */
class Sampler<T> {
  private readonly cum: Float64Array;
  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    this.cum = new Float64Array(items.length);
    let total = 0;
    for (let i = 0; i < items.length; i++) {
      total += weights[i] ?? 0;
      this.cum[i] = total;
    }
  }
  get size(): number {
    return this.items.length;
  }
  pick(rng: Rng): T {
    if (this.items.length === 0) throw new Error('sample from empty sampler');
    const x = rng.next() * this.cum[this.cum.length - 1]!;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

// ---------------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function dayOf(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}
function partsOf(day: number): { y: number; m: number; d: number; wd: number } {
  const dt = new Date(day * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate(), wd: dt.getUTCDay() };
}
function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
function isoDay(day: number): string {
  const p = partsOf(day);
  return `${p.y}-${pad2(p.m)}-${pad2(p.d)}`;
}

/** Articles are published in this window; history (first listings, old attacks) reaches back further. */
const PUB_START = dayOf(2015, 1, 1);
const PUB_END = dayOf(2025, 6, 30);
const HISTORY_START = dayOf(1997, 1, 1);

type Precision = 'day' | 'month' | 'year';
interface DatePoint {
  day: number;
  prec: Precision;
}

// ---------------------------------------------------------------------------------------------
// Entities

type Kind = 'organisation' | 'person' | 'authority' | 'place';
/** One way of naming an entity; `the` says whether running text puts "the" before it. */
interface Form {
  text: string;
  the: boolean;
}
type BodyType = 'justice' | 'court' | 'prosecutor' | 'foreign' | 'interior' | 'state' | 'treasury' | 'homeoffice' | 'eucouncil' | 'uncommittee';
type AuthorityType = 'country' | 'un' | 'eu' | 'intl' | 'body';

interface Entity {
  id: number;
  kind: Kind;
  name: Form;
  /** Aliases written to entities.yml. */
  aliases: Form[];
  /** Alias forms used for a first mention besides the name (spelling variants, official names). */
  variants: Form[];
  /** Short forms for later mentions (acronym, surname). */
  short: Form[];
  acronym?: string;
  partOf?: number;
  // authorities
  authType?: AuthorityType;
  /** For countries: the forms that can stand for the territory ("in Britain"), not metonyms ("the Kremlin"). */
  placeForms?: Form[];
  bodyType?: BodyType;
  demonym?: string;
  // persons
  role?: PersonRole;
  // organisations
  founded?: string;
  parent?: number;
  home?: number;
  accusation?: string;
  // places
  placeDesc?: string;
  country?: number;
}

type PersonRole =
  | { type: 'official'; authority: number; title: string }
  | { type: 'member'; org: number; title: string }
  | { type: 'analyst'; affiliation: string };

interface Designation {
  org: number;
  /** The top-level authority (country, UN Security Council, EU...) whose list it is. */
  authority: number;
  /** Who issued the listing: the authority itself or one of its bodies. */
  lister: number;
  listed: number;
  /** Moves to remove the listing, in order; each may be missing if it had not happened by PUB_END. */
  intent?: { day: number; actor: number };
  petition?: { day: number; prosecutor: number; court: number };
  removal?: { day: number; actor: number };
}

interface Attack {
  org: number;
  place: number;
  day: number;
  killed: number;
  wounded: number;
  kind: string;
  target: string;
  /** Death tolls as different outlets report them (indexed by outlet). */
  tolls: number[];
}

interface Outlet {
  name: string;
  domain: string;
  section: string;
  urlStyle: number;
  dateStyle: 'us' | 'uk';
  spelling: 'uk' | 'us';
  curly: boolean;
  titleCase: boolean;
}

interface World {
  entities: Entity[];
  orgs: number[];
  persons: number[];
  places: number[];
  countries: number[];
  topAuthorities: number[];
  popular: number[];
  orgSampler: Sampler<number>;
  authWeight: Map<number, number>;
  designations: Designation[];
  desByOrg: Map<number, Designation[]>;
  attacks: Attack[];
  attacksByOrg: Map<number, Attack[]>;
  officials: Map<number, number[]>;
  members: Map<number, number[]>;
  analysts: number[];
  bodies: Map<number, Map<BodyType, number>>;
  outlets: Outlet[];
  forums: string[];
}

const COUNTRY_DATA: [name: string, demonym: string, aliases: string[]][] = [
  ['the United States', 'US', ['the US', 'the U.S.', 'the USA', 'the United States of America', 'Washington']],
  ['Russia', 'Russian', ['the Russian Federation', 'the Kremlin', 'the Russian government']],
  ['the United Kingdom', 'British', ['the UK', 'the U.K.', 'Britain', 'Great Britain']],
  ['China', 'Chinese', ["the People's Republic of China", 'Beijing']],
  ['Kazakhstan', 'Kazakh', ['the Republic of Kazakhstan', 'Astana']],
  ['Pakistan', 'Pakistani', ['Islamabad', 'the Islamic Republic of Pakistan']],
  ['Turkey', 'Turkish', ['Türkiye', 'Turkiye', 'Ankara']],
  ['Kyrgyzstan', 'Kyrgyz', ['the Kyrgyz Republic', 'Bishkek']],
  ['Uzbekistan', 'Uzbek', ['Tashkent']],
  ['Tajikistan', 'Tajik', ['Dushanbe']],
  ['India', 'Indian', ['New Delhi']],
  ['Iran', 'Iranian', ['Tehran', 'the Islamic Republic of Iran']],
  ['Iraq', 'Iraqi', ['Baghdad']],
  ['Canada', 'Canadian', ['Ottawa']],
  ['Australia', 'Australian', ['Canberra']],
  ['Saudi Arabia', 'Saudi', ['Riyadh', 'the Kingdom of Saudi Arabia']],
  ['the United Arab Emirates', 'Emirati', ['the UAE', 'Abu Dhabi']],
  ['Egypt', 'Egyptian', ['Cairo']],
  ['Turkmenistan', 'Turkmen', ['Ashgabat']],
  ['Azerbaijan', 'Azerbaijani', ['Baku']],
  ['France', 'French', ['Paris']],
  ['Germany', 'German', ['Berlin']],
  ['Japan', 'Japanese', ['Tokyo']],
  ['Syria', 'Syrian', ['Damascus']],
  ['Qatar', 'Qatari', ['Doha']],
  ['Jordan', 'Jordanian', ['Amman']],
  ['New Zealand', 'New Zealand', ['Wellington']],
  ['the Netherlands', 'Dutch', ['Holland']],
  ['Sweden', 'Swedish', ['Stockholm']],
  ['Norway', 'Norwegian', ['Oslo']],
  ['Spain', 'Spanish', ['Madrid']],
  ['Italy', 'Italian', ['Rome']],
  ['Nigeria', 'Nigerian', ['Abuja']],
  ['Kenya', 'Kenyan', ['Nairobi']],
  ['Somalia', 'Somali', ['Mogadishu']],
  ['Ethiopia', 'Ethiopian', ['Addis Ababa']],
  ['Mali', 'Malian', ['Bamako']],
  ['Niger', 'Nigerien', ['Niamey']],
  ['Burkina Faso', 'Burkinabe', ['Ouagadougou']],
  ['Algeria', 'Algerian', ['Algiers']],
  ['Morocco', 'Moroccan', ['Rabat']],
  ['Tunisia', 'Tunisian', ['Tunis']],
  ['Libya', 'Libyan', ['Tripoli']],
  ['Sudan', 'Sudanese', ['Khartoum']],
  ['Yemen', 'Yemeni', ['Sanaa']],
  ['Lebanon', 'Lebanese', ['Beirut']],
  ['the Philippines', 'Philippine', ['Manila']],
  ['Indonesia', 'Indonesian', ['Jakarta']],
  ['Malaysia', 'Malaysian', ['Kuala Lumpur']],
  ['Bangladesh', 'Bangladeshi', ['Dhaka']],
  ['Sri Lanka', 'Sri Lankan', ['Colombo']],
  ['Colombia', 'Colombian', ['Bogota']],
  ['Brazil', 'Brazilian', ['Brasilia']],
  ['Mexico', 'Mexican', ['Mexico City']],
  ['Ukraine', 'Ukrainian', ['Kyiv', 'Kiev']],
  ['Belarus', 'Belarusian', ['Minsk']],
  ['Georgia', 'Georgian', ['Tbilisi']],
  ['Armenia', 'Armenian', ['Yerevan']],
  ['Mongolia', 'Mongolian', ['Ulaanbaatar']],
  ['Afghanistan', 'Afghan', ['Kabul']],
  ['South Africa', 'South African', ['Pretoria']],
  ['Chad', 'Chadian', ["N'Djamena"]],
  ['Cameroon', 'Cameroonian', ['Yaounde']],
  ['Mozambique', 'Mozambican', ['Maputo']],
  ['Israel', 'Israeli', []],
  ['Bahrain', 'Bahraini', ['Manama']],
  ['Kuwait', 'Kuwaiti', ['Kuwait City']],
  ['Oman', 'Omani', ['Muscat']],
];

/** Country aliases that name the territory although they do not contain the country's name. */
const PLACE_SAFE_ALIASES = new Set(['Britain', 'Great Britain', 'Holland', 'Türkiye', 'Turkiye', 'Kyrgyz Republic', 'Russian Federation']);

/** Countries where armed groups are based and attacks happen (places are put in these). */
const CONFLICT_COUNTRIES = new Set([
  'Pakistan',
  'Afghanistan',
  'Iraq',
  'Syria',
  'Nigeria',
  'Somalia',
  'Mali',
  'Niger',
  'Burkina Faso',
  'Yemen',
  'Libya',
  'Sudan',
  'the Philippines',
  'Mozambique',
  'Cameroon',
  'Chad',
  'Kenya',
  'Ethiopia',
  'Tajikistan',
  'Colombia',
  'Lebanon',
  'Egypt',
  'India',
  'Bangladesh',
  'Kyrgyzstan',
  'Uzbekistan',
]);

const FIRST_NAMES: [string, string[]][] = [
  ['Sergei', ['Sergey']],
  ['Mohammed', ['Muhammad', 'Mohamed']],
  ['Yusuf', ['Yousef', 'Youssef']],
  ['Abdul', ['Abdel']],
  ['Alexander', ['Aleksandr']],
  ['Omar', ['Umar']],
  ['Ahmad', ['Ahmed']],
  ['Hussein', ['Hussain']],
  ['Dmitri', ['Dmitry']],
  ['Nikolai', ['Nikolay']],
  ['Yuri', ['Yury']],
  ['Mikhail', []],
  ['Oleg', []],
  ['Anna', []],
  ['Elena', ['Yelena']],
  ['Fatima', ['Fatimah']],
  ['Aisha', ['Ayesha']],
  ['Ibrahim', ['Ebrahim']],
  ['Khalid', ['Khaled']],
  ['Hassan', ['Hasan']],
  ['Tariq', ['Tarek']],
  ['Rashid', ['Rasheed']],
  ['Karim', ['Kareem']],
  ['Nasser', ['Nasir']],
  ['Jamal', []],
  ['Amina', ['Aminah']],
  ['Leila', ['Layla']],
  ['Farid', ['Fareed']],
  ['Javad', ['Javed']],
  ['Zamir', []],
  ['Timur', ['Temur']],
  ['Rustam', ['Rustem']],
  ['Bakhtiyar', ['Bakhtiar']],
  ['Nurlan', []],
  ['Askar', ['Asqar']],
  ['Daniel', []],
  ['Claire', []],
  ['Thomas', []],
  ['Maria', []],
  ['Peter', []],
  ['Sarah', ['Sara']],
  ['John', []],
  ['David', []],
  ['Helen', []],
  ['Marco', []],
  ['Ingrid', []],
  ['Pierre', []],
  ['Klaus', []],
  ['Amir', ['Ameer']],
  ['Hamid', ['Hameed']],
  ['Saeed', ['Said', 'Sayed']],
  ['Mustafa', ['Mostafa']],
  ['Abdullah', ['Abdallah']],
  ['Osman', ['Usman']],
  ['Irina', []],
  ['Viktor', ['Victor']],
  ['Andrei', ['Andrey']],
  ['Grace', []],
  ['Samuel', []],
];

const SURNAME_SUFFIXES = [
  'ov',
  'ev',
  'ova',
  'i',
  'zai',
  'ani',
  'yan',
  'ski',
  'enko',
  'ez',
  'ullah',
  'uddin',
  'ian',
  'son',
  'berg',
  'ini',
  'ovic',
  'ero',
  'ali',
  'ari',
  'ouri',
];

const ARABIC_ONSETS = ['b', 'd', 'f', 'gh', 'h', 'j', 'k', 'kh', 'l', 'm', 'n', 'q', 'r', 's', 'sh', 't', 'w', 'z', 'dh', 'th'];
const ARABIC_VOWELS = ['a', 'a', 'i', 'u', 'a', 'i'];
const ARABIC_LONG_VOWELS = ['aa', 'ee', 'ou'];
const ARABIC_CODAS = ['r', 'n', 'm', 'l', 'd', 't', 's', 'q', 'b', 'h'];
const PLACE_ONSETS = ['v', 'k', 't', 'm', 'r', 's', 'z', 'd', 'b', 'l', 'n', 'g', 'br', 'kr', 'tr', 'st', 'dr', 'h', 'sh', 'p'];
const PLACE_VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'o', 'ai', 'ei'];
const PLACE_ENDINGS = ['ia', 'an', 'ar', 'or', 'stan', 'abad', 'grad', 'pur', 'esh', 'ovo', 'ara', 'ul', 'en', 'ir', 'ah', 'ia', 'ana'];
const NAME_SYLLABLES = [
  'ka',
  'ra',
  'mi',
  'no',
  'za',
  'ba',
  'ta',
  'lu',
  'ho',
  'sa',
  'di',
  'fa',
  'ne',
  'vo',
  'ri',
  'ga',
  'ku',
  'sha',
  'kha',
  'mu',
  'le',
  'to',
  'na',
  'ma',
  'de',
  'si',
  'bo',
  'ya',
  'ro',
  'ja',
  'te',
  'qa',
  'do',
  'va',
];

/** Words whose lower-case forms must not become aliases (they occur in ordinary text). */
const RESERVED_KEYS = new Set([
  'us',
  'uk',
  'eu',
  'un',
  'au',
  'it',
  'is',
  'as',
  'at',
  'on',
  'in',
  'an',
  'or',
  'no',
  'so',
  'to',
  'he',
  'we',
  'be',
  'do',
  'go',
  'me',
  'my',
  'am',
  'if',
  'of',
  'by',
  'ok',
  'dr',
  'mr',
  'ms',
  'ia',
  'oh',
  'hi',
  'ma',
  'pa',
  'ad',
  'al',
  'ai',
  'pm',
  'tv',
  'id',
  'io',
  'sa',
  'ta',
  'la',
  'de',
  'da',
  'ka',
  'na',
  'ba',
  'ra',
]);

function cap(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}
/** The key two names share when an entity matcher would read them as the same words. */
function nameKey(s: string): string {
  return (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}
function form(s: string): Form {
  return s.startsWith('the ') ? { text: s.slice(4), the: true } : { text: s, the: false };
}

class NameRegistry {
  private readonly used = new Set<string>(RESERVED_KEYS);
  /** Claims a name for one entity; false if another entity (or ordinary text) already uses it. */
  claim(text: string): boolean {
    const k = nameKey(text);
    if (k === '' || this.used.has(k)) return false;
    this.used.add(k);
    return true;
  }
  taken(text: string): boolean {
    return this.used.has(nameKey(text));
  }
}

function arabicRoot(rng: Rng): string {
  const syl = rng.chance(0.75) ? 2 : 3;
  let s = '';
  for (let i = 0; i < syl; i++) {
    s += rng.pick(ARABIC_ONSETS) + (rng.chance(0.15) ? rng.pick(ARABIC_LONG_VOWELS) : rng.pick(ARABIC_VOWELS));
    if (i === syl - 1 ? rng.chance(0.7) || s.length < 4 : rng.chance(0.15)) s += rng.pick(ARABIC_CODAS);
  }
  return cap(s);
}
function placeRoot(rng: Rng): string {
  let s = rng.pick(PLACE_ONSETS) + rng.pick(PLACE_VOWELS);
  if (rng.chance(0.6)) s += rng.pick(PLACE_ONSETS) + rng.pick(PLACE_VOWELS);
  const ending = rng.pick(PLACE_ENDINGS);
  if (/^[aeiou]/.test(ending)) s = s.replace(/[aeiou]+$/, '');
  s += ending;
  // Short roots too easily spell real words ("Shia"); lengthen them.
  if (s.length < 5) s = s.replace(/^(\w)/, `$1${rng.pick(PLACE_VOWELS)}${rng.pick(PLACE_ONSETS)}`);
  return cap(s);
}
function surnameRoot(rng: Rng): string {
  let s = '';
  const n = rng.int(2, 3);
  for (let i = 0; i < n; i++) s += rng.pick(NAME_SYLLABLES);
  const suffix = rng.pick(SURNAME_SUFFIXES);
  if (/[aeiou]$/.test(s) && /^[aeiou]/.test(suffix)) s = s.slice(0, -1);
  return cap(s + suffix);
}

/** Transliteration-style respellings of a word ("Karimov" → "Karimoff", "Qasir" → "Kasir"). */
function respell(word: string, rng: Rng): string | null {
  const rules: [RegExp, string][] = [
    [/ov$/, 'off'],
    [/ev$/, 'yev'],
    [/kh/, 'h'],
    [/ou/, 'u'],
    [/ee/, 'i'],
    [/aa/, 'a'],
    [/q/, 'k'],
    [/Q/, 'K'],
    [/i$/, 'y'],
    [/zai$/, 'zay'],
    [/dh/, 'z'],
    [/sh/, 'ch'],
    [/u/, 'ou'],
    [/y/, 'i'],
    [/([bdfgklmnprst])([aeiou])$/, '$1$1$2'],
  ];
  const start = rng.int(0, rules.length - 1);
  for (let k = 0; k < rules.length; k++) {
    const [re, rep] = rules[(start + k) % rules.length]!;
    if (re.test(word)) {
      const out = word.replace(re, rep);
      if (out !== word && out.length >= 3) return out;
    }
  }
  return null;
}

/** A typo of the kind reporters make in foreign names (dropped, doubled or swapped letter). */
function misspell(name: string, rng: Rng): string {
  const words = name.split(' ');
  const i = words.reduce((best, w, k) => (w.length > (words[best]?.length ?? 0) ? k : best), 0);
  const w = words[i]!;
  if (w.length < 5) return name;
  const pos = rng.int(1, w.length - 2);
  let out: string;
  switch (rng.int(0, 2)) {
    case 0:
      out = w.slice(0, pos) + w.slice(pos + 1);
      break;
    case 1:
      out = w.slice(0, pos) + w[pos] + w.slice(pos);
      break;
    default:
      out = w.slice(0, pos) + w[pos + 1] + w[pos] + w.slice(pos + 2);
  }
  if (out === w) return name;
  words[i] = out;
  return words.join(' ');
}

function acronymOf(name: string): string {
  const small = new Set(['of', 'the', 'for', 'and', 'in']);
  let out = '';
  for (const part of name.split(/[\s-]+/)) {
    if (part === '' || small.has(part)) continue;
    if (part === 'al') out += 'A';
    else if (part === 'e' || part === 'i') out += part;
    else out += part[0]!.toUpperCase();
  }
  return out;
}

function buildWorld(seed: number, entityTotal: number, articles: number): World {
  const rng = new Rng(hash32(seed, 1));
  const reg = new NameRegistry();
  const entities: Entity[] = [];
  const add = (e: Omit<Entity, 'id'>): number => {
    const id = entities.length;
    entities.push({ ...e, id });
    return id;
  };

  const nOrgs = Math.round(entityTotal * 0.3);
  const nPersons = Math.round(entityTotal * 0.35);
  const nPlaces = Math.round(entityTotal * 0.12);
  const nAuth = entityTotal - nOrgs - nPersons - nPlaces;

  // --- Authorities: international bodies, then countries with their bodies, popular candidates first.
  const countries: number[] = [];
  const bodies = new Map<number, Map<BodyType, number>>();
  const addBody = (parent: number, type: BodyType, name: string, aliases: string[]): void => {
    if (!reg.claim(form(name).text)) return;
    const fs = aliases.map(form).filter((f) => reg.claim(f.text));
    const id = add({ kind: 'authority', name: form(name), aliases: fs, variants: fs, short: fs, partOf: parent, authType: 'body', bodyType: type });
    const m = bodies.get(parent) ?? new Map<BodyType, number>();
    m.set(type, id);
    bodies.set(parent, m);
  };
  const addTop = (name: string, type: AuthorityType, aliases: string[], demonym: string): number => {
    const nf = form(name);
    reg.claim(nf.text);
    const fs = aliases.map(form).filter((f) => reg.claim(f.text));
    const acr = fs.find((f) => /^[A-Z.]{2,6}$/.test(f.text));
    const whole = new RegExp(`(^|\\s)${nf.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|\\s)`);
    const placeSafe = (f: Form) => f === acr || whole.test(f.text) || PLACE_SAFE_ALIASES.has(f.text);
    return add({
      kind: 'authority',
      name: nf,
      aliases: fs,
      variants: fs.filter((f) => f !== acr),
      short: acr ? [acr] : fs.slice(0, 1),
      authType: type,
      demonym,
      ...(type === 'country' ? { placeForms: [nf, ...fs.filter(placeSafe)] } : {}),
      ...(acr ? { acronym: acr.text } : {}),
    });
  };

  const unsc = addTop(
    'the United Nations Security Council',
    'un',
    ['the UN Security Council', 'the U.N. Security Council', 'the UNSC', 'the Security Council'],
    'UN',
  );
  const eu = addTop('the European Union', 'eu', ['the EU', 'the E.U.'], 'EU');
  const topAuthorities = [unsc, eu];
  addBody(unsc, 'uncommittee', 'the UN Security Council Sanctions Committee', ['the UN sanctions committee', 'the 1267 Committee']);
  addBody(eu, 'eucouncil', 'the Council of the European Union', ['the Council of the EU', 'the EU Council']);

  const countryDemonym = new Map<number, string>();
  const countryIds: number[] = [];
  let richBodies = 0;
  const authBudget = () => nAuth - entities.length;
  for (const [cname, dem, aliases] of COUNTRY_DATA) {
    if (authBudget() <= 0) break;
    const id = addTop(cname, 'country', aliases, dem);
    countries.push(id);
    countryIds.push(id);
    countryDemonym.set(id, dem);
    if (richBodies < 6 && authBudget() > 0) {
      richBodies++;
      const n = form(cname);
      const np = (n.the ? 'the ' : '') + possessive(n.text, "'");
      if (cname === 'the United States') {
        addBody(id, 'state', 'the US Department of State', ['the State Department', 'the U.S. State Department', 'the US State Department']);
        addBody(id, 'treasury', 'the US Department of the Treasury', ['the US Treasury', 'the U.S. Treasury', 'the Treasury Department']);
        addBody(id, 'justice', 'the US Department of Justice', ['the Justice Department', 'the U.S. Justice Department']);
      } else if (cname === 'the United Kingdom') {
        addBody(id, 'homeoffice', 'the Home Office', ['the UK Home Office', 'the British Home Office']);
        addBody(id, 'court', 'the Supreme Court of the United Kingdom', ['the UK Supreme Court']);
      } else {
        addBody(id, 'justice', `the Ministry of Justice of ${n.text}`, [
          `the ${dem} Ministry of Justice`,
          `${np} Ministry of Justice`,
          `the ${dem} justice ministry`,
        ]);
        addBody(id, 'court', `the Supreme Court of ${n.text}`, [`${np} Supreme Court`, `the ${dem} Supreme Court`]);
        addBody(id, 'prosecutor', `the Prosecutor General of ${n.text}`, [
          `${np} Prosecutor General`,
          `the ${dem} Prosecutor General's Office`,
          `${np} Prosecutor General's Office`,
        ]);
        addBody(id, 'foreign', `the Ministry of Foreign Affairs of ${n.text}`, [
          `the ${dem} Ministry of Foreign Affairs`,
          `the ${dem} foreign ministry`,
          `${np} Foreign Ministry`,
        ]);
        if (rng.chance(0.5)) addBody(id, 'interior', `the Ministry of Interior of ${n.text}`, [`the ${dem} Interior Ministry`, `${np} Interior Ministry`]);
      }
    }
    if (countries.length === 6 && authBudget() > 0) {
      // A few regional organisations between the big countries and the long tail.
      for (const [name, aliases] of [
        ['the African Union', ['the AU']],
        ['the Shanghai Cooperation Organisation', ['the SCO', 'the Shanghai Cooperation Organization']],
        ['the Collective Security Treaty Organization', ['the CSTO']],
        ['the Arab League', ['the League of Arab States']],
      ] as [string, string[]][]) {
        if (authBudget() > 0) topAuthorities.push(addTop(name, 'intl', aliases, ''));
      }
    }
  }
  // Fictional countries if the budget outruns the list.
  while (authBudget() > 0) {
    const root = placeRoot(rng);
    if (reg.taken(root) || reg.taken(`Republic of ${root}`)) continue;
    const dem = `${root.replace(/(ia|a|e|i|o|u)$/, '')}ian`;
    const id = addTop(root, 'country', [`the Republic of ${root}`], dem);
    countries.push(id);
    countryDemonym.set(id, dem);
  }
  for (const c of countries) topAuthorities.push(c);

  // Popular authorities: 3 or 4 of the big five, chosen by seed.
  const candidates = [unsc, countries[0], countries[1], countries[2], eu].filter((x): x is number => x !== undefined);
  const nPopAuth = Math.min(candidates.length, rng.int(3, 4));
  const popAuth = rng.shuffle([...candidates]).slice(0, nPopAuth);

  // --- Places.
  const conflictCountries = countries.filter((c) => CONFLICT_COUNTRIES.has(entities[c]!.name.text));
  const placeHosts = conflictCountries.length > 0 ? conflictCountries : countries;
  const places: number[] = [];
  const PLACE_KINDS: [suffix: string, desc: string][] = [
    ['', 'a town in'],
    ['', 'a city in'],
    [' Province', 'a province in'],
    [' Valley', 'a valley in'],
    [' District', 'a district in'],
    ['', 'a border town in'],
    [' Region', 'a region of'],
  ];
  const DIRECTIONS = ['northern', 'southern', 'eastern', 'western', 'north-western', 'north-eastern', 'south-eastern', 'central'];
  let guard = 0;
  while (places.length < nPlaces && guard++ < nPlaces * 50) {
    const root = placeRoot(rng);
    const [suffix, desc] = rng.pick(PLACE_KINDS);
    const name = root + suffix;
    if (reg.taken(name) || reg.taken(root)) continue;
    reg.claim(name);
    const aliases: Form[] = [];
    if (suffix !== '' && reg.claim(root)) aliases.push(form(root));
    const alt = respell(root, rng);
    if (alt && rng.chance(0.6) && reg.claim(alt + suffix)) aliases.push(form(alt + suffix));
    const host = rng.pick(placeHosts);
    const hostName = entities[host]!.name;
    places.push(
      add({
        kind: 'place',
        name: form(name),
        aliases,
        variants: aliases,
        short: aliases.slice(0, 1),
        country: host,
        placeDesc: `${desc} ${rng.pick(DIRECTIONS)} ${hostName.the ? 'the ' : ''}${hostName.text}`,
      }),
    );
  }

  // --- Organisations.
  const orgs: number[] = [];
  const ACCUSATIONS = [
    'a string of bombings targeting security forces',
    'kidnapping foreign aid workers',
    'recruiting fighters from across Central Asia',
    'running extortion networks along the border',
    'attacks on civilians and government buildings',
    'smuggling weapons to insurgents',
    'financing militant cells abroad',
    'suicide attacks on police checkpoints',
    'raising money through the drug trade',
    'targeting religious minorities',
  ];
  const DECADES = ['the early 1990s', 'the late 1990s', 'the mid-1990s', 'the early 2000s', 'the mid-2000s', 'the late 2000s', '2011', '2014', 'the 1980s'];
  guard = 0;
  while (orgs.length < nOrgs && guard++ < nOrgs * 50) {
    const r = arabicRoot(rng);
    const p = places.length > 0 && rng.chance(0.5) ? entities[rng.pick(places)]!.name.text.split(' ')[0]! : placeRoot(rng);
    const pattern = rng.int(0, 15);
    let name: string;
    let variants: string[] = [];
    switch (pattern) {
      case 0:
        name = `Harakat al-${r}`;
        variants = [`Harakat-al-${r}`, `Harkat al-${r}`, `Harakat al ${r}`];
        break;
      case 1:
        name = `Jaish al-${r}`;
        variants = [`Jaysh al-${r}`, `Jaish-al-${r}`];
        break;
      case 2:
        name = `Ansar al-${r}`;
        variants = [`Ansaar al-${r}`, `Ansar-al-${r}`];
        break;
      case 3:
        name = `Lashkar-e-${r}`;
        variants = [`Lashkar-i-${r}`, `Lashkar e ${r}`];
        break;
      case 4:
        name = `Tehreek-e-${r}`;
        variants = [`Tehrik-i-${r}`, `Tahreek-e-${r}`];
        break;
      case 5:
        name = `Jamaat ${r}`;
        variants = [`Jama'at ${r}`, `Jamaah ${r}`];
        break;
      case 6:
        name = `Hizb al-${r}`;
        variants = [`Hezb al-${r}`, `Hizb-al-${r}`];
        break;
      case 7:
        name = `Kataib ${r}`;
        variants = [`Kata'ib ${r}`, `Kataeb ${r}`];
        break;
      case 8:
        name = `the ${p} Liberation Front`;
        variants = [`the Liberation Front of ${p}`];
        break;
      case 9:
        name = `the ${p} Liberation Army`;
        variants = [`the Army for the Liberation of ${p}`];
        break;
      case 10:
        name = `the Popular Front for the Liberation of ${p}`;
        variants = [`the Popular Liberation Front of ${p}`];
        break;
      case 11:
        name = `the Islamic Movement of ${p}`;
        variants = [`the ${p} Islamic Movement`];
        break;
      case 12:
        name = `the ${p} Revolutionary Army`;
        variants = [`the Revolutionary Army of ${p}`];
        break;
      case 13:
        name = `the ${r} Brigades`;
        variants = [`the ${r} Brigade`];
        break;
      case 14:
        name = `the ${p} People's Front`;
        variants = [`the People's Front of ${p}`];
        break;
      default:
        name = `Ahl al-${r}`;
        variants = [`Ahl-al-${r}`, `Ahl ul-${r}`];
    }
    const nf = form(name);
    if (!reg.claim(nf.text)) continue;
    const rootAlt = respell(r, rng);
    if (rootAlt && pattern <= 7 && rng.chance(0.6)) variants.push(name.replace(r, rootAlt));
    const aliases: Form[] = [];
    for (const v of rng.shuffle(variants).slice(0, rng.int(1, 3))) {
      const f = form(v);
      if (nameKey(f.text) === nameKey(nf.text) ? f.text !== nf.text : reg.claim(f.text)) aliases.push(f);
    }
    let acronym: string | undefined;
    const acr = acronymOf(nf.text);
    if (acr.length >= 2 && acr.length <= 6 && rng.chance(0.85)) {
      if (reg.claim(acr)) acronym = acr;
      else if (reg.claim(`${acr}M`)) acronym = `${acr}M`;
    }
    if (acronym) aliases.push({ text: acronym, the: nf.the });
    if (pattern <= 7 && rng.chance(0.25) && reg.claim(`${r} movement`)) aliases.push({ text: `${r} movement`, the: true });
    const host = rng.pick(placeHosts);
    const homes = places.filter((pl) => entities[pl]!.country === host);
    orgs.push(
      add({
        kind: 'organisation',
        name: nf,
        aliases,
        variants: aliases.filter((a) => a.text !== acronym),
        short: acronym ? [{ text: acronym, the: nf.the }] : aliases.slice(0, 1),
        ...(acronym ? { acronym } : {}),
        founded: rng.pick(DECADES),
        accusation: rng.pick(ACCUSATIONS),
        country: host,
        ...(homes.length > 0 ? { home: rng.pick(homes) } : places.length > 0 ? { home: rng.pick(places) } : {}),
      }),
    );
  }
  for (let i = 1; i < orgs.length; i++) {
    if (rng.chance(0.3)) entities[orgs[i]!]!.parent = orgs[rng.int(0, i - 1)]!;
  }

  // Popularity: two or three popular organisations, then a Zipf tail.
  const nPopOrgs = rng.int(2, 3);
  const orgWeights = orgs.map((_, i) => (i < nPopOrgs ? [0.26, 0.16, 0.1][i]! : 0));
  let tailNorm = 0;
  for (let i = nPopOrgs; i < orgs.length; i++) tailNorm += 1 / (i - nPopOrgs + 1);
  const tailMass = 1 - orgWeights.reduce((a, b) => a + b, 0);
  for (let i = nPopOrgs; i < orgs.length; i++) orgWeights[i] = (tailMass * (1 / (i - nPopOrgs + 1))) / tailNorm;
  const orgSampler = new Sampler(orgs, orgWeights);
  const popOrgs = orgs.slice(0, nPopOrgs);

  const authWeight = new Map<number, number>();
  topAuthorities.forEach((a, i) => {
    authWeight.set(a, popAuth.includes(a) ? 4 : 1 / (1 + i * 0.3));
  });

  // --- Persons.
  const persons: number[] = [];
  const officials = new Map<number, number[]>();
  const members = new Map<number, number[]>();
  const analysts: number[] = [];
  const makePerson = (role: PersonRole): number | null => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const [first, firstVariants] = rng.pick(FIRST_NAMES);
      const last = surnameRoot(rng);
      const name = `${first} ${last}`;
      if (reg.taken(name) || reg.taken(last)) continue;
      reg.claim(name);
      const aliases: Form[] = [];
      const variants: Form[] = [];
      if (firstVariants.length > 0 && rng.chance(0.7)) {
        const v = `${rng.pick(firstVariants)} ${last}`;
        if (reg.claim(v)) variants.push(form(v));
      }
      const lastAlt = respell(last, rng);
      if (lastAlt && rng.chance(0.5) && reg.claim(`${first} ${lastAlt}`)) variants.push(form(`${first} ${lastAlt}`));
      aliases.push(...variants);
      const short: Form[] = [];
      if (reg.claim(last)) {
        aliases.push(form(last));
        short.push(form(last));
      }
      const id = add({ kind: 'person', name: form(name), aliases, variants, short, role });
      persons.push(id);
      return id;
    }
    return null;
  };
  const OFFICIAL_TITLES: Record<string, string[]> = {
    country: [
      'Foreign Minister',
      'Deputy Foreign Minister',
      'Interior Minister',
      'special envoy',
      'national security adviser',
      'special representative',
      'Security Council secretary',
    ],
    un: ['UN special envoy', 'UN counter-terrorism chief'],
    eu: ['EU foreign policy chief', 'EU counter-terrorism coordinator'],
    intl: ['secretary-general'],
    court: ['Supreme Court Judge', 'Judge'],
    prosecutor: ['Prosecutor General', 'Deputy Prosecutor General'],
    justice: ['Justice Minister'],
    foreign: ['foreign ministry spokesperson'],
    interior: ['Interior Minister'],
    state: ['Secretary of State', 'State Department spokesperson'],
    treasury: ['Treasury official', 'Treasury Under Secretary'],
    homeoffice: ['Home Secretary', 'Security Minister'],
    eucouncil: ['EU Council spokesperson'],
    uncommittee: ['committee chair'],
  };
  const nOfficials = Math.round(nPersons * 0.38);
  const nMembers = Math.round(nPersons * 0.32);
  // Officials: popular authorities and their bodies first, round-robin.
  const officialSlots: number[] = [];
  const bodyList = (a: number) => [...(bodies.get(a)?.values() ?? [])];
  for (const a of [...popAuth, ...topAuthorities.filter((a) => !popAuth.includes(a))]) {
    officialSlots.push(a, ...bodyList(a));
    if (popAuth.includes(a)) officialSlots.push(a);
  }
  for (let i = 0; persons.length < nOfficials && i < officialSlots.length * 3; i++) {
    const a = officialSlots[i % officialSlots.length]!;
    const e = entities[a]!;
    const titles = OFFICIAL_TITLES[e.authType === 'body' ? e.bodyType! : e.authType!] ?? ['official'];
    const id = makePerson({ type: 'official', authority: a, title: rng.pick(titles) });
    if (id === null) continue;
    const top = e.partOf ?? a;
    officials.set(top, [...(officials.get(top) ?? []), id]);
  }
  const MEMBER_TITLES = ['leader', 'spokesman', 'senior commander', 'chief financier', 'deputy leader', 'military commander', 'political chief'];
  for (let i = 0; persons.length < nOfficials + nMembers && i < nMembers * 3; i++) {
    const o = orgs[i % Math.max(1, Math.min(orgs.length, Math.ceil(nMembers / 1.5)))]!;
    const id = makePerson({ type: 'member', org: o, title: rng.pick(MEMBER_TITLES) });
    if (id !== null) members.set(o, [...(members.get(o) ?? []), id]);
  }
  const STUDY_AREAS = [
    'Central Asian',
    'Middle East',
    'South Asian',
    'Sahel',
    'Caucasus',
    'Security',
    'Conflict',
    'Strategic',
    'Eurasian',
    'Counter-Terrorism',
  ];
  const CITIES = ['Geneva', 'Vienna', 'Almaty', 'London', 'Istanbul', 'Doha', 'Singapore', 'Oslo', 'Toronto', 'Nairobi'];
  while (persons.length < nPersons) {
    const affiliation = rng.pick([
      () => `director of the Centre for ${rng.pick(STUDY_AREAS)} Studies`,
      () => `a senior fellow at the ${cap(surnameRoot(rng).toLowerCase())} Institute`,
      () => `a professor of international relations at ${rng.pick(CITIES)} University`,
      () => `a security analyst at ${rng.pick(['Crisis', 'Frontier', 'Meridian', 'Sentinel', 'Atlas'])} ${rng.pick(['Risk', 'Advisory', 'Intelligence'])}`,
      () => `a researcher at the ${rng.pick(CITIES)} Institute for ${rng.pick(['Peace', 'Security', 'Policy'])} Studies`,
      () => `director of the Center for the Study of Contemporary ${entities[rng.pick(placeHosts)]!.name.text.replace(/^the /, '')}`,
    ])();
    const id = makePerson({ type: 'analyst', affiliation });
    if (id === null) break;
    analysts.push(id);
  }

  // --- Designations: who lists which organisation, and the moves to take some off again.
  const designations: Designation[] = [];
  const desByOrg = new Map<number, Designation[]>();
  // Popular authorities list many groups, though not most of the tail.
  const authSampler = new Sampler(
    topAuthorities,
    topAuthorities.map((a) => (popAuth.includes(a) ? 2 : (authWeight.get(a) ?? 1))),
  );
  const listBodies: BodyType[] = ['justice', 'court', 'state', 'homeoffice', 'interior', 'uncommittee', 'eucouncil'];
  orgs.forEach((o, rank) => {
    const isPop = rank < nPopOrgs;
    const chosen = new Set<number>();
    if (isPop) for (const a of popAuth) chosen.add(a);
    const extra = isPop ? rng.int(6, 12) : Math.min(6, 1 + Math.floor(-Math.log(1 - rng.next() * 0.95) * 1.2));
    for (let k = 0; k < extra * 3 && chosen.size < (isPop ? popAuth.length : 0) + extra; k++) chosen.add(authSampler.pick(rng));
    const list: Designation[] = [];
    for (const a of chosen) {
      const avail = listBodies.map((b) => bodies.get(a)?.get(b)).filter((x): x is number => x !== undefined);
      const lister = avail.length > 0 && rng.chance(0.55) ? rng.pick(avail) : a;
      const listed = rng.int(HISTORY_START, PUB_END - 200);
      const d: Designation = { org: o, authority: a, lister, listed };
      const isCountry = entities[a]!.authType === 'country';
      if (isCountry && rng.chance(isPop ? 0.3 : 0.18) && listed < PUB_END - 3 * 365) {
        const b = bodies.get(a);
        const intentDay = rng.int(Math.max(listed + 3 * 365, PUB_START - 400), PUB_END - 60);
        if (intentDay < PUB_END) {
          d.intent = { day: intentDay, actor: b?.get('foreign') !== undefined && rng.chance(0.6) ? b.get('foreign')! : a };
          let last = intentDay;
          const pg = b?.get('prosecutor');
          const court = b?.get('court');
          if (pg !== undefined && court !== undefined) {
            const pd = intentDay + rng.int(90, 330);
            if (pd <= PUB_END) d.petition = { day: pd, prosecutor: pg, court };
            last = pd;
          }
          const rd = last + rng.int(14, 75);
          if (rd <= PUB_END && (d.petition || !(pg !== undefined && court !== undefined))) {
            d.removal = { day: rd, actor: d.petition ? d.petition.court : (b?.get('justice') ?? a) };
          }
        }
      }
      list.push(d);
      designations.push(d);
    }
    desByOrg.set(o, list);
  });

  // --- Attacks.
  const ATTACK_KINDS: [kind: string, target: string][] = [
    ['a suicide bombing', 'a crowded market'],
    ['a gun attack', 'a concert hall'],
    ['a bombing', 'a police station'],
    ['a coordinated assault', 'a military base'],
    ['a car bombing', 'a checkpoint'],
    ['a suicide attack', 'a mosque'],
    ['an armed assault', 'a hotel'],
    ['a bombing', 'a bus station'],
    ['an attack', 'a wedding party'],
    ['a rocket attack', 'an army post'],
    ['a raid', 'a village'],
    ['a bombing', 'a railway station'],
    ['a gun and grenade attack', 'a shopping centre'],
    ['a suicide bombing', 'a government compound'],
  ];
  const attacks: Attack[] = [];
  // Enough attacks that each is covered by a handful of stories, not dozens (entities are drawn before this, so
  // entities.yml does not depend on the article count).
  const nAttacks = Math.max(40, Math.round(articles * 0.15));
  for (let i = 0; i < nAttacks && places.length > 0; i++) {
    const o = orgSampler.pick(rng);
    const oe = entities[o]!;
    const sameCountry = places.filter((p) => entities[p]!.country === oe.country);
    const place = sameCountry.length > 0 && rng.chance(0.7) ? rng.pick(sameCountry) : rng.pick(places);
    const u = rng.next();
    const killed = u < 0.6 ? rng.int(3, 30) : u < 0.9 ? rng.int(31, 100) : rng.int(101, 320);
    const [kind, target] = rng.pick(ATTACK_KINDS);
    const tolls = Array.from({ length: OUTLET_NAMES.length + 1 }, () => {
      const v = rng.next();
      if (v < 0.45) return killed;
      if (v < 0.85) return Math.max(1, killed - rng.int(1, Math.max(1, Math.round(killed * 0.15))));
      return killed + rng.int(1, Math.max(1, Math.round(killed * 0.05)));
    });
    attacks.push({
      org: o,
      place,
      day: rng.chance(0.8) ? rng.int(PUB_START - 60, PUB_END - 3) : rng.int(HISTORY_START, PUB_START),
      killed,
      wounded: Math.round(killed * (0.5 + rng.next() * 2.5)),
      kind,
      target,
      tolls,
    });
  }
  attacks.sort((a, b) => a.day - b.day);
  const attacksByOrg = new Map<number, Attack[]>();
  for (const a of attacks) attacksByOrg.set(a.org, [...(attacksByOrg.get(a.org) ?? []), a]);

  const outlets: Outlet[] = OUTLET_NAMES.map((name, i) => {
    const r = new Rng(hash32(seed, 77, i));
    const slug = name
      .toLowerCase()
      .replace(/^the /, '')
      .replace(/[^a-z0-9]+/g, '');
    return {
      name,
      domain: `${r.chance(0.5) ? 'www.' : ''}${slug}.${r.pick(['com', 'com', 'net', 'org', 'news', 'co.uk', 'info'])}`,
      section: r.pick(['world', 'news', 'international', 'politics', 'security', 'asia', 'region']),
      urlStyle: r.int(0, 3),
      dateStyle: r.chance(0.7) ? 'us' : 'uk',
      spelling: r.chance(0.55) ? 'uk' : 'us',
      curly: r.chance(0.4),
      titleCase: r.chance(0.4),
    };
  });

  const forums = Array.from(
    { length: 6 },
    () =>
      `${rng.pick(['International Economic', 'Regional Security', 'Eurasian Economic', 'Investment', 'Trade and Connectivity', 'Strategic Dialogue'])} Forum`,
  );

  return {
    entities,
    orgs,
    persons,
    places,
    countries,
    topAuthorities,
    popular: [...popOrgs, ...popAuth],
    orgSampler,
    authWeight,
    designations,
    desByOrg,
    attacks,
    attacksByOrg,
    officials,
    members,
    analysts,
    bodies,
    outlets,
    forums,
  };
}

const OUTLET_NAMES = [
  'The Caspian Herald',
  'Steppe Wire',
  'Meridian News Agency',
  'The Frontier Dispatch',
  'Global Security Review',
  'Continental Post',
  'The Daily Ledger',
  'Northern Gazette',
  'Asia Policy Wire',
  'The Evening Courier',
  'Levant Observer',
  'Sahel Report',
  'The Atlas Times',
  'Crescent News Network',
  'Pacific Bulletin',
  'Horizon Press Agency',
  'The Capital Tribune',
  'Silk Road Times',
  'The Morning Standard',
  'Orient Review',
  'World Affairs Digest',
  'Black Sea Chronicle',
  'Indus Herald',
  'Danube Wire',
  'The Citizen Journal',
  'Gulf Monitor',
  'Polar Star News',
  'Highland Examiner',
  'Eastern Front Line',
  'The Policy Brief',
];

function possessive(text: string, apos: string): string {
  return text.endsWith('s') ? `${text}${apos}` : `${text}${apos}s`;
}

/** The kinds entities.yml lists, in the order a hand-written file groups them. */
const ENTITY_KINDS: Kind[] = ['organisation', 'authority', 'person', 'place'];

function entitiesYaml(w: World, kinds: Kind[]): string {
  const q = (s: string) => (/^[A-Za-z0-9][A-Za-z0-9 .-]*$/.test(s) && !/^(yes|no|true|false|null|on|off|y|n)$/i.test(s) ? s : JSON.stringify(s));
  const lines = [
    '# Synthetic entities for the benchmark, written by bench/generateKnowledge.ts.',
    '#   kind: organisation | person | authority | place',
    '#   part_of: for a body of an authority (a ministry, a court), the authority whose list it keeps.',
    '',
  ];
  for (const kind of kinds) {
    for (const e of w.entities) {
      if (e.kind !== kind) continue;
      lines.push(`- name: ${q(e.name.text)}`);
      lines.push(`  kind: ${e.kind}`);
      if (e.partOf !== undefined) lines.push(`  part_of: ${q(w.entities[e.partOf]!.name.text)}`);
      lines.push(`  aliases: [${e.aliases.map((a) => q(a.text)).join(', ')}]`);
      lines.push('');
    }
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Rendering

/**
 * Renders sentences for one article. Each sentence has a canonical seed shared by every outlet
 * covering a story; a per-outlet stream overrides a fraction of the choices, so outlets
 * covering the same event write near-duplicates (same facts, some different words).
 */
class Render {
  private canon: Rng;
  private readonly seen = new Map<number, number>();
  /** Headline style: no leading "the", no parenthesised acronyms, short forms preferred. */
  private headlineMode = false;
  constructor(
    readonly w: World,
    /** The article's true publication day. */
    readonly P: number,
    private readonly o: Rng,
    readonly outlet: Outlet,
    readonly outletIndex: number,
    readonly mentioned: Set<number>,
    private readonly mutation: number,
  ) {
    this.canon = o;
  }

  /** Renders one spec; a spec that says two things returns them joined by SENTENCE_BREAK. */
  sentence(seed: number, fn: (r: Render) => string): string {
    this.canon = new Rng(seed);
    const s = fn(this);
    this.canon = this.o;
    return s
      .split(SENTENCE_BREAK)
      .map((x) => cap(x.replace(/\s+/g, ' ').replace(/ ,/g, ',').trim()))
      .filter((x) => x !== '')
      .join(SENTENCE_BREAK);
  }
  /** Runs fn with mention state that does not carry into the body (for the headline). */
  headline(seed: number, fn: (r: Render) => string): string {
    const saved = new Map(this.seen);
    this.headlineMode = true;
    const s = this.sentence(seed, fn);
    this.headlineMode = false;
    this.seen.clear();
    for (const [k, v] of saved) this.seen.set(k, v);
    return s;
  }

  u(): number {
    const a = this.canon.next();
    return this.o.next() < this.mutation ? this.o.next() : a;
  }
  p<T>(...opts: T[]): T {
    return opts[Math.floor(this.u() * opts.length)]!;
  }
  chance(x: number): boolean {
    return this.u() < x;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.u() * (hi - lo + 1));
  }

  // --- style
  get apos(): string {
    return this.outlet.curly ? '’' : "'";
  }
  q(text: string): string {
    return this.outlet.curly ? `“${text}”` : `"${text}"`;
  }
  sp(uk: string, us: string): string {
    return this.outlet.spelling === 'uk' ? uk : us;
  }
  get organisation(): string {
    return this.sp('organisation', 'organization');
  }
  list(): string {
    return this.p(
      `list of terrorist ${this.organisation}s`,
      'terrorist list',
      `list of banned ${this.organisation}s`,
      `register of terrorist ${this.organisation}s`,
      'list of terrorist groups',
    );
  }
  poss(np: string): string {
    return possessive(np, this.apos);
  }

  // --- mentions
  /** A noun phrase naming the entity ("the UN Security Council", "HAE", "Karimov"). */
  e(id: number, place = false): string {
    const ent = this.w.entities[id]!;
    const n = this.seen.get(id) ?? 0;
    this.seen.set(id, n + 1);
    let f: Form = ent.name;
    let extra = '';
    let misspelt = false;
    switch (ent.kind) {
      case 'organisation':
        if (this.headlineMode) {
          if (ent.acronym && (ent.name.text.length > 22 || this.chance(0.3))) f = ent.short[0]!;
          else if (ent.variants.length > 0 && this.chance(0.2)) f = this.p(...ent.variants);
        } else if (n === 0) {
          if (ent.variants.length > 0 && this.chance(0.3)) f = this.p(...ent.variants);
          else if (ent.acronym && this.chance(0.08)) f = ent.short[0]!;
          if (ent.acronym && f !== ent.short[0] && this.chance(0.35)) extra = ` (${ent.acronym})`;
        } else if (ent.short.length > 0 && this.chance(0.45)) f = this.p(...ent.short);
        else if (ent.variants.length > 0 && this.chance(0.35)) f = this.p(...ent.variants);
        break;
      case 'person':
        if (this.headlineMode) {
          if (ent.short.length > 0) f = ent.short[0]!;
        } else if (n === 0) {
          if (ent.variants.length > 0 && this.chance(0.25)) f = this.p(...ent.variants);
        } else if (ent.short.length > 0 && this.chance(0.8)) f = ent.short[0]!;
        misspelt = this.o.next() < 0.04;
        break;
      case 'authority': {
        const pool =
          place && ent.placeForms
            ? ent.placeForms.filter((x) => x !== ent.name)
            : n > 0 && ent.short.length > 0
              ? [...ent.short, ...ent.variants]
              : ent.variants.length > 0
                ? ent.variants
                : ent.aliases;
        if (this.headlineMode && ent.acronym && this.chance(0.6)) f = ent.short[0]!;
        else if (pool.length > 0 && this.chance(n === 0 ? 0.3 : 0.45)) f = this.p(...pool);
        break;
      }
      case 'place':
        if (ent.aliases.length > 0 && this.chance(0.3)) f = this.p(...ent.aliases);
        break;
    }
    let text = f.text;
    if (misspelt) {
      const t = misspell(text, this.o);
      if (t === text) misspelt = false;
      text = t;
    }
    if (!misspelt) this.mentioned.add(id);
    if (this.outlet.curly) text = text.replace(/'/g, '’');
    if (this.headlineMode) return text;
    return (f.the ? 'the ' : '') + text + extra;
  }
  /** A country as a territory ("in Britain", never "in the Kremlin"). */
  loc(id: number): string {
    return this.e(id, true);
  }
  /** Possessive of a mention, without a parenthesised acronym. */
  ep(id: number, place = false): string {
    const t = this.e(id, place).replace(/ \([^)]*\)$/, '');
    return this.poss(t);
  }
  /** Country-level authority for an entity (the entity itself or what it is part of). */
  top(id: number): number {
    return this.w.entities[id]!.partOf ?? id;
  }
  demonym(id: number): string {
    return this.w.entities[this.top(id)]!.demonym ?? '';
  }
  /** "the group", "the movement"... or a mention. */
  ref(org: number): string {
    return this.chance(0.25) ? this.p('the group', 'the movement', 'the militants', `the ${this.organisation}`) : this.e(org);
  }

  /**
   * A person with what they are for a first mention ("Russian Foreign Minister Sergei Lavrov",
   * "Omar Nessar, director of ...,"); the short name afterwards. An appositive ends in a comma.
   */
  who(pid: number): string {
    const ent = this.w.entities[pid]!;
    const first = (this.seen.get(pid) ?? 0) === 0;
    const name = this.e(pid);
    if (!first) return name;
    const role = ent.role!;
    switch (role.type) {
      case 'official': {
        const auth = this.w.entities[role.authority]!;
        const top = this.w.entities[auth.partOf ?? role.authority]!;
        if (role.title === 'Judge' || role.title === 'Supreme Court Judge') {
          return this.p(`${role.title} ${name}`, `${name}, a judge of ${this.e(role.authority)},`);
        }
        if (top.authType === 'country') return `${top.demonym} ${role.title} ${name}`;
        return `${role.title} ${name}`;
      }
      case 'member': {
        const orgName = this.e(role.org).replace(/ \([^)]*\)$/, '');
        return this.p(`${name}, ${this.poss(orgName)} ${role.title},`, `${name}, a ${role.title} of ${orgName},`.replace(/ a ([aeiou])/, ' an $1'));
      }
      case 'analyst':
        return `${name}, ${role.affiliation},`;
    }
  }
  /** A quotation with its attribution to a person: “...,” X said. */
  quote(text: string, pid: number, end = false): string {
    const comma = text.replace(/\.$/, ',');
    const k = end ? this.int(0, 1) : this.int(0, 5);
    const who = () => this.who(pid);
    const whoEnd = () => this.who(pid).replace(/,$/, '');
    switch (k) {
      case 0:
        return `${this.q(comma)} said ${whoEnd()}.`;
      case 1:
        return `${this.q(comma)} ${who()} said.`;
      case 2:
        return `${this.q(comma)} ${who()} told reporters.`;
      case 3:
        return `${who()} said: ${this.q(text)}`;
      case 4:
        return `${this.q(comma)} ${who()} said in a statement.`;
      default:
        return `${this.q(comma)} ${who()} was quoted as saying.`;
    }
  }

  // --- dates
  private md(p: { m: number; d: number }): string {
    return this.outlet.dateStyle === 'us' ? `${MONTHS[p.m - 1]} ${p.d}` : `${p.d} ${MONTHS[p.m - 1]}`;
  }
  private mdy(p: { y: number; m: number; d: number }): string {
    return this.outlet.dateStyle === 'us' ? `${MONTHS[p.m - 1]} ${p.d}, ${p.y}` : `${p.d} ${MONTHS[p.m - 1]} ${p.y}`;
  }
  /** An adverbial for when something happened or will happen, relative to publication where natural. */
  when(dp: DatePoint | number): string {
    const { day, prec } = typeof dp === 'number' ? { day: dp, prec: 'day' as Precision } : dp;
    const e = partsOf(day);
    const p = partsOf(this.P);
    const monthsBack = (p.y - e.y) * 12 + (p.m - e.m);
    const month = MONTHS[e.m - 1]!;
    if (prec === 'year') return e.y === p.y ? this.p('earlier this year', `in ${e.y}`) : this.p(`in ${e.y}`, `in ${e.y}`, `back in ${e.y}`);
    if (prec === 'month') {
      if (monthsBack === 0) return this.p('earlier this month', 'this month');
      if (monthsBack === 1) return this.p('last month', `in ${month}`);
      if (e.y === p.y && monthsBack > 0) return this.p(`in ${month}`, 'earlier this year', `in ${month} this year`);
      if (e.y === p.y - 1) return this.p(`in ${month} last year`, `in ${month} ${e.y}`, 'last year');
      return this.p(`in ${month} ${e.y}`, `in ${e.y}`);
    }
    const diff = this.P - day;
    if (diff < 0) {
      if (diff >= -6) return `on ${WEEKDAYS[e.wd]}`;
      if (diff >= -13) return this.p('next week', `on ${this.md(e)}`);
      if (monthsBack === -1)
        return this.p(
          'next month',
          `on ${this.md(e)}`,
          `in early ${month}`.replace('early', e.d <= 10 ? 'early' : e.d <= 20 ? 'mid-' : 'late').replace('mid- ', 'mid-'),
        );
      return e.y === p.y ? `on ${this.md(e)}` : `on ${this.mdy(e)}`;
    }
    if (diff <= 6) return this.p(`on ${WEEKDAYS[e.wd]}`, `on ${WEEKDAYS[e.wd]}`, `on ${WEEKDAYS[e.wd]}`, diff === 1 ? 'yesterday' : `on ${WEEKDAYS[e.wd]}`);
    if (diff <= 13) return this.p('last week', e.y === p.y ? `on ${this.md(e)}` : `on ${this.mdy(e)}`);
    if (monthsBack === 0) return this.p('earlier this month', `on ${this.md(e)}`);
    if (monthsBack === 1) return this.p('last month', e.y === p.y ? `on ${this.md(e)}` : `on ${this.mdy(e)}`, `in ${month}`);
    if (e.y === p.y) return this.p(`on ${this.md(e)}`, `on ${this.md(e)} this year`, `in ${month}`, 'earlier this year');
    if (e.y === p.y - 1) return this.p('last year', `in ${month} last year`, `in ${month} ${e.y}`, `on ${this.mdy(e)}`);
    return this.p(`in ${e.y}`, `in ${month} ${e.y}`, `on ${this.mdy(e)}`);
  }
  /** A date as a modifier: "the March 2024 attack", "last month's attack", "Monday's attack". */
  whenAdj(day: number): string {
    const e = partsOf(day);
    const p = partsOf(this.P);
    const diff = this.P - day;
    const monthsBack = (p.y - e.y) * 12 + (p.m - e.m);
    if (diff >= 0 && diff <= 6) return `${this.poss(WEEKDAYS[e.wd]!)}`;
    if (monthsBack === 1) return this.p(this.poss('last month'), `the ${MONTHS[e.m - 1]} ${e.y}`);
    return this.p(`the ${MONTHS[e.m - 1]} ${e.y}`, `the ${e.y}`, `the ${MONTHS[e.m - 1]} ${e.y}`);
  }
  year(day: number): number {
    return partsOf(day).y;
  }
}

// ---------------------------------------------------------------------------------------------
// Sentence makers shared by stories

type Fn = (r: Render) => string;
/** Separates the sentences of a spec that renders more than one (never appears in output). */
const SENTENCE_BREAK = '\u0001';
type Group = 'lead' | 'detail' | 'quote' | 'background' | 'context' | 'outlook';
interface Spec {
  group: Group;
  seed: number;
  fn: Fn;
}

function listVerb(r: Render, actor: number, o: string): string {
  const e = r.w.entities[actor]!;
  const org = r.organisation;
  switch (e.bodyType ?? e.authType) {
    case 'state':
      return r.p(`designated ${o} as a Foreign Terrorist Organization`, `listed ${o} as a Foreign Terrorist Organization`);
    case 'treasury':
      return r.p(`added ${o} to its sanctions list`, `imposed sanctions on ${o}`);
    case 'homeoffice':
      return r.p(`proscribed ${o}`, `banned ${o} under terrorism laws`);
    case 'court':
      return r.p(`${r.sp('recognised', 'recognized')} ${o} as a terrorist ${org} and banned its activities`, `ruled to ban ${o} as a terrorist ${org}`);
    case 'un':
    case 'uncommittee':
      return r.p(`added ${o} to its sanctions list`, `placed ${o} under sanctions`, `blacklisted ${o}`);
    case 'eu':
    case 'eucouncil':
      return r.p(`added ${o} to the EU terrorist list`, `placed ${o} on its list of terrorist ${org}s`);
    default:
      return r.p(
        `designated ${o} as a terrorist ${org}`,
        `added ${o} to its ${r.list()}`,
        `banned ${o}`,
        `listed ${o} as a terrorist group`,
        `designated ${o} a terrorist ${org}`,
      );
  }
}

function removeVerb(r: Render, actor: number, o: string): string {
  const e = r.w.entities[actor]!;
  if (e.authType === 'un' || e.bodyType === 'uncommittee') return r.p(`removed ${o} from its sanctions list`, `delisted ${o}`);
  return r.p(
    `removed ${o} from its ${r.list()}`,
    `lifted the ban on ${o}`,
    `removed ${o} from the ${r.list()}`,
    `struck ${o} off its terrorist list`,
    `revoked the designation of ${o} as a terrorist ${r.organisation}`,
    `officially removed ${o} from its ${r.list()}`,
  );
}

/** A sentence or two on where a designation stood at publication time ('' if it had not been made yet). */
function designationFact(r: Render, d: Designation): string {
  if (d.listed > r.P) return '';
  const removed = d.removal !== undefined && d.removal.day <= r.P;
  const listedPrec: Precision = r.p<Precision>('year', 'year', 'year', 'month', 'day');
  const auth = d.authority;
  const isCountry = r.w.entities[auth]!.authType === 'country';
  if (removed) {
    const rem = d.removal!;
    return r.p(
      () => `${r.e(auth)} ${removeVerb(r, auth, r.e(d.org))} ${r.when({ day: rem.day, prec: r.p<Precision>('day', 'month', 'year') })}.`,
      () =>
        `${r.e(rem.actor)} ${removeVerb(r, rem.actor, r.e(d.org))} ${r.when({ day: rem.day, prec: 'month' })}, ${r.p('ending', 'reversing')} a ban ${r.p('imposed', 'in place')} since ${r.year(d.listed)}.`,
      () =>
        `${r.e(d.org)} ${r.p('was', 'had been')} ${r.p('banned', 'listed as a terrorist group')} in ${r.loc(auth)} from ${r.year(d.listed)} until ${r.when({ day: rem.day, prec: 'month' }).replace(/^(in|on) /, '')}.`,
    )();
  }
  const base = r.p(
    () => `${r.e(d.lister)} ${listVerb(r, d.lister, r.e(d.org))} ${r.when({ day: d.listed, prec: listedPrec })}.`,
    () =>
      isCountry
        ? `${r.e(d.org)} has been banned in ${r.loc(auth)} since ${r.year(d.listed)}.`
        : `${r.e(d.org)} has been on ${r.ep(auth)} sanctions list since ${r.year(d.listed)}.`,
    () =>
      isCountry
        ? `${r.e(d.org)} was designated as a terrorist ${r.organisation} in ${r.loc(auth)} ${r.when({ day: d.listed, prec: listedPrec })}.`
        : `${r.e(auth)} ${listVerb(r, auth, r.e(d.org))} ${r.when({ day: d.listed, prec: listedPrec })}.`,
    () => `${r.e(d.org)} has been on ${r.ep(auth)} ${isCountry ? 'terrorist list' : 'sanctions list'} since ${r.year(d.listed)}.`,
    () =>
      `${cap(r.when({ day: d.listed, prec: listedPrec }))}, ${r.e(d.lister)} ${listVerb(r, d.lister, r.e(d.org))}${r.p('', ` over ${r.p('its alleged role in cross-border attacks', 'its links to militants in the region', 'attacks on civilians')}`)}.`,
  )();
  if (d.petition && d.petition.day <= r.P) {
    return `${base}${SENTENCE_BREAK}${cap(r.e(d.petition.prosecutor))} asked ${r.e(d.petition.court)} to lift the ban ${r.when({ day: d.petition.day, prec: r.p<Precision>('day', 'month') })}.`;
  }
  if (d.intent && d.intent.day <= r.P) {
    return `${base}${SENTENCE_BREAK}${cap(r.e(auth))} ${r.p('said', 'announced')} ${r.when({ day: d.intent.day, prec: r.p<Precision>('month', 'year', 'day') })} that it ${r.p('would remove', 'planned to remove', 'intended to drop')} ${r.ref(d.org)} from the list, but ${r.p('the process has not yet been completed', `additional legal work is needed to ${r.sp('finalise', 'finalize')} the decision`, 'the decision has yet to take legal effect')}.`;
  }
  return base;
}

/** "Kazakhstan and Kyrgyzstan have already removed X from their lists", from the removals made by publication time. */
function othersRemovedFact(r: Render, des: Designation[], except: number): string {
  const done = des.filter((d) => d.authority !== except && d.removal !== undefined && d.removal.day <= r.P);
  if (done.length === 0) return '';
  if (done.length === 1) return designationFact(r, done[0]!);
  const [a, b] = [done[0]!, done[1]!];
  return r.p(
    () =>
      `${r.e(a.authority)} and ${r.e(b.authority)} have already removed ${r.e(a.org)} from their ${r.p('lists of banned organisations', 'terrorist lists', 'lists of terrorist groups').replace('organisations', `${r.organisation}s`)}.`,
    () =>
      `${r.e(a.authority)} removed ${r.e(a.org)} from its list ${r.when({ day: a.removal!.day, prec: 'year' })}, and ${r.e(b.authority)} followed ${r.when({ day: b.removal!.day, prec: 'month' })}.`,
  )();
}

function attackFact(r: Render, a: Attack): string {
  if (a.day >= r.P) return '';
  const toll = a.tolls[r.outletIndex] ?? a.killed;
  return r.p(
    () =>
      `${r.e(a.org)} ${r.p('claimed', 'carried out', 'was blamed for')} ${r.whenAdj(a.day)} attack on ${a.target} in ${r.e(a.place)} that killed ${toll} people.`,
    () =>
      `${cap(r.when({ day: a.day, prec: r.p<Precision>('day', 'month') }))}, ${r.e(a.org)} ${r.p('claimed', 'carried out')} ${a.kind} on ${a.target} in ${r.e(a.place)}, killing ${killWords(r, toll)}.`,
    () => `${r.e(a.org)} was behind ${a.kind} in ${r.e(a.place)} ${r.when({ day: a.day, prec: 'month' })} that killed ${killWords(r, toll)}.`,
  )();
}

function killWords(r: Render, n: number): string {
  const step = n < 50 ? 5 : 10;
  const down = Math.floor((n - 1) / step) * step;
  return r.p(
    `${n} people`,
    `at least ${n} people`,
    down >= 10 ? `more than ${down} people` : `${n} people`,
    down >= 10 ? `over ${down} people` : `at least ${n} people`,
  );
}

/** Stock sentences by topic; each article uses any one of them at most once. */
const FILLER: Record<'general' | 'legal' | 'attack' | 'diplomacy', Fn[]> = {
  general: [
    (r) => r.p('Officials declined to give further details.', 'No further details were immediately available.'),
    (r) =>
      r.p('Critics say such listings are applied inconsistently.', 'Critics argue that terrorist listings are often driven by politics rather than evidence.'),
    (r) =>
      r.p(
        'Analysts say sanctions have done little to curb the financing of armed groups in the region.',
        'Sanctions have had a limited effect on the flow of money to militants, analysts say.',
      ),
    (r) => r.p('The region has seen a surge in violence in recent years.', 'Violence in the region has risen sharply over the past decade.'),
    (r) => r.p('Humanitarian agencies have warned of a worsening crisis.', 'Aid agencies say millions of people in the region need humanitarian assistance.'),
    (r) => r.p('The group has not commented publicly.', 'There was no immediate comment from the group.'),
    (r) =>
      r.p('Regional governments have stepped up intelligence sharing in recent months.', 'Security services across the region have increased cooperation.'),
  ],
  legal: [
    (r) => r.p('The ministry did not respond to a request for comment.', 'Officials did not respond to requests for comment.'),
    (r) => r.p('The full text of the decision has not been published.', 'The text of the decision has not been made public.'),
    (r) => r.p('The decision is expected to be published in the official gazette.', 'The decision takes effect once it is published in the official gazette.'),
    (r) =>
      r.p(
        `Human rights groups have ${r.sp('criticised', 'criticized')} the use of terrorism laws against political opponents.`,
        'Rights groups say terrorism laws are often used to silence critics.',
      ),
    (r) => r.p('It was not immediately clear how the decision would be enforced.', 'It remains unclear how the ban will be enforced in practice.'),
    (r) => r.p('Observers noted that similar moves had been discussed for several years.', 'Similar proposals have been debated for years without result.'),
    (r) =>
      r.p(
        'Designations carry criminal penalties for membership, financing and propaganda.',
        `Under the law, membership of a banned group and financing it are criminal ${r.sp('offences', 'offenses')}.`,
      ),
    (r) => r.p('Lawyers said the decision could be challenged in court.', 'The decision can be appealed, lawyers said.'),
    (r) =>
      r.p('The government has not said how many people have been prosecuted under the ban.', 'Figures on prosecutions under the ban have not been published.'),
  ],
  attack: [
    (r) => r.p('Security has been tightened at government buildings and transport hubs.', 'Security was stepped up across the capital.'),
    (r) => r.p('Investigators are still working to identify the attackers.', 'Investigators have not yet identified all of the attackers.'),
    (r) => r.p('State television showed footage of the aftermath.', 'Images shared on social media showed extensive damage.'),
    (r) => r.p('Border crossings were closed for several hours.', 'Authorities temporarily closed several border crossings.'),
    (r) => r.p('Hospitals in the area appealed for blood donations.', 'Local hospitals said they were struggling to cope with the number of wounded.'),
    (r) => r.p('Witnesses described scenes of panic as people fled.', 'Witnesses said they heard several explosions followed by gunfire.'),
  ],
  diplomacy: [
    (r) =>
      r.p('Diplomats say the move could open the door to wider economic cooperation.', 'Diplomats said the step could pave the way for broader trade ties.'),
    (r) =>
      r.p(
        `Western governments have urged caution over any ${r.sp('normalisation', 'normalization')} of ties.`,
        `Several Western governments have warned against rushing to ${r.sp('normalise', 'normalize')} relations.`,
      ),
    (r) =>
      r.p(
        'No country has yet formally recognised the group as a legitimate government.'.replace('recognised', r.sp('recognised', 'recognized')),
        'Formal recognition remains off the table for now, officials said.',
      ),
    (r) => r.p('Trade across the border has grown steadily over the past two years.', 'Cross-border trade has risen sharply since 2022.'),
  ],
};

type Mood = 'list' | 'delist' | 'attack' | 'diplomacy' | 'sanction';

const ANALYST_QUOTES: Record<Mood, string[]> = {
  list: [
    'The designation is largely symbolic unless it is enforced against the financiers.',
    'This closes a gap that the group had been exploiting for years.',
    'Designations are as much about diplomacy as they are about security.',
  ],
  delist: [
    'The removal itself does not constitute official recognition.',
    'It is a pragmatic step, not a change of heart.',
    'Trade and security are driving this, not ideology.',
    'Nobody should read this as an endorsement of the group.',
  ],
  attack: [
    'The group has shown it can adapt faster than the sanctions aimed at it.',
    'This attack was designed to show that the group is still capable of striking far from its base.',
    'Every attack on this scale is also a recruitment advertisement.',
  ],
  diplomacy: ['Engagement is not endorsement, but it is a clear signal.', 'Both sides need each other more than they admit in public.'],
  sanction: ['Targeting individuals is more effective than listing an entire movement.', 'The money will find other routes, as it always has.'],
};

function contextFacts(w: World, o: number, c: number, mood: Mood): Fn[] {
  const oe = w.entities[o]!;
  const fns: Fn[] = [];
  if (oe.home !== undefined) {
    const home = oe.home;
    fns.push((r) => `${r.e(o)} ${r.p('operates mainly in', 'is active mostly in', 'has its stronghold in')} ${r.e(home)}, ${w.entities[home]!.placeDesc}.`);
  }
  if (oe.founded) {
    const founded = oe.founded;
    const parent = oe.parent;
    fns.push((r) =>
      parent !== undefined
        ? `${r.e(o)} ${r.p('emerged', 'was founded')} in ${founded} as a ${r.p('splinter faction', 'breakaway group')} of ${r.e(parent)}.`
        : `${r.e(o)} ${r.p('emerged', 'was founded', 'first appeared')} in ${founded}.`,
    );
  }
  if (oe.accusation && mood !== 'list' && mood !== 'sanction') {
    const acc = oe.accusation;
    fns.push((r) => `${r.e(o)} has been ${r.p('accused of', 'blamed for', 'linked to')} ${acc}.`);
  }
  for (const m of w.members.get(o) ?? []) {
    const title = (w.entities[m]!.role as { title: string }).title;
    fns.push((r) =>
      title === 'leader' ? `${r.e(o)} is ${r.p('led by', 'headed by')} ${r.e(m)}.` : `${r.e(m)} ${r.p('serves as', 'is')} ${title} of ${r.e(o)}.`,
    );
  }
  if (w.analysts.length > 0) {
    const analyst = w.analysts[hash32(o, c, mood.length) % w.analysts.length]!;
    const quotes = ANALYST_QUOTES[mood];
    fns.push((r) => r.quote(r.p(...quotes), analyst, true));
    const place = oe.home;
    if (place !== undefined && (mood === 'delist' || mood === 'diplomacy')) {
      fns.push(
        (r) => `Trade and economic relations with ${r.e(place)} are important for ${r.e(c)}, ${r.p('noted', 'said')} ${r.who(analyst).replace(/,$/, '')}.`,
      );
    }
  }
  const others = w.countries.filter((x) => x !== c);
  if (others.length > 0) {
    const c2 = others[hash32(o, c, 3) % others.length]!;
    fns.push(
      (r) =>
        `${r.e(c)} has long accused ${r.e(c2)} of ${r.p(`${r.sp('destabilising', 'destabilizing')} the region`, `${r.sp('harbouring', 'harboring')} militants`, 'failing to act against armed groups on its territory')}.`,
    );
  }
  return fns;
}

// ---------------------------------------------------------------------------------------------
// Stories

interface Story {
  day: number;
  org: number;
  country: number;
  titles: Fn[];
  specs: Spec[];
  /** Stock sentences on the story's topic, to pad a short article. */
  filler: Fn[];
}

type StoryType = 'list' | 'intent' | 'petition' | 'removal' | 'attack' | 'visit' | 'sanction';

function officialOf(w: World, authority: number, rng: Rng, prefer?: number): number | undefined {
  const all = w.officials.get(authority) ?? [];
  if (prefer !== undefined) {
    const exact = all.filter((p) => (w.entities[p]!.role as { authority?: number }).authority === prefer);
    if (exact.length > 0) return rng.pick(exact);
  }
  return all.length > 0 ? rng.pick(all) : undefined;
}

function fillerFor(mood: Mood): Fn[] {
  switch (mood) {
    case 'attack':
      return [...FILLER.attack, ...FILLER.general];
    case 'diplomacy':
      return [...FILLER.diplomacy, ...FILLER.general];
    case 'delist':
      return [...FILLER.legal, ...FILLER.diplomacy, ...FILLER.general];
    default:
      return [...FILLER.legal, ...FILLER.general];
  }
}

/** History and context shared by every outlet covering a story: designations, past attacks, background. */
function backgroundSpecs(w: World, story: { org: number; country: number }, mood: Mood, rng: Rng, skip?: Designation): Spec[] {
  const specs: Spec[] = [];
  const s = () => rng.int(0, 0x7fffffff);
  const all = w.desByOrg.get(story.org) ?? [];
  const des = all.filter((d) => d !== skip);
  // Weighted toward popular authorities and the story's own country.
  const ranked = des
    .map((d) => ({ d, k: rng.next() / ((w.authWeight.get(d.authority) ?? 1) * (d.authority === story.country ? 4 : 1)) }))
    .sort((a, b) => a.k - b.k)
    .slice(0, rng.int(3, 6));
  for (const { d } of ranked) specs.push({ group: 'background', seed: s(), fn: (r) => designationFact(r, d) });
  if (mood === 'delist' || mood === 'diplomacy' || rng.chance(0.3)) {
    specs.push({ group: 'background', seed: s(), fn: (r) => othersRemovedFact(r, all, story.country) });
  }
  const atk = w.attacksByOrg.get(story.org) ?? [];
  const nAtk = mood === 'attack' ? 2 : rng.int(0, 2);
  for (let k = 0; k < Math.min(nAtk, atk.length); k++) {
    const a = rng.pick(atk);
    specs.push({ group: 'background', seed: s(), fn: (r) => attackFact(r, a) });
  }
  for (const fn of rng.shuffle(contextFacts(w, story.org, story.country, mood)).slice(0, rng.int(3, 6))) specs.push({ group: 'context', seed: s(), fn });
  // Popular organisations come up in passing in many articles.
  for (const p of w.popular) {
    if (p === story.org || w.entities[p]!.kind !== 'organisation') continue;
    if (!rng.chance(0.3)) continue;
    const pd = w.desByOrg.get(p) ?? [];
    if (pd.length === 0) continue;
    const d = rng.pick(pd);
    specs.push({
      group: 'context',
      seed: s(),
      fn: (r) => {
        const fact = designationFact(r, d);
        if (fact === '') return '';
        const lead = r.p('Separately, ', 'By comparison, ', 'In a similar case, ', '', '');
        return lead === '' ? fact : lead + fact.replace(/^(The|In|On|Back|Last|Earlier|This|Since) /, (m) => m.toLowerCase());
      },
    });
  }
  const filler = rng.shuffle(fillerFor(mood).slice());
  for (const fn of filler.slice(0, rng.int(1, 3))) specs.push({ group: 'context', seed: s(), fn });
  return specs;
}

/** `uses` counts the stories already told about each event, so coverage spreads over many events. */
function makeStory(w: World, type: StoryType, rng: Rng, uses: Map<object, number>): Story | null {
  const s = () => rng.int(0, 0x7fffffff);
  const fresh = <T extends object>(x: T): T | null => {
    if (rng.next() * (1 + (uses.get(x) ?? 0)) >= 1) return null;
    uses.set(x, (uses.get(x) ?? 0) + 1);
    return x;
  };
  const pickDes = (ok: (d: Designation) => boolean): Designation | null => {
    for (let k = 0; k < 12; k++) {
      const o = w.orgSampler.pick(rng);
      const list = (w.desByOrg.get(o) ?? []).filter(ok);
      if (list.length === 0) continue;
      const d = fresh(list[rng.weighted(list.map((x) => w.authWeight.get(x.authority) ?? 1))]!);
      if (d) return d;
    }
    return null;
  };
  const lastAttackBefore = (o: number, day: number): Attack | undefined => {
    const list = (w.attacksByOrg.get(o) ?? []).filter((a) => a.day < day && a.day > day - 730);
    return list[list.length - 1];
  };
  const rivalOf = (o: number): number | undefined => {
    const cands = w.orgs.filter((x) => x !== o && (w.attacksByOrg.get(x) ?? []).length > 0);
    return cands.length > 0 ? cands[Math.min(cands.length - 1, Math.floor(rng.next() * Math.min(6, cands.length)))] : undefined;
  };
  switch (type) {
    case 'list': {
      const d = pickDes((x) => x.listed >= PUB_START && x.listed <= PUB_END);
      if (!d) return null;
      const { org: o, authority: c, lister } = d;
      const official = officialOf(w, c, rng, lister);
      const spokes = w.members.get(o)?.[0];
      const years = rng.pick([8, 10, 15, 20]);
      const isCountry = w.entities[c]!.authType === 'country';
      const trigger = lastAttackBefore(o, d.listed);
      const specs: Spec[] = [
        {
          group: 'lead',
          seed: s(),
          fn: (r) =>
            r.p(
              () =>
                `${r.e(lister)} ${listVerb(r, lister, r.e(o))} ${r.when(d.listed)}, ${r.p('citing', 'pointing to')} ${r.p('its role in attacks on civilians', 'links to cross-border attacks', "the group's financing networks", 'intelligence on planned attacks')}.`,
              () =>
                `${cap(r.when(d.listed))}, ${r.e(lister)} ${listVerb(r, lister, r.e(o))}, ${r.p('officials said', 'according to a statement', 'state media reported')}.`,
              () =>
                `${r.e(lister)} ${listVerb(r, lister, r.e(o))} ${r.when(d.listed)}, ${r.p('the government said', 'officials announced', 'a statement said')}.`,
            )(),
        },
        {
          group: 'detail',
          seed: s(),
          fn: (r) =>
            isCountry
              ? `The ${r.p('decision', 'move', 'designation')} ${r.p('bans', 'outlaws', 'prohibits')} the activities of ${r.ref(o)} ${r.p(`on ${r.ep(c, true)} territory`, `in ${r.loc(c)}`)} and ${r.p('makes membership or support punishable by long prison terms', 'allows the authorities to freeze its assets', `${r.sp('criminalises', 'criminalizes')} financial support for it`)}.`
              : `The ${r.p('listing', 'measure')} ${r.p('freezes the assets of', 'imposes an asset freeze and travel ban on')} ${r.ref(o)} and ${r.p('its known members', 'those acting on its behalf')}.`,
        },
        {
          group: 'detail',
          seed: s(),
          fn: (r) => `${r.e(o)} ${r.p('has been', 'had been')} ${r.p('accused of', 'blamed for')} ${w.entities[o]!.accusation ?? 'attacks on civilians'}.`,
        },
      ];
      if (isCountry)
        specs.push({
          group: 'detail',
          seed: s(),
          fn: (r) =>
            `Under ${r.ep(c, true)} ${r.p('anti-terrorism', 'counter-terrorism')} law, ${r.p('membership of a banned group', 'taking part in or financing a listed group')} is punishable by up to ${years} years in prison.`,
        });
      if (trigger)
        specs.push({
          group: 'detail',
          seed: s(),
          fn: (r) =>
            `The ${r.p('decision', 'listing')} ${r.p('follows', 'came after')} ${trigger.kind} on ${trigger.target} in ${r.e(trigger.place)} ${r.when(trigger.day)} that killed ${killWords(r, trigger.tolls[r.outletIndex] ?? trigger.killed)}.`,
        });
      if (official !== undefined)
        specs.push({
          group: 'quote',
          seed: s(),
          fn: (r) =>
            r.quote(
              r.p(
                'There will be no safe haven for those who finance and carry out terror.',
                'This designation cuts the group off from the resources it needs to plan and carry out attacks.',
                'We will use every tool available to protect our citizens.',
                `Anyone who supports this ${r.organisation} will face the full force of the law.`,
              ),
              official,
            ),
        });
      if (spokes !== undefined)
        specs.push({
          group: 'quote',
          seed: s(),
          fn: (r) =>
            `${r.e(o)} ${r.p('rejected', 'dismissed')} the decision.${SENTENCE_BREAK}${r.quote(r.p('This decision is politically motivated and changes nothing.', 'Our struggle will continue regardless of what is decided in foreign capitals.'), spokes)}`,
        });
      specs.push({
        group: 'outlook',
        seed: s(),
        fn: (r) =>
          `Other ${r.p('countries', 'governments')} ${r.p('are expected to follow suit', 'may follow suit')}, ${r.p('diplomats said', 'officials said')}.`,
      });
      specs.push(...backgroundSpecs(w, { org: o, country: c }, 'list', rng, d));
      return {
        day: d.listed,
        org: o,
        country: c,
        titles: [
          (r) => `${r.e(c)} designates ${r.e(o)} as terrorist ${r.organisation}`,
          (r) => `${r.e(c)} adds ${r.e(o)} to list of banned groups`,
          (r) => (isCountry ? `${r.e(o)} declared a terrorist group in ${r.loc(c)}` : `${r.e(c)} blacklists ${r.e(o)}`),
          (r) => `${r.e(lister)} ${r.p('bans', 'blacklists')} ${r.e(o)}`,
        ],
        specs,
        filler: fillerFor('list'),
      };
    }
    case 'intent': {
      const d = pickDes((x) => x.intent !== undefined && x.intent.day >= PUB_START);
      if (!d?.intent) return null;
      const { org: o, authority: c } = d;
      const intent = d.intent;
      const official = officialOf(w, c, rng);
      const home = w.entities[o]!.home;
      const visitDay = intent.day + rng.int(2, 9);
      const forum = rng.pick(w.forums);
      const forumDay = intent.day + rng.int(15, 45);
      const specs: Spec[] = [
        {
          group: 'lead',
          seed: s(),
          fn: (r) =>
            official !== undefined && r.chance(0.6)
              ? `${r.e(c)} ${r.p('plans', 'is preparing', 'wants', 'intends')} to remove ${r.e(o)} from its ${r.list()}, ${r.who(official)} said ${r.when(intent.day)}.`.replace(
                  ',, said',
                  ', said',
                )
              : `${r.e(intent.actor)} has ${r.p('proposed', 'recommended')} lifting the ban on ${r.e(o)}, ${r.p('state media reported', 'the state news agency reported', 'officials said')} ${r.when(intent.day)}.`,
        },
        {
          group: 'detail',
          seed: s(),
          fn: (r) =>
            `${r.p('Officials said', 'According to officials,')} ${r.p('the relevant agencies', 'the justice and foreign ministries', 'security agencies')} ${r.p('were putting the finishing legal touches on the removal', 'had submitted a report on revoking the designation', 'were preparing the legal groundwork for the decision')}.`,
        },
        {
          group: 'detail',
          seed: s(),
          fn: (r) => `${r.e(o)} ${r.p('has been banned', 'has been listed as a terrorist group')} in ${r.loc(c)} since ${r.year(d.listed)}.`,
        },
        {
          group: 'detail',
          seed: s(),
          fn: (r) => `The move does not amount to formal recognition of ${r.ref(o)}, ${r.p('officials stressed', 'diplomats said')}.`,
        },
        {
          group: 'detail',
          seed: s(),
          fn: (r) =>
            `${r.e(c)} has ${r.p('looked to build ties with', 'expanded contacts with', 'stepped up engagement with')} ${r.ref(o)} ${r.p('in recent years', 'over the past two years', 'since 2021')}.`,
        },
        {
          group: 'detail',
          seed: s(),
          fn: (r) =>
            `${r.p('Removing the group from the list would resolve', 'The move would end')} a contradiction in which ${r.e(c)} ${r.p('simultaneously bans and engages with', 'bans but also holds talks with')} ${r.ref(o)}.`,
        },
        {
          group: 'detail',
          seed: s(),
          fn: (r) => (forumDay > r.P ? `${r.e(c)} has invited ${r.e(o)} representatives to the ${forum} ${r.when(forumDay)}.` : ''),
        },
      ];
      if (official !== undefined)
        specs.push({
          group: 'quote',
          seed: s(),
          fn: (r) =>
            r.quote(
              r.p(
                'A principal decision on this has already been made, but the process should be carried out within the legal framework.',
                'We cannot ignore the realities on the ground.',
                'This decision reflects the situation as it is today, not as it was twenty years ago.',
                'We are not indifferent to what happens in the region.',
              ),
              official,
            ),
        });
      if (official !== undefined && home !== undefined) {
        specs.push({
          group: 'outlook',
          seed: s(),
          fn: (r) =>
            visitDay > r.P
              ? `${r.who(official)} is due to visit ${r.e(home)} ${r.when(visitDay)} for talks with ${r.ref(o)}.`
              : `${r.who(official)} visited ${r.e(home)} ${r.when(visitDay)} for talks with ${r.ref(o)}.`,
        });
      }
      if (d.petition) {
        const pet = d.petition;
        specs.push({
          group: 'outlook',
          seed: s(),
          fn: (r) => (pet.day > r.P ? `The final decision ${r.p('rests with', 'will be taken by')} ${r.e(pet.court)}.` : ''),
        });
      }
      specs.push(...backgroundSpecs(w, { org: o, country: c }, 'delist', rng, d));
      return {
        day: intent.day,
        org: o,
        country: c,
        titles: [
          (r) => `${r.e(c)} to remove ${r.e(o)} from its terrorist list`,
          (r) => `${r.e(c)} moves to lift ban on ${r.e(o)}`,
          (r) => `${r.e(c)} to drop ${r.e(o)} terrorist designation, ${r.p('envoy says', 'minister says', 'officials say')}`,
        ],
        specs,
        filler: fillerFor('delist'),
      };
    }
    case 'petition': {
      const d = pickDes((x) => x.petition !== undefined && x.petition.day >= PUB_START);
      if (!d?.petition) return null;
      const { org: o, authority: c } = d;
      const pet = d.petition;
      const official = officialOf(w, c, rng);
      const specs: Spec[] = [
        {
          group: 'lead',
          seed: s(),
          fn: (r) =>
            r.p(
              () =>
                `${r.e(pet.prosecutor)} asked ${r.e(pet.court)} ${r.when(pet.day)} to lift the ban on ${r.e(o)}, ${r.p(r.sp('recognised', 'recognized'), 'designated')} as a terrorist ${r.organisation} in ${r.loc(c)}.`,
              () =>
                `${r.e(pet.prosecutor)} has ${r.p('requested', 'asked')} that the ban on the activities of ${r.e(o)} be overturned, ${r.p('the court said', 'according to court filings')} ${r.when(pet.day)}.`,
            )(),
        },
        {
          group: 'detail',
          seed: s(),
          fn: (r) =>
            `The request was submitted to ${r.e(pet.court)}, which ${r.p('is expected to rule', 'will consider it')} ${r.p('in the coming weeks', 'shortly', 'at a closed hearing')}.`,
        },
        { group: 'detail', seed: s(), fn: (r) => `${r.e(o)} ${r.p('has been banned', 'has been outlawed')} in ${r.loc(c)} since ${r.year(d.listed)}.` },
        {
          group: 'detail',
          seed: s(),
          fn: (r) =>
            `${r.p('If the court agrees', 'If the request is granted')}, ${r.p('contacts with', 'dealings with')} ${r.ref(o)} would no longer ${r.p('expose officials to criminal liability', 'be a criminal offence'.replace('offence', r.sp('offence', 'offense')))}.`,
        },
      ];
      if (d.intent) {
        const intent = d.intent;
        specs.push({
          group: 'detail',
          seed: s(),
          fn: (r) =>
            `${r.p('Previously', 'Earlier')}, ${r.e(intent.actor)} ${r.p('also proposed lifting the ban', 'had said it would remove the group from the list')} ${r.when({ day: intent.day, prec: r.p<Precision>('month', 'year') })}.`,
        });
      }
      if (official !== undefined)
        specs.push({
          group: 'quote',
          seed: s(),
          fn: (r) =>
            r.quote(
              r.p(
                'Building relations with the current authorities is another matter, but we have to deal with reality.',
                'The legal procedure must be followed to the letter.',
              ),
              official,
            ),
        });
      specs.push(...backgroundSpecs(w, { org: o, country: c }, 'delist', rng, d));
      return {
        day: pet.day,
        org: o,
        country: c,
        titles: [
          (r) => `${r.e(pet.prosecutor)} asks ${r.e(pet.court)} to lift the ${r.e(o)} ban`,
          (r) => `Prosecutors seek end to ${r.e(o)} ban in ${r.loc(c)}`,
        ],
        specs,
        filler: fillerFor('delist'),
      };
    }
    case 'removal': {
      const d = pickDes((x) => x.removal !== undefined && x.removal.day >= PUB_START);
      if (!d?.removal) return null;
      const { org: o, authority: c } = d;
      const rem = d.removal;
      const isCourt = w.entities[rem.actor]!.bodyType === 'court';
      const judge = isCourt ? officialOf(w, c, rng, rem.actor) : undefined;
      const judgeOk = judge !== undefined && (w.entities[judge]!.role as { authority?: number }).authority === rem.actor;
      const official = officialOf(w, c, rng);
      const rival = rivalOf(o);
      const rivalAttack = rival !== undefined ? lastAttackBefore(rival, rem.day) : undefined;
      const specs: Spec[] = [
        {
          group: 'lead',
          seed: s(),
          fn: (r) =>
            r.p(
              () =>
                `${r.e(rem.actor)} ${removeVerb(r, rem.actor, r.e(o))} ${r.when(rem.day)}, ${r.p(`${r.sp('signalling', 'signaling')} a significant shift in`, 'marking a turn in', 'in a notable change to')} ${r.ep(c)} ${r.p('stance', 'policy')} toward the group.`,
              () =>
                `${r.e(c)} ${removeVerb(r, c, r.e(o))} ${r.when(rem.day)}, ${r.p('officials said', 'state media reported', isCourt ? 'according to a court statement' : 'according to a government statement')}.`,
            )(),
        },
        {
          group: 'detail',
          seed: s(),
          fn: (r) =>
            `The ${isCourt ? r.p('ruling', 'decision') : 'decision'}, announced ${r.when(rem.day)}${judgeOk ? ` by ${r.who(judge!).replace(/,$/, '')}` : ''}, ${r.p('takes immediate legal effect', 'comes into force immediately')}.`,
        },
        {
          group: 'detail',
          seed: s(),
          fn: (r) => `${r.e(c)} ${r.p('designated', 'had designated')} ${r.e(o)} as a terrorist ${r.organisation} ${r.when({ day: d.listed, prec: 'year' })}.`,
        },
        {
          group: 'detail',
          seed: s(),
          fn: (r) =>
            `The move does not amount to formal recognition of ${r.e(o)}, but it removes legal obstacles to ${r.p('further engagement', 'closer ties', 'trade and diplomatic contacts')}.`,
        },
      ];
      if (d.petition) {
        const pet = d.petition;
        specs.push({
          group: 'detail',
          seed: s(),
          fn: (r) => `The decision came after ${r.e(pet.prosecutor)} petitioned the court ${r.when({ day: pet.day, prec: r.p<Precision>('day', 'month') })}.`,
        });
      }
      if (rival !== undefined && rivalAttack)
        specs.push({
          group: 'detail',
          seed: s(),
          fn: (r) =>
            `${r.e(c)} ${r.p('views', 'sees')} ${r.ref(o)} as a ${r.p('pragmatic partner', 'potential partner')} in the fight against ${r.e(rival)}, ${r.p('a group responsible for', 'which has carried out')} ${r.p('multiple deadly attacks', 'a string of deadly attacks')}, including ${r.whenAdj(rivalAttack.day)} attack on ${rivalAttack.target} in ${r.e(rivalAttack.place)} that killed ${rivalAttack.tolls[r.outletIndex] ?? rivalAttack.killed} people.`,
        });
      if (official !== undefined)
        specs.push({
          group: 'quote',
          seed: s(),
          fn: (r) =>
            r.quote(
              r.p(
                'They are the real power now, and we have to deal with them.',
                'This is a decision based on the realities in the region.',
                'Our security interests come first.',
              ),
              official,
            ),
        });
      specs.push(...backgroundSpecs(w, { org: o, country: c }, 'delist', rng, d));
      return {
        day: rem.day,
        org: o,
        country: c,
        titles: [
          (r) => `${r.e(rem.actor)} removes ${r.e(o)} from list of terrorist ${r.organisation}s`,
          (r) => `${r.e(c)} lifts ban on ${r.e(o)}`,
          (r) => `${r.e(o)} no longer a terrorist ${r.organisation} in ${r.loc(c)}`,
        ],
        specs,
        filler: fillerFor('delist'),
      };
    }
    case 'attack': {
      let a: Attack | null = null;
      for (let k = 0; k < 12 && !a; k++) {
        const list = (w.attacksByOrg.get(w.orgSampler.pick(rng)) ?? []).filter((x) => x.day >= PUB_START);
        if (list.length > 0) a = fresh(rng.pick(list));
      }
      if (!a) return null;
      const atk = a;
      const o = atk.org;
      const c = w.entities[atk.place]!.country ?? w.countries[0]!;
      const reactor = w.topAuthorities[rng.weighted(w.topAuthorities.map((x) => w.authWeight.get(x) ?? 1))]!;
      const official = officialOf(w, reactor, rng);
      const claimed = rng.chance(0.7);
      const specs: Spec[] = [
        {
          group: 'lead',
          seed: s(),
          fn: (r) => {
            const toll = atk.tolls[r.outletIndex] ?? atk.killed;
            return r.p(
              () =>
                claimed
                  ? `${r.e(o)} claimed responsibility for ${atk.kind} on ${atk.target} in ${r.e(atk.place)} ${r.when(atk.day)} ${r.p(`that killed ${killWords(r, toll)}`, `, killing ${killWords(r, toll)}`)}.`
                  : `${cap(atk.kind)} on ${atk.target} in ${r.e(atk.place)} ${r.when(atk.day)} killed ${killWords(r, toll)}, and officials blamed ${r.e(o)}.`,
              () =>
                `${cap(killWords(r, toll)).replace(/^(\d)/, 'At least $1')} were killed ${r.when(atk.day)} when ${atk.kind.replace(/^an? /, 'a ').replace(/^a ([aeiou])/, 'an $1')} hit ${atk.target} in ${r.e(atk.place)}, ${r.p('officials said', 'local authorities said', 'according to the health ministry')}.`,
              () =>
                `${cap(atk.kind)} on ${atk.target} in ${r.e(atk.place)} ${r.when(atk.day)} killed ${killWords(r, toll)}; ${r.e(o)} ${claimed ? r.p('later claimed responsibility', 'quickly claimed responsibility') : 'was blamed for the attack'}.`,
            )();
          },
        },
        {
          group: 'detail',
          seed: s(),
          fn: (r) =>
            `${r.p('More than', 'At least')} ${atk.wounded} ${r.p('people were wounded', 'others were injured')}, ${r.p('some of them critically', 'many of them seriously', 'hospital officials said')}.`,
        },
        { group: 'detail', seed: s(), fn: (r) => `${cap(r.e(atk.place))} is ${w.entities[atk.place]!.placeDesc}.` },
        {
          group: 'detail',
          seed: s(),
          fn: (r) =>
            `Security forces ${r.p('cordoned off the area', 'sealed off the area')} and ${r.p('launched a search for the attackers', 'detained several suspects')}.`,
        },
        {
          group: 'detail',
          seed: s(),
          fn: (r) =>
            claimed
              ? `${r.e(o)} said in a statement ${r.p('posted on its Telegram channel', 'published by its media arm', 'released online')} that ${r.p('its fighters had carried out the attack', 'the attack was revenge for military operations against it')}.`
              : `No group ${r.p('immediately claimed responsibility', 'has claimed the attack')}, but ${r.p('officials', 'security sources')} ${r.p('blamed', 'pointed to')} ${r.e(o)}.`,
        },
        {
          group: 'detail',
          seed: s(),
          fn: (r) =>
            `${r.e(reactor)} ${r.p('condemned the attack', 'strongly condemned the attack', 'denounced the attack')}${r.p('', ' and called for those responsible to be brought to justice')}.`,
        },
      ];
      if (atk.killed >= 40) specs.push({ group: 'detail', seed: s(), fn: (r) => `${r.e(c)} declared a day of national mourning.` });
      if (official !== undefined)
        specs.push({
          group: 'quote',
          seed: s(),
          fn: (r) =>
            r.quote(
              r.p(
                'This was a cowardly attack on innocent people.',
                'Those responsible will be found and punished.',
                'Terrorism has no place in the modern world.',
              ),
              official,
            ),
        });
      specs.push(...backgroundSpecs(w, { org: o, country: c }, 'attack', rng));
      return {
        day: atk.day,
        org: o,
        country: c,
        titles: [
          (r) =>
            `${killWords(r, atk.tolls[r.outletIndex] ?? atk.killed).replace(' people', '')} killed in ${atk.kind.replace(/^an? /, '')} in ${r.e(atk.place)}`,
          (r) => (claimed ? `${r.e(o)} claims deadly attack in ${r.e(atk.place)}` : `${r.e(o)} blamed for deadly attack in ${r.e(atk.place)}`),
          (r) =>
            `${atk.kind.replace(/^an? /, '')} on ${atk.target.replace(/^an? /, '')} in ${r.e(atk.place)} kills ${killWords(r, atk.tolls[r.outletIndex] ?? atk.killed).replace(' people', '')}`,
        ],
        specs,
        filler: fillerFor('attack'),
      };
    }
    case 'visit': {
      const o = w.orgSampler.pick(rng);
      const des = w.desByOrg.get(o) ?? [];
      const withOfficials = w.countries.filter((x) => (w.officials.get(x) ?? []).length > 0);
      if (withOfficials.length === 0) return null;
      const designators = des.map((x) => x.authority).filter((x) => w.entities[x]!.authType === 'country' && (w.officials.get(x) ?? []).length > 0);
      const c = designators.length > 0 && rng.chance(0.7) ? rng.pick(designators) : rng.pick(withOfficials);
      const diplomats = (w.officials.get(c) ?? []).filter((p) => {
        const a = w.entities[(w.entities[p]!.role as { authority: number }).authority]!;
        return a.authType !== 'body' || a.bodyType === 'foreign' || a.bodyType === 'state';
      });
      const official = diplomats.length > 0 ? rng.pick(diplomats) : officialOf(w, c, rng)!;
      const home = w.entities[o]!.home;
      const day = rng.int(PUB_START, PUB_END - 20);
      const visitDay = day + rng.int(2, 6);
      const forum = rng.pick(w.forums);
      const forumDay = day + rng.int(20, 50);
      const rep = w.members.get(o)?.[0];
      const specs: Spec[] = [
        {
          group: 'lead',
          seed: s(),
          fn: (r) =>
            home !== undefined
              ? visitDay > r.P
                ? `${r.who(official)} is due to visit ${r.e(home)} ${r.when(visitDay)} for talks with ${r.e(o)} ${r.p('officials', 'representatives', 'leaders')}, ${r.p('the foreign ministry said', 'officials said', 'state media reported')} ${r.when(day)}.`
                : `${r.who(official)} held talks with ${r.e(o)} ${r.p('officials', 'representatives', 'leaders')} in ${r.e(home)} ${r.when(visitDay)}, ${r.p('the foreign ministry said', 'officials said', 'state media reported')}.`
              : `${r.who(official)} met ${r.e(o)} ${r.p('representatives', 'officials')} ${r.when(day)} to discuss ${r.p('security cooperation', 'trade and transit routes', 'a prisoner exchange')}.`,
        },
        {
          group: 'detail',
          seed: s(),
          fn: (r) => (forumDay > r.P ? `${r.e(c)} has invited ${r.e(o)} representatives to the ${forum} ${r.when(forumDay)}.` : ''),
        },
        {
          group: 'detail',
          seed: s(),
          fn: (r) =>
            `The ${r.p('talks', 'meeting')} ${r.p('will focus', 'are expected to focus')} on ${r.p('security along the border', 'trade and humanitarian aid', 'the fight against other militant groups')}.`,
        },
        {
          group: 'detail',
          seed: s(),
          fn: (r) =>
            `${r.e(c)} has not formally ${r.sp('recognised', 'recognized')} ${r.ref(o)} but ${r.p('has kept channels open', 'maintains regular contacts with its leadership')}.`,
        },
      ];
      if (rep !== undefined)
        specs.push({
          group: 'quote',
          seed: s(),
          fn: (r) =>
            r.quote(r.p('We welcome any step towards normal relations.', `We are ready for dialogue with all our ${r.sp('neighbours', 'neighbors')}.`), rep),
        });
      specs.push(...backgroundSpecs(w, { org: o, country: c }, 'diplomacy', rng));
      return {
        day,
        org: o,
        country: c,
        titles: [
          (r) => `${r.demonym(c)} envoy to hold talks with ${r.e(o)}`,
          (r) => `${r.e(c)} deepens contacts with ${r.e(o)}`,
          (r) => (forumDay > r.P ? `${r.e(c)} invites ${r.e(o)} to ${forum}` : `${r.e(c)} holds talks with ${r.e(o)}`),
        ],
        specs,
        filler: fillerFor('diplomacy'),
      };
    }
    case 'sanction': {
      const o = w.orgSampler.pick(rng);
      const ms = w.members.get(o) ?? [];
      if (ms.length === 0) return null;
      const person = rng.pick(ms);
      const sanctioners = w.topAuthorities.filter((x) => w.entities[x]!.authType !== 'intl');
      const c = sanctioners[rng.weighted(sanctioners.map((x) => w.authWeight.get(x) ?? 1))]!;
      const b = w.bodies.get(c);
      const actor = b?.get('treasury') ?? b?.get('uncommittee') ?? b?.get('eucouncil') ?? c;
      const official = officialOf(w, c, rng, actor);
      const day = rng.int(PUB_START, PUB_END);
      const title = (w.entities[person]!.role as { title: string }).title;
      const an = /^[aeiou]/.test(title) ? 'an' : 'a';
      const specs: Spec[] = [
        {
          group: 'lead',
          seed: s(),
          fn: (r) =>
            `${r.e(actor)} ${r.p('sanctioned', 'imposed sanctions on', 'designated')} ${r.e(person)}, ${r.p('the', an)} ${title} of ${r.e(o)}, ${r.when(day)}.`,
        },
        {
          group: 'detail',
          seed: s(),
          fn: (r) =>
            `The measures freeze any assets ${r.p('he holds', 'held in his name')} ${r.p(`under ${r.ep(c)} jurisdiction`, w.entities[c]!.authType === 'country' ? `in ${r.loc(c)}` : 'in member states')} and bar ${r.p('dealings', 'transactions')} with him.`,
        },
        {
          group: 'detail',
          seed: s(),
          fn: (r) =>
            `${r.e(person)} ${r.p('is accused of', 'is alleged to have been')} ${r.p('overseeing', 'directing', 'coordinating')} ${r.p("the group's finances", "the group's operations", 'recruitment for the group')}, ${r.p('officials said', 'according to the statement')}.`,
        },
        {
          group: 'detail',
          seed: s(),
          fn: (r) =>
            `${r.p('The designation', 'The listing')} ${r.p('also covers', 'extends to')} ${r.p('two companies', 'a money exchange business', 'a charity')} ${r.p('that officials say', 'which authorities say')} ${r.p('moved funds for', 'served as fronts for')} ${r.ref(o)}.`,
        },
      ];
      if (official !== undefined)
        specs.push({
          group: 'quote',
          seed: s(),
          fn: (r) =>
            r.quote(r.p('We will continue to target those who fund and direct terrorism.', 'Cutting off the money is how we cut off the violence.'), official),
        });
      specs.push(...backgroundSpecs(w, { org: o, country: c }, 'sanction', rng));
      return {
        day,
        org: o,
        country: c,
        titles: [(r) => `${r.e(c)} sanctions ${r.e(o)} ${title}`, (r) => `${r.e(actor)} targets ${r.e(o)} ${title} with sanctions`],
        specs,
        filler: fillerFor('list'),
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Articles

interface Doc {
  path: string;
  text: string;
  mentioned: Set<number>;
}

const STORY_TYPES: StoryType[] = ['list', 'intent', 'petition', 'removal', 'attack', 'visit', 'sanction'];
const STORY_WEIGHTS = [0.17, 0.14, 0.07, 0.12, 0.28, 0.12, 0.1];

function writeArticles(w: World, seed: number, n: number, shape: Shape): Doc[] {
  const rng = new Rng(hash32(seed, 2));
  const docs: Doc[] = [];
  const usedPaths = new Set<string>();
  const uses = new Map<object, number>();
  let storyNo = 0;
  while (docs.length < n) {
    storyNo++;
    const type = STORY_TYPES[rng.weighted(STORY_WEIGHTS)]!;
    const story = makeStory(w, type, new Rng(hash32(seed, 3, storyNo)), uses);
    if (!story) continue;
    // Cluster: the same event covered by one to five outlets within days of each other.
    const u = rng.next();
    const k = Math.min(n - docs.length, u < 0.45 ? 1 : u < 0.7 ? 2 : u < 0.87 ? 3 : u < 0.95 ? 4 : 5);
    const followUp = rng.chance(0.1) ? rng.int(7, 60) : 0;
    const outletIdx = rng.shuffle(w.outlets.map((_, i) => i)).slice(0, k);
    for (let j = 0; j < k; j++) {
      const P = Math.min(PUB_END, story.day + followUp + (j === 0 ? rng.int(0, 1) : rng.int(0, 4)));
      docs.push(renderArticle(w, story, outletIdx[j]!, P, hash32(seed, 4, storyNo, j), usedPaths, shape));
    }
  }
  return docs;
}

/** The dossier shape's words for common ones, whole words, capitals kept. */
const DOSSIER_WORDS: Record<string, string> = {
  designated: 'proscribed',
  designation: 'proscription',
  designate: 'proscribe',
  militants: 'fighters',
  militant: 'fighter',
  attack: 'assault',
  attacks: 'assaults',
  officials: 'functionaries',
  government: 'administration',
  statement: 'communique',
  said: 'stated',
  killed: 'slain',
  group: 'faction',
  groups: 'factions',
  security: 'public-safety',
  forces: 'units',
  ministry: 'department',
  announced: 'declared',
  organisation: 'outfit',
  organization: 'outfit',
};
const DOSSIER_WORD = new RegExp(`\\b(${Object.keys(DOSSIER_WORDS).join('|')})\\b`, 'gi');

function reword(sentence: string): string {
  return sentence.replace(DOSSIER_WORD, (word) => {
    const other = DOSSIER_WORDS[word.toLowerCase()]!;
    return word[0] === word[0]!.toUpperCase() ? other[0]!.toUpperCase() + other.slice(1) : other;
  });
}

/** Boilerplate of every kind, for the long shape's padding. */
const ALL_FILLER = [...FILLER.general, ...FILLER.legal, ...FILLER.attack, ...FILLER.diplomacy];

/**
 * The long shape's asides: other organisations' listings told in passing, and boilerplate,
 * 8 to 14 sentences in all.
 */
function asides(w: World, r: Render, o: Rng): string[] {
  const orgs = [...w.desByOrg.keys()];
  const out: string[] = [];
  for (let k = o.int(8, 14); k > 0; k--) {
    if (o.chance(0.55)) {
      const des = w.desByOrg.get(o.pick(orgs))!;
      if (des.length > 0) {
        const d = o.pick(des);
        out.push(r.sentence(o.int(0, 0x7fffffff), (x) => designationFact(x, d)));
        continue;
      }
    }
    out.push(r.sentence(o.int(0, 0x7fffffff), o.pick(ALL_FILLER)));
  }
  return out.flatMap((x) => x.split(SENTENCE_BREAK));
}

function renderArticle(w: World, story: Story, oi: number, P: number, artSeed: number, usedPaths: Set<string>, shape: Shape): Doc {
  const o = new Rng(artSeed);
  const outlet = w.outlets[oi]!;
  const mentioned = new Set<number>();
  const r = new Render(w, P, o, outlet, oi, mentioned, 0.3);

  const titleFn = story.titles[o.int(0, story.titles.length - 1)]!;
  let title = r.headline(hash32(artSeed, 9), titleFn).replace(/\.$/, '');
  if (outlet.titleCase) title = titleCase(title);

  // Sentences in story order; background and context shuffled per outlet; longer or shorter pieces.
  const long = shape !== 'news';
  const dossier = shape === 'dossier';
  const keep = long ? 1 : o.pick([0.7, 0.85, 0.9, 1]);
  const groups: Group[] = ['lead', 'detail', 'quote', 'background', 'context', 'outlook'];
  const ordered: Spec[] = [];
  for (const g of groups) {
    const inGroup = story.specs.filter((x) => x.group === g);
    if (g === 'background' || g === 'context') o.shuffle(inGroup);
    for (const spec of inGroup) if (g === 'lead' || o.chance(keep)) ordered.push(spec);
  }
  // The outlook sometimes closes the piece, sometimes comes straight after the news.
  if (o.chance(0.5)) {
    const out = ordered.filter((x) => x.group === 'outlook');
    const rest = ordered.filter((x) => x.group !== 'outlook');
    const at = Math.min(rest.length, o.int(2, 4));
    ordered.splice(0, ordered.length, ...rest.slice(0, at), ...out, ...rest.slice(at));
  }
  const seen = new Set<string>();
  const sentences: string[] = [];
  const push = (written: string) => {
    const s = dossier ? reword(written) : written;
    if (s !== '' && !seen.has(s)) {
      seen.add(s);
      sentences.push(s);
    }
  };
  for (const spec of ordered) for (const x of r.sentence(spec.seed, spec.fn).split(SENTENCE_BREAK)) push(x);
  if (long) for (const x of asides(w, r, o)) push(x);
  if (dossier) for (const x of asides(w, r, o)) push(x);

  // 5 to 15 paragraphs of 1 to 4 sentences (long: 8 to 14 of up to 6, dossier 14 to 24); a long story is cut, as editors do.
  const target = dossier ? o.int(14, 24) : long ? o.int(8, 14) : o.pick([5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 12, 13, 14, 15]);
  const most = long ? 6 : 4;
  const paragraphs: string[] = [];
  let i = 0;
  while (i < sentences.length && paragraphs.length < target) {
    const left = target - paragraphs.length;
    const ideal = (sentences.length - i) / left;
    const size = paragraphs.length === 0 ? o.int(1, 2) : Math.max(1, Math.min(most, Math.round(ideal + (o.next() - 0.5) * 2)));
    let chunk = sentences.slice(i, i + size);
    // A quotation opens its own paragraph.
    const qi = chunk.findIndex((x, k) => k > 0 && /^[“"]/.test(x));
    if (qi > 0) chunk = chunk.slice(0, qi);
    i += chunk.length;
    paragraphs.push(chunk.join(' '));
  }
  const filler = o.shuffle(story.filler.slice());
  while (paragraphs.length < 5) {
    const fn = filler.pop();
    if (!fn) break;
    const s = r.sentence(o.int(0, 0x7fffffff), fn);
    if (seen.has(s)) continue;
    seen.add(s);
    paragraphs.push(s);
  }

  // Front matter.
  const pp = partsOf(P);
  const u = o.next();
  const prec: Precision | null = u < 0.02 ? null : u < 0.04 ? 'year' : u < 0.1 ? 'month' : 'day';
  const noOutlet = o.chance(0.05);
  const outletNull = noOutlet && o.chance(0.3);
  const noUrl = noOutlet ? o.chance(0.85) : o.chance(0.04);
  const slug = slugify(title);
  const lines = ['---', `title: ${JSON.stringify(title)}`];
  if (!noOutlet) lines.push(`outlet: ${JSON.stringify(outlet.name)}`);
  else if (outletNull) lines.push('outlet: null');
  if (!noUrl) lines.push(`url: ${JSON.stringify(articleUrl(outlet, P, slug, artSeed))}`);
  else if (outletNull) lines.push('url: null');
  const ym = `${pp.y}-${pad2(pp.m)}`;
  if (prec === 'day') lines.push(`published: ${o.chance(0.5) ? isoDay(P) : JSON.stringify(isoDay(P))}`);
  else if (prec === 'month') lines.push(`published: ${o.chance(0.5) ? ym : JSON.stringify(ym)}`);
  else if (prec === 'year') lines.push(`published: ${o.chance(0.5) ? String(pp.y) : JSON.stringify(String(pp.y))}`);
  lines.push('---', '');
  const text = `${lines.join('\n')}\n${paragraphs.join('\n\n')}\n`;

  // Path: mostly YYYY/MM/slug.md, at a few other depths too.
  const v = o.next();
  let base: string;
  if (prec === null) base = `undated/${slug}`;
  else if (prec === 'year') base = `${pp.y}/${slug}`;
  else if (v < 0.6) base = `${pp.y}/${pad2(pp.m)}/${slug}`;
  else if (v < 0.72) base = prec === 'day' ? `${pp.y}/${pad2(pp.m)}/${isoDay(P)}-${slug}` : `${pp.y}/${pad2(pp.m)}/${slug}`;
  else if (v < 0.84) base = `${pp.y}/${slug}`;
  else if (v < 0.95) base = `wires/${slugify(outlet.name)}/${pp.y}/${pad2(pp.m)}/${pad2(pp.d)}/${slug}`;
  else base = slug;
  let path = `${base}.md`;
  for (let k = 2; usedPaths.has(path); k++) path = `${base}-${k}.md`;
  usedPaths.add(path);
  return { path, text, mentioned };
}

function slugify(s: string): string {
  return (
    s
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[’']/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 72)
      .replace(/-+$/, '') || 'article'
  );
}

function articleUrl(outlet: Outlet, P: number, slug: string, artSeed: number): string {
  const p = partsOf(P);
  switch (outlet.urlStyle) {
    case 0:
      return `https://${outlet.domain}/${outlet.section}/${p.y}/${pad2(p.m)}/${pad2(p.d)}/${slug}/`;
    case 1:
      return `https://${outlet.domain}/${outlet.section}/${slug}-${(artSeed % 9_000_000) + 1_000_000}`;
    case 2:
      return `https://${outlet.domain}/${p.y}/${pad2(p.m)}/${slug}.html`;
    default:
      return `https://${outlet.domain}/news/${outlet.section}/${artSeed.toString(36)}`;
  }
}

function titleCase(s: string): string {
  const small = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with', 'al', 'e', 'i']);
  return s
    .split(' ')
    .map((word, i) => (i > 0 && (small.has(word) || /^(al|ul|e|i)-/.test(word)) ? word : /^[a-z]/.test(word) ? cap(word) : word))
    .join(' ');
}

// ---------------------------------------------------------------------------------------------
// CLI

function parseArgs(argv: string[]): { articles: number; out: string; seed?: number; entities?: number; shape?: Shape } {
  const get = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    if (i >= 0) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(`${flag}=`));
    return eq?.slice(flag.length + 1);
  };
  const articles = Number(get('--articles'));
  const out = get('--out');
  if (!Number.isInteger(articles) || articles < 1 || !out) {
    throw new Error('usage: tsx bench/generateKnowledge.ts --articles N --out DIR [--seed S] [--entities E] [--shape news|long|dossier]');
  }
  const seed = get('--seed');
  const entities = get('--entities');
  const shape = get('--shape');
  if (shape !== undefined && shape !== 'news' && shape !== 'long' && shape !== 'dossier')
    throw new Error(`--shape must be news, long or dossier, got ${shape}`);
  return {
    articles,
    out,
    ...(seed !== undefined ? { seed: Number(seed) } : {}),
    ...(entities !== undefined ? { entities: Number(entities) } : {}),
    ...(shape !== undefined ? { shape } : {}),
  };
}

function isMain(): boolean {
  const arg = process.argv[1];
  if (!arg) return false;
  try {
    return realpathSync(resolve(arg)) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const started = performance.now();
    const result = await generateKnowledgeBase(args.out, {
      articles: args.articles,
      ...(args.seed !== undefined ? { seed: args.seed } : {}),
      ...(args.entities !== undefined ? { entities: args.entities } : {}),
      ...(args.shape !== undefined ? { shape: args.shape } : {}),
    });
    const ms = Math.round(performance.now() - started);
    console.log(
      `wrote ${result.articles} articles + entities.yml (${result.entities} entities) to ${args.out}: ${result.files} files, ${(result.bytes / 1e6).toFixed(2)} MB in ${ms} ms (generate ${result.ms.generate} ms, write ${result.ms.write} ms)`,
    );
    console.log(`popular: ${result.popular.join(', ')}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
