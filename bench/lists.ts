/**
 * `npm run bench -- --lists`: official lists of 20,000 entries (--quick: 2,000), generated in each
 * published format, each read in a fresh process: the time to load, the process's peak memory and
 * the heap the list holds once read, the matching of its entries to entities (once per list
 * version, then for one entity more), and answers with the list beside the same answers without it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateEntries, writeLists } from './generateLists.js';
import { child } from './processes.js';

interface ListRun {
  path: string;
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

export async function lists(count: number): Promise<{ runs: ListRun[]; met: boolean }> {
  const dir = mkdtempSync(join(tmpdir(), 'designation-bench-lists-'));
  try {
    const files = writeLists(dir, generateEntries(count));
    const runs: ListRun[] = [];
    for (const path of Object.values(files)) {
      const run = child<ListRun>('listLoad.ts', [dir, path, String(count)]);
      runs.push(await run.first);
      run.process.kill();
    }
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
    const slowest = Math.max(...runs.map((r) => r.loadMs));
    const largest = Math.max(...runs.map((r) => r.peakGrowthMb));
    const ready = Math.max(...runs.map((r) => r.loadMs + r.matchMs));
    const targets: [string, boolean][] = [
      [`a ${count.toLocaleString('en')}-entry list loads in < 5 s, every format (slowest ${f(slowest)} ms)`, slowest < 5000],
      [`and takes < 200 MB of memory at its peak (largest ${f(largest)} MB over the process before it)`, largest < 200],
      [`loaded and matched to entities in < 5 s, every format (slowest ${f(ready)} ms)`, ready < 5000],
    ];
    console.log('\nTargets:');
    for (const [name, met] of targets) console.log(`  ${met ? 'met   ' : 'MISSED'} ${name}`);
    return { runs, met: targets.every(([, met]) => met) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
