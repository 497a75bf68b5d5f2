/**
 * `node --import tsx --expose-gc bench/listLoad.ts DIR PATH` (run by `npm run bench -- --lists`):
 * in a fresh process, reads one list file of the generated lists and reports its time and the
 * memory it took, then links the list's entries to 1,000 entities besides the seeds' (the matching
 * that runs once per list version), and again after one entity is added, and times answers with the
 * list beside the same answers without it.
 */
import { answerQuery } from '../src/answer/answer.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { entityId } from '../src/knowledge/entities.js';
import { loadListFile } from '../src/knowledge/lists/loadLists.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import type { Entity } from '../src/knowledge/types.js';
import { generateEntries } from './generateLists.js';
import { percentile } from './mixes.js';

const [dir, path, count] = process.argv.slice(2);
const mb = (bytes: number) => bytes / 2 ** 20;
const seeds = await loadKnowledge(new URL('../knowledge', import.meta.url).pathname);
globalThis.gc?.();
const before = process.memoryUsage().heapUsed;
const peakBefore = process.resourceUsage().maxRSS * 1024;

const started = performance.now();
const load = await loadListFile(dir!, path!);
const loadMs = performance.now() - started;
if (!load.lists) throw new Error(`${path}: ${load.problems.map((p) => p.message).join('; ')}`);
const peakAfter = process.resourceUsage().maxRSS * 1024;
globalThis.gc?.();
const heldMb = mb(process.memoryUsage().heapUsed - before);

// Half the generated entities are named as list entries are; the other half only share words with them.
const generated = generateEntries(Number(count));
const entities: Entity[] = [
  ...seeds.entities,
  ...generated
    .filter((e) => !e.person)
    .slice(0, 1000)
    .map((e, i) => {
      const name = i % 2 === 0 ? e.names[0]! : `${e.names[0]!.split(' ').slice(0, 2).join(' ')} Relief Committee`;
      return { id: entityId(`${name} ${i}`), name, kind: 'organisation' as const, aliases: [], partOf: null };
    }),
];
const withList = new KnowledgeBase(entities, seeds.articles, [], load.lists);
const without = new KnowledgeBase(entities, seeds.articles);
const matchStarted = performance.now();
const links = withList.listLinks();
const matchMs = performance.now() - matchStarted;
const linked = entities.filter((e) => links.linksOf(e.id).length > 0).length;
// An article brings one organisation's name: only it is matched again.
withList.matcher.add({ id: 'brought', name: generated[1]!.names[0]!, kind: 'organisation', aliases: [], partOf: null });
const relinkStarted = performance.now();
withList.listLinks();
const relinkMs = performance.now() - relinkStarted;

const queries = ['taliban', 'is the taliban still banned by the un?', 'islamic state khorasan', ...entities.slice(-20).map((e) => e.name)];
const time = (kb: KnowledgeBase) => {
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of queries) {
      const t = performance.now();
      answerQuery(kb, q);
      times.push(performance.now() - t);
    }
  }
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
};
time(without); // warm both
const answerWithout = time(without);
const answerWith = time(withList);

process.send!({
  path,
  lists: load.lists.length,
  entries: load.lists.reduce((n, l) => n + l.entries.length, 0),
  loadMs,
  peakMb: mb(peakAfter),
  peakGrowthMb: mb(Math.max(0, peakAfter - peakBefore)),
  heldMb,
  matchMs,
  relinkMs,
  entities: entities.length,
  linked,
  answerWith,
  answerWithout,
});
