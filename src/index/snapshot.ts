import { createHash } from 'node:crypto';
import { readdir, readFile, rename, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { contentHash } from '../knowledge/parseArticle.js';
import type { Entity, KnowledgeProblem } from '../knowledge/types.js';
import { KnowledgeBase, type Coverage } from './knowledgeBase.js';
import type { PackedIndex } from './packIndex.js';
import { packPassages, unpackPassages, type PackedPassages } from './packPassages.js';

/** Bumped when the snapshot's layout changes. */
const FORMAT = 6;

/** The folders whose code decides what a snapshot holds: articles, extraction, the index. */
const CODE_FOLDERS = ['knowledge', 'extract', 'index'];
/** The libraries that decide it too (packIndex reads MiniSearch's own index maps). */
const LIBRARIES = ['minisearch', 'chrono-node', 'sbd', 'yaml', 'wink-nlp', 'wink-eng-lite-web-model', 'world-countries'];

interface Snapshot {
  format: number;
  /** Fingerprint of the code that made it (see codeFingerprint). */
  code: string;
  /** Hash of the entities.yml it was made with. */
  entities: string;
  entityList: Entity[];
  /** Organisations found in the articles, and where (see KnowledgeBase.discoveredEntities). */
  discovered: ReturnType<KnowledgeBase['discoveredEntities']>;
  passages: PackedPassages;
  index: PackedIndex;
  /** Popular entities' rankings, as positions in the order of the packed passages. */
  rankings: [string, Int32Array][];
  coverage: Coverage;
  /** Files used with a caveat (warnings), reported again at every start. */
  problems: KnowledgeProblem[];
}

let fingerprint: Promise<string> | undefined;

/**
 * A hash of the source of the code that reads articles into passages and indexes them: a
 * snapshot made by different code is rebuilt rather than trusted.
 */
export function codeFingerprint(): Promise<string> {
  fingerprint ??= (async () => {
    const src = join(dirname(fileURLToPath(import.meta.url)), '..');
    const hash = createHash('sha256').update(`${FORMAT} ${process.versions.v8}`);
    for (const library of LIBRARIES) {
      const manifest = await readFile(join(src, '..', 'node_modules', library, 'package.json'), 'utf8').catch(() => '');
      hash.update(`${library}@${(JSON.parse(manifest || '{}') as { version?: string }).version ?? 'unknown'}`);
    }
    for (const folder of CODE_FOLDERS) {
      for (const file of (await readdir(join(src, folder))).sort()) hash.update(file).update(await readFile(join(src, folder, file)));
    }
    return hash.digest('hex');
  })();
  return fingerprint;
}


/** Writes the knowledge base to a snapshot file (atomically: a reader never sees half a file). */
export async function saveSnapshot(path: string, kb: KnowledgeBase, entitiesText: string): Promise<void> {
  kb.index.rankPopular();
  const extracted = kb.extracted();
  const position = new Map(extracted.flatMap((e) => e.passages).map((p, i) => [p, i]));
  const snapshot: Snapshot = {
    format: FORMAT,
    code: await codeFingerprint(),
    entities: contentHash(entitiesText),
    entityList: kb.entities,
    discovered: kb.discoveredEntities(),
    passages: packPassages(extracted),
    index: kb.index.pack(),
    rankings: [...kb.index.rankings()].map(([id, ranked]) => [id, Int32Array.from(ranked, (p) => position.get(p)!)]),
    coverage: kb.coverage(),
    problems: kb.problems.filter((p) => p.severity === 'warning'),
  };
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, serialize(snapshot));
  await rename(temporary, path);
}

/**
 * The knowledge base a snapshot holds, or null when there is none, it is unreadable, or it was
 * made from other entities or by other code. Its articles are as they were when it was saved:
 * the caller brings changed files up to date.
 */
export async function readSnapshot(path: string, entitiesText: string): Promise<KnowledgeBase | null> {
  try {
    const snapshot = deserialize(await readFile(path)) as Snapshot;
    if (snapshot?.format !== FORMAT || snapshot.code !== (await codeFingerprint()) || snapshot.entities !== contentHash(entitiesText)) return null;
    const extracted = unpackPassages(snapshot.passages);
    const passages = extracted.flatMap((e) => e.passages);
    const rankings = new Map(snapshot.rankings.map(([id, order]) => [id, Array.from(order, (i) => passages[i]!)]));
    return KnowledgeBase.restore(snapshot.entityList, extracted, snapshot.index, { rankings, coverage: snapshot.coverage, problems: snapshot.problems, discovered: snapshot.discovered });
  } catch {
    return null; // unreadable, or written by something else: rebuilt from the files
  }
}
