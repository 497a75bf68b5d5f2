import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type MiniSearch from 'minisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityQueries, generateKnowledgeBase } from '../bench/generateKnowledge.js';
import { FREE_TEXT, misspelt, questionStream } from '../bench/mixes.js';
import { analyzeQuery } from '../src/answer/query.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { QueryScorer, type QueryGroup } from '../src/index/queryScorer.js';
import { queryGroups, SearchIndex } from '../src/index/searchIndex.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';

let dir: string;
let kb: KnowledgeBase;
let queries: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'query-scorer-'));
  await generateKnowledgeBase(dir, { articles: 150, seed: 7 });
  kb = KnowledgeBase.fromKnowledge(await loadKnowledge(dir));
  const names = await entityQueries(join(dir, 'entities.yml'));
  // Questions run together too, for queries of more than 32 distinct words.
  const runTogether = [FREE_TEXT.slice(0, 6).join(' '), FREE_TEXT.slice(6, 14).join(' '), FREE_TEXT.join(' ')];
  queries = [...names, ...misspelt(names), ...FREE_TEXT, ...runTogether, ...questionStream(names.slice(0, 60), ['Russia', 'European Union'])];
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function groupsOf(text: string): QueryGroup[] {
  return queryGroups(analyzeQuery(text, kb.matcher));
}

/** MiniSearch's own search, sorted with ties in id order and cut at `limit`. */
function searched(engine: MiniSearch<unknown>, groups: QueryGroup[], limit: number): { id: string; score: number }[] {
  return engine
    .search({ queries: groups, combineWith: 'OR' })
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, limit)
    .map((r) => ({ id: r.id as string, score: r.score }));
}

describe('QueryScorer', () => {
  it('keeps exactly the top of MiniSearch.search, scores and order, for thousands of queries', () => {
    const engine = kb.index.engine as MiniSearch<unknown>;
    const scorer = new QueryScorer(engine);
    let compared = 0;
    for (const text of queries) {
      const groups = groupsOf(text);
      if (groups.length === 0) continue;
      for (const limit of [1, 60, 300]) {
        expect(scorer.top(groups, limit), `${text} (top ${limit})`).toEqual(searched(engine, groups, limit));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(2000);
    expect(queries.some((q) => new Set(analyzeQuery(q, kb.matcher).terms).size > 32)).toBe(true);
  });

  it('scores as MiniSearch does after passages are removed, and never finds a removed one', () => {
    const passages = kb.extracted().flatMap((e) => e.passages);
    const removed = passages.filter((_, i) => i % 7 === 3);
    const index = new SearchIndex();
    index.add(passages);
    index.remove(removed);
    const engine = index.engine as MiniSearch<unknown>;
    const scorer = new QueryScorer(engine);
    const gone = new Set(removed.map((p) => p.id));
    for (const text of queries.slice(0, 400)) {
      const groups = groupsOf(text);
      if (groups.length === 0) continue;
      const top = scorer.top(groups, 60);
      expect(top, text).toEqual(searched(engine, groups, 60));
      expect(
        top.some((r) => gone.has(r.id)),
        text,
      ).toBe(false);
    }
  });

  it('breaks a tie of scores by passage id, whatever order the passages were added in', () => {
    const engine = kb.index.engine as MiniSearch<unknown>;
    const groups = groupsOf(queries[0]!);
    const all = engine.search({ queries: groups, combineWith: 'OR' });
    const tied = all.filter((r) => all.some((o) => o !== r && o.score === r.score));
    expect(tied.length).toBeGreaterThan(0);
    const top = new QueryScorer(engine).top(groups, all.length);
    for (let i = 1; i < top.length; i++) {
      if (top[i]!.score === top[i - 1]!.score) expect(top[i - 1]!.id < top[i]!.id).toBe(true);
    }
  });
});
