import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Query } from 'minisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityQueries, generateKnowledgeBase } from '../bench/generateKnowledge.js';
import { FREE_TEXT, misspelt, questionStream } from '../bench/mixes.js';
import { analyzeQuery } from '../src/answer/query.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { topResults } from '../src/index/topResults.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';

let dir: string;
let kb: KnowledgeBase;
let queries: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'top-results-'));
  await generateKnowledgeBase(dir, { articles: 150, seed: 7 });
  kb = KnowledgeBase.fromKnowledge(await loadKnowledge(dir));
  const names = await entityQueries(join(dir, 'entities.yml'));
  queries = [...names, ...misspelt(names), ...FREE_TEXT, ...questionStream(names.slice(0, 60), ['Russia', 'European Union'])];
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The MiniSearch query the index asks for a question, as SearchIndex builds it. */
function indexQuery(text: string): Query | null {
  const q = analyzeQuery(text, kb.matcher);
  const queries = [];
  if (q.entityIds.length > 0) queries.push({ queries: q.entityIds, fields: ['entities'], boost: { entities: 3 } });
  if (q.terms.length + q.names.length > 0) queries.push({ queries: [...q.terms, ...q.names], fields: ['text'], fuzzy: 0.2, prefix: true });
  if (q.related.length > 0) queries.push({ queries: q.related, fields: ['text'], prefix: true, boost: { text: 0.5 } });
  return queries.length > 0 ? { queries, combineWith: 'OR' } : null;
}

describe('topResults', () => {
  it('keeps exactly the top of MiniSearch.search, scores and order, for thousands of queries', () => {
    let compared = 0;
    for (const text of queries) {
      const query = indexQuery(text);
      if (query === null) continue;
      for (const limit of [1, 60, 300]) {
        const expected = kb.index.engine
          .search(query)
          .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
          .slice(0, limit)
          .map((r) => ({ id: r.id as string, score: r.score }));
        expect(topResults(kb.index.engine, query, limit), `${text} (top ${limit})`).toEqual(expected);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it('breaks a tie of scores by passage id, whatever order the passages were added in', () => {
    const query = indexQuery(queries[0]!)!;
    const all = kb.index.engine.search(query);
    const tied = all.filter((r) => all.some((o) => o !== r && o.score === r.score));
    expect(tied.length).toBeGreaterThan(0);
    const top = topResults(kb.index.engine, query, all.length);
    for (let i = 1; i < top.length; i++) {
      if (top[i]!.score === top[i - 1]!.score) expect(top[i - 1]!.id < top[i]!.id).toBe(true);
    }
  });
});
