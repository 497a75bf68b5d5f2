/**
 * How long one answer takes on the shipped knowledge base, in-process, start-up excluded.
 * Run: npx tsx bench/seedLatency.ts
 */
import { performance } from 'node:perf_hooks';
import { answerQuery } from '../src/answer/answer.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';

const QUERIES = ['taliban', 'IS-K', 'kabulov', 'who asked the Supreme Court to lift the ban?', 'kazakhstan', 'Moscow death toll', 'zzqxv'];
const ROUNDS = 200;

const started = performance.now();
const kb = KnowledgeBase.fromKnowledge(await loadKnowledge('knowledge'));
const loadMs = performance.now() - started;

for (const q of QUERIES) answerQuery(kb, q); // warm-up: JIT and caches of the runtime, not of answers
const samples: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const q of QUERIES) {
    const t = performance.now();
    answerQuery(kb, q);
    samples.push(performance.now() - t);
  }
}
samples.sort((a, b) => a - b);
const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!.toFixed(2);
console.log(`knowledge load + index: ${loadMs.toFixed(0)} ms (${kb.articles.length} articles, ${kb.index.size} passages)`);
console.log(`answer latency over ${samples.length} answers: p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, max ${samples[samples.length - 1]!.toFixed(2)} ms`);
