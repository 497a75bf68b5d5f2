/**
 * One knowledge base size, measured in a process of its own (run by bench/run.ts): the full
 * build as the app does it (on every core) and its peak memory, saving the snapshot,
 * re-indexing one changed file, and answer latency beside raw MiniSearch search for the two
 * query mixes. Sends its figures to the parent over IPC.
 */
import { readFile } from 'node:fs/promises';
import { PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import { answerQuery } from '../src/answer/answer.js';
import { AnswerCache, prepareAnswers } from '../src/answer/answerCache.js';
import { STOPWORDS } from '../src/extract/tokens.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { saveSnapshot } from '../src/index/snapshot.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { parseArticle } from '../src/knowledge/parseArticle.js';
import { DEFAULT_MAX_ARTICLE_BYTES } from '../src/knowledge/readKnowledgeFile.js';
import { ENTITIES_FILE } from '../src/knowledge/entities.js';
import { entityQueries, popularEntities } from './generateKnowledge.js';
import { FREE_TEXT, misspelt, percentile, popularStream, questionStream, type Latency } from './mixes.js';

const [dir, snapshotPath] = process.argv.slice(2) as [string, string];

/** Latency of `answer` beside raw MiniSearch search, over the same queries in the same order. */
function compare(queries: string[], answer: (q: string) => unknown, raw: (q: string) => unknown): Latency {
  const answerMs: number[] = [];
  const rawMs: number[] = [];
  for (const q of queries) {
    let t = performance.now();
    raw(q);
    rawMs.push(performance.now() - t);
    t = performance.now();
    answer(q);
    answerMs.push(performance.now() - t);
  }
  const p = {
    p50: percentile(answerMs, 0.5),
    p99: percentile(answerMs, 0.99),
    max: Math.max(...answerMs),
    rawP50: percentile(rawMs, 0.5),
    rawP99: percentile(rawMs, 0.99),
  };
  return { queries: queries.length, ...p, ratioP50: p.p50 / p.rawP50, ratioP99: p.p99 / p.rawP99 };
}

/** The words in most passages (not stopwords, not names): single-word queries that match nearly everything. */
function commonWords(count: number): string[] {
  const df = new Map<string, number>();
  for (const article of kb.articles) {
    for (const sentence of kb.sentencesOf(article.path)) {
      for (const word of new Set(sentence.text.toLowerCase().match(/\p{Ll}{4,}/gu) ?? [])) df.set(word, (df.get(word) ?? 0) + 1);
    }
  }
  return [...df]
    .filter(([word]) => !STOPWORDS.has(word))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([word]) => word);
}

const started = performance.now();
// As the app builds: the folder read, then its articles extracted on every core (KnowledgeBase.build).
const knowledge = await loadKnowledge(dir);
const paths = knowledge.articles.map((a) => a.path);
const kb = await KnowledgeBase.build(knowledge);
prepareAnswers(kb);
const buildMs = performance.now() - started;
const peakRssMb = process.resourceUsage().maxRSS / 1024;

let t = performance.now();
await saveSnapshot(snapshotPath, kb, await readFile(join(dir, ENTITIES_FILE), 'utf8'));
const snapshotSaveMs = performance.now() - t;

// One file changes: read, parsed, extracted, re-indexed, and what answers need worked out again.
const changed = paths[Math.floor(paths.length / 2)]!;
t = performance.now();
const text = `${await readFile(join(dir, changed), 'utf8')}\n\nThe statement was repeated on Monday.\n`;
kb.upsert(parseArticle(changed, Buffer.from(text)).article);
prepareAnswers(kb);
const reindexMs = performance.now() - t;

// One very large article (the articles' own paragraphs, one after another), indexed and removed again.
const paragraphs = kb.articles.flatMap((a) => a.paragraphs);
function indexLarge(bytes: number): number {
  const body: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    body.push(paragraphs[i % paragraphs.length]!);
    size += Buffer.byteLength(body.at(-1)!) + 2;
  }
  const article = parseArticle(`large-${bytes}.md`, Buffer.from(`---\ntitle: Large\npublished: 2025-01-01\n---\n\n${body.join('\n\n')}`)).article;
  const start = performance.now();
  kb.upsert(article);
  const ms = performance.now() - start;
  kb.remove(article.path);
  return ms;
}
const largeArticleMs = { atLimit: indexLarge(DEFAULT_MAX_ARTICLE_BYTES), twoMb: indexLarge(2 * 1024 * 1024) };

// Questions as long as the cap allows, and far longer (answered that they are too long).
const sentence = 'who asked the court to lift the ban on the group and when did the ministry remove it from the list ';
const longQuestionMs = (chars: number) => {
  const question = sentence.repeat(Math.ceil(chars / sentence.length)).slice(0, chars);
  const start = performance.now();
  answerQuery(kb, question);
  return performance.now() - start;
};
const longQuestion = { atCap: longQuestionMs(1000), fortyThousand: longQuestionMs(40_000) };

// Garbage-collection pauses while the mixes below are answered.
const pauses: number[] = [];
const collector = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) pauses.push(entry.duration);
});
collector.observe({ entryTypes: ['gc'] });

const engine = kb.index.engine;
const raw = (q: string) => engine.search(q);
const distinctQueries = await entityQueries(join(dir, ENTITIES_FILE));
const popular = await popularEntities(dir);
const cache = new AnswerCache();
for (const q of distinctQueries.slice(0, 20)) answerQuery(kb, q); // warm the JIT, not the answers
const distinct = compare(distinctQueries, (q) => answerQuery(kb, q), raw);
const repeated = compare(popularStream(popular), (q) => cache.get(kb, q), raw);
// The popular entities once each, worked out afresh: what a cache miss on them costs.
const popularUncached = compare(popularStream(popular), (q) => answerQuery(kb, q), raw);
// Questions about the popular organisations, each worked out afresh (most get a direct answer),
// after questions about others have warmed the JIT (not the answers).
const kindOf = (name: string) => kb.entity(kb.matcher.findInQuery(name)[0]?.entityId ?? '')?.kind;
const authorities = popular.filter((n) => kindOf(n) === 'authority');
const others = distinctQueries.filter((n) => kindOf(n) === 'organisation' && !popular.includes(n)).slice(0, 3);
for (const q of questionStream(others, authorities)) answerQuery(kb, q);
const questions = compare(
  questionStream(
    popular.filter((n) => kindOf(n) === 'organisation'),
    authorities,
  ),
  (q) => answerQuery(kb, q),
  raw,
);
const freeText = compare(FREE_TEXT, (q) => answerQuery(kb, q), raw);
const typos = compare(misspelt(distinctQueries).slice(0, 300), (q) => answerQuery(kb, q), raw);
const common = compare(commonWords(10), (q) => answerQuery(kb, q), raw);

await new Promise((resolve) => setTimeout(resolve, 10)); // the observer is told of pauses after the synchronous mixes
collector.disconnect();
const gcPauses = { count: pauses.length, p99: percentile(pauses, 0.99), max: Math.max(0, ...pauses) };

process.send!({
  gcPauses,
  articles: kb.articles.length,
  passages: kb.index.size,
  buildMs,
  peakRssMb,
  snapshotSaveMs,
  reindexMs,
  largeArticleMs,
  longQuestion,
  answer: { distinct, popular: repeated, popularUncached, questions, freeText, typos, common, popularEntities: popular },
});
