/**
 * `npm run bench -- --lists`: official lists of 20,000 entries (--quick: 2,000), generated in each
 * published format, each read in a fresh process: the time to load, the process's peak memory and
 * the heap the list holds once read, the matching of its entries to entities (once per list
 * version, then for one entity more), and answers with the list beside the same answers without it.
 * Then an OpenSanctions collection of 300,000 targets and 600,000 sanctions in one file (--quick:
 * 3,000), measured the same way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateEntries, writeCollection, writeLists } from './generateLists.js';
import { child } from './processes.js';

interface ListRun {
  path: string;
  /** The lists the file holds (one per dataset of a collection). */
  lists: number;
  entries: number;
  loadMs: number;
  peakMb: number;
  peakGrowthMb: number;
  heldMb: number;
  matchMs: number;
  relinkMs: number;
  entities: number;
  linked: number;
  answerWith: { p50: number; p99: number };
  answerWithout: { p50: number; p99: number };
}

export async function lists(count: number, collectionTargets: number): Promise<{ runs: ListRun[]; met: boolean }> {
  const dir = mkdtempSync(join(tmpdir(), 'designation-bench-lists-'));
  try {
    const files = writeLists(dir, generateEntries(count));
    const runs: ListRun[] = [];
    const measure = async (path: string, entries: number) => {
      const run = child<ListRun>('listLoad.ts', [dir, path, String(entries)]);
      const result = await run.first;
      run.process.kill();
      return result;
    };
    for (const path of Object.values(files)) runs.push(await measure(path, count));
    const collection = await measure(writeCollection(dir, generateEntries(collectionTargets)), collectionTargets);
    const f = (n: number, d = 0) => n.toFixed(d);
    console.log(`\nOfficial lists of ${count.toLocaleString('en')} entries, each read in a fresh process:`);
    console.log(
      '| list | entries | load (ms) | peak RSS (MB) | peak growth (MB) | held heap (MB) | matching (ms) | one entity more (ms) | linked | answer p50 with / without (ms) | p99 with / without |',
    );
    console.log('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
    for (const r of runs) {
      console.log(
        `| ${r.path} | ${r.entries} | ${f(r.loadMs)} | ${f(r.peakMb)} | ${f(r.peakGrowthMb)} | ${f(r.heldMb)} | ${f(r.matchMs)} | ${f(r.relinkMs, 1)} | ${r.linked} / ${r.entities} | ${f(r.answerWith.p50, 2)} / ${f(r.answerWithout.p50, 2)} | ${f(r.answerWith.p99, 2)} / ${f(r.answerWithout.p99, 2)} |`,
      );
    }
    const c = collection;
    const slower = c.answerWith.p50 / c.answerWithout.p50;
    console.log(
      `\nAn OpenSanctions collection of ${collectionTargets.toLocaleString('en')} targets and ${(2 * collectionTargets).toLocaleString('en')} sanctions in one file, read in a fresh process:`,
    );
    console.log(
      '| lists (datasets) | entries | load (ms) | peak RSS (MB) | held heap (MB) | matching (ms) | answer p50 with / without (ms) | p99 with / without |',
    );
    console.log('|--:|--:|--:|--:|--:|--:|--:|--:|');
    console.log(
      `| ${c.lists} | ${c.entries} | ${f(c.loadMs)} | ${f(c.peakMb)} | ${f(c.heldMb)} | ${f(c.matchMs)} | ${f(c.answerWith.p50, 2)} / ${f(c.answerWithout.p50, 2)} | ${f(c.answerWith.p99, 2)} / ${f(c.answerWithout.p99, 2)} |`,
    );
    const slowest = Math.max(...runs.map((r) => r.loadMs));
    const largest = Math.max(...runs.map((r) => r.peakGrowthMb));
    const ready = Math.max(...runs.map((r) => r.loadMs + r.matchMs));
    const targets: [string, boolean][] = [
      [`a ${count.toLocaleString('en')}-entry list loads in < 5 s, every format (slowest ${f(slowest)} ms)`, slowest < 5000],
      [`and takes < 200 MB of memory at its peak (largest ${f(largest)} MB over the process before it)`, largest < 200],
      [`loaded and matched to entities in < 5 s, every format (slowest ${f(ready)} ms)`, ready < 5000],
      [`the collection loads in < 60 s (${f(c.loadMs / 1000, 1)} s)`, c.loadMs < 60_000],
      [`holding < 400 MB once read (${f(c.heldMb)} MB)`, c.heldMb < 400],
      [`answers beside it as fast as without it: p50 at most 1.2× (${f(slower, 2)}×)`, slower <= 1.2],
    ];
    console.log('\nTargets:');
    for (const [name, met] of targets) console.log(`  ${met ? 'met   ' : 'MISSED'} ${name}`);
    return { runs, met: targets.every(([, met]) => met) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
