import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile, mkdir } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash } from '../knowledge/parseArticle.js';
import type { Entity, KnowledgeProblem } from '../knowledge/types.js';
import { snapshotProblem, sum } from './checkSnapshot.js';
import { decodeColumns, encodeColumns } from './columnFile.js';
import { KnowledgeBase, type Coverage } from './knowledgeBase.js';
import type { PackedIndex } from './packIndex.js';
import { packPassages, PassageColumns, type ArticleRecord } from './packPassages.js';

/** Bumped when the snapshot's layout changes. */
const FORMAT = 7;

/** The folders whose code decides what a snapshot holds: articles, extraction, the index. */
const CODE_FOLDERS = ['knowledge', 'extract', 'index'];
/** The libraries that decide it too (packIndex reads MiniSearch's own index maps). */
const LIBRARIES = ['minisearch', 'chrono-node', 'sbd', 'yaml', 'wink-nlp', 'wink-eng-lite-web-model', 'world-countries'];

/** What a snapshot holds besides its columns. */
interface Meta {
  format: number;
  /** Fingerprint of the code that made it (see codeFingerprint). */
  code: string;
  /** Hash of the entities.yml it was made with. */
  entities: string;
  entityList: Entity[];
  /** Organisations found in the articles, and where (see KnowledgeBase.discoveredEntities). */
  discovered: ReturnType<KnowledgeBase['discoveredEntities']>;
  articles: ArticleRecord[];
  /** The index's figures that are not columns. */
  index: Pick<PackedIndex, 'documentCount' | 'nextId' | 'dirtCount' | 'fieldIds' | 'averageFieldLength'>;
  coverage: Coverage;
  /** Files used with a caveat (warnings), reported again at every start. */
  problems: KnowledgeProblem[];
}

let fingerprint: Promise<string> | undefined;

/**
 * A hash of the code that reads articles into passages and indexes them, as it runs (the compiled
 * files under `npm start`, the TypeScript source through tsx): a snapshot made by different code
 * is rebuilt rather than trusted, also when `dist/` was not built again after `src/` changed.
 */
export function codeFingerprint(): Promise<string> {
  fingerprint ??= (async () => {
    const src = join(dirname(fileURLToPath(import.meta.url)), '..');
    const root = projectRoot(src);
    const hash = createHash('sha256').update(`${FORMAT} ${process.versions.v8}`);
    for (const library of LIBRARIES) {
      const manifest = await readFile(join(root, 'node_modules', library, 'package.json'), 'utf8').catch(() => '');
      hash.update(`${library}@${(JSON.parse(manifest || '{}') as { version?: string }).version ?? 'unknown'}`);
    }
    for (const folder of CODE_FOLDERS) {
      const files = (await readdir(join(src, folder), { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
      for (const file of files.map((e) => relative(join(src, folder), join(e.parentPath, e.name))).sort()) {
        hash.update(file).update(await readFile(join(src, folder, file)));
      }
    }
    return hash.digest('hex');
  })();
  return fingerprint;
}

/** The nearest folder above `from` with a package.json: the checkout, from src/ or from dist/src/ (where node_modules is). */
function projectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/**
 * Writes the knowledge base to a snapshot file (atomically: a reader never sees half a file): the
 * passages as columns (see packPassages), the index's postings and the popular entities'
 * rankings (as positions in the order of the passages) likewise.
 */
export async function saveSnapshot(path: string, kb: KnowledgeBase, entitiesText: string): Promise<void> {
  kb.index.rankPopular();
  const extracted = kb.extracted();
  const position = new Map(extracted.flatMap((e) => e.passages).map((p, i) => [p, i]));
  const passages = packPassages(extracted);
  const { ids, terms, shortIds, fieldLengths, fieldsPerTerm, postingField, postingCount, postingDocs, postingFreqs, ...figures } = kb.index.pack();
  const rankings = [...kb.index.rankings()];
  const meta: Meta = {
    format: FORMAT,
    code: await codeFingerprint(),
    entities: contentHash(entitiesText),
    entityList: kb.entities,
    discovered: kb.discoveredEntities(),
    articles: passages.articles,
    index: figures,
    coverage: kb.coverage(),
    problems: kb.problems.filter((p) => p.severity === 'warning'),
  };
  const chunks = encodeColumns(meta, {
    ...passages.columns,
    'index.ids': ids,
    'index.terms': terms,
    'index.shortIds': shortIds,
    'index.fieldLengths': fieldLengths,
    'index.fieldsPerTerm': fieldsPerTerm,
    'index.postingField': postingField,
    'index.postingCount': postingCount,
    'index.postingDocs': postingDocs,
    'index.postingFreqs': postingFreqs,
    'rankings.ids': rankings.map(([id]) => id),
    'rankings.lengths': Int32Array.from(rankings, ([, ranked]) => ranked.length),
    'rankings.order': Int32Array.from(rankings.flatMap(([, ranked]) => ranked.map((p) => position.get(p)!))),
  });
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, chunks);
  await rename(temporary, path);
}

/** A snapshot read: the knowledge base, or null with why (null too when there is simply none). */
export interface SnapshotRead {
  kb: KnowledgeBase | null;
  /** Set when a snapshot was there but could not be trusted: unreadable or inconsistent. */
  problem: string | null;
}

/**
 * The knowledge base a snapshot holds, or null when there is none, it is unreadable or
 * inconsistent, or it was made from other entities or by other code. Its articles are as they
 * were when it was saved: the caller brings changed files up to date. Temporary files that a
 * process killed while saving left beside it are removed first.
 */
export async function readSnapshot(path: string, entitiesText: string): Promise<SnapshotRead> {
  await removeStaleTemporaries(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return { kb: null, problem: null };
  }
  try {
    const file = decodeColumns(bytes);
    const meta = file.meta as Meta;
    if (meta?.format !== FORMAT || meta.code !== (await codeFingerprint()) || meta.entities !== contentHash(entitiesText)) return { kb: null, problem: null };
    const columns = new PassageColumns(meta.articles, file);
    const index: PackedIndex = {
      ...meta.index,
      ids: file.strings('index.ids').all(),
      terms: file.strings('index.terms').all(),
      shortIds: file.int32('index.shortIds'),
      fieldLengths: file.int32('index.fieldLengths'),
      fieldsPerTerm: file.uint8('index.fieldsPerTerm'),
      postingField: file.uint8('index.postingField'),
      postingCount: file.int32('index.postingCount'),
      postingDocs: file.int32('index.postingDocs'),
      postingFreqs: file.int32('index.postingFreqs'),
    };
    const order = file.int32('rankings.order');
    let from = 0;
    const lengths = file.int32('rankings.lengths');
    const saved = file
      .strings('rankings.ids')
      .all()
      .map((id, r): [string, Int32Array] => [id, order.subarray(from, (from += lengths[r]!))]);
    if (sum(lengths) !== order.length) return { kb: null, problem: 'the saved rankings do not add up' };
    const problem = snapshotProblem(columns, index, saved);
    if (problem !== null) return { kb: null, problem };
    const extracted = columns.extracted();
    const passages = extracted.flatMap((e) => e.passages);
    const rankings = new Map(saved.map(([id, ranked]) => [id, Array.from(ranked, (i) => passages[i]!)]));
    const kb = KnowledgeBase.restore(meta.entityList, extracted, index, {
      rankings,
      coverage: meta.coverage,
      problems: meta.problems,
      discovered: meta.discovered,
    });
    if (passages.some((p) => !kb.index.engine.has(p.id))) return { kb: null, problem: 'the index and the passages hold different passages' };
    const unknown = kb
      .allClaimPairs()
      .flatMap((pair) => pair.split(' '))
      .find((id) => kb.entity(id) === undefined);
    if (unknown !== undefined) return { kb: null, problem: `a claim names an entity the snapshot does not hold ("${unknown}")` };
    return { kb, problem: null };
  } catch (error) {
    return { kb: null, problem: `it cannot be read: ${(error as Error).message}` };
  }
}

/** `<snapshot>.<pid>.tmp` files of processes that are no longer running (a save cut short by kill -9). */
async function removeStaleTemporaries(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    const middle = name.startsWith(prefix) && name.endsWith('.tmp') ? name.slice(prefix.length, -'.tmp'.length) : '';
    const pid = /^\d+$/.test(middle) ? Number(middle) : undefined;
    if (pid === undefined || (pid !== process.pid && isRunning(pid))) continue;
    await rm(join(dirname(path), name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
