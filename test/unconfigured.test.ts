import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answerQuery } from '../src/answer/answer.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { entityId } from '../src/knowledge/entities.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';

/**
 * Knowledge bases written by someone else (test/eval/corpora): one whose entities.yml lists only
 * organisations, one with no entities.yml at all. No authority is configured in either.
 */
interface Expected {
  query: string;
  status?: { authority: string; entity: string; state: string; toward?: string; date: string | null }[];
  absent?: string[];
}
const corpora = parse(readFileSync(new URL('./eval/corpora/expected.yml', import.meta.url), 'utf8')) as Record<string, Expected[]>;
const cases = Object.entries(corpora).flatMap(([folder, queries]) => queries.map((q) => [folder, q.query, q] as const));
const loaded = new Map<string, Promise<KnowledgeBase>>();
const kbOf = (folder: string) => {
  if (!loaded.has(folder)) loaded.set(folder, loadKnowledge(new URL(`./eval/corpora/${folder}`, import.meta.url).pathname).then(KnowledgeBase.fromKnowledge));
  return loaded.get(folder)!;
};

describe('status lines on knowledge bases that configure no authority', () => {
  it.each(cases)('%s: "%s" gives no line a careful reader would not give', async (folder, query, expected) => {
    const kb = await kbOf(folder);
    const answer = answerQuery(kb, query);
    const about = new Set((expected.status ?? []).map((s) => entityId(s.entity)));
    // The answer is about the organisation asked for, by name or alias, and states some of its steps.
    expect(
      answer.subjects.map(entityId).some((id) => about.has(id)),
      answer.subjects.join(', '),
    ).toBe(true);
    expect(answer.status.some((s) => about.has(entityId(s.entity)))).toBe(true);
    for (const line of answer.status.filter((s) => about.has(entityId(s.entity)))) {
      const match = expected.status!.find((e) => entityId(e.authority) === entityId(line.authority) && e.state === line.state && e.toward === line.toward);
      expect(match, `${line.authority} ${line.state} ${line.entity}: ${line.text}`).toBeDefined();
      expect([match!.date, null], line.text).toContain(line.date);
    }
    for (const authority of expected.absent ?? []) expect(answer.status.map((s) => s.authority)).not.toContain(authority);
  });

  it('finds a source that misspells a name from the name and from every alias alike', async () => {
    const kb = await kbOf('news');
    const sourcesOf = (query: string) =>
      answerQuery(kb, query)
        .sources.map((s) => s.path)
        .sort();
    const misspelt = sourcesOf("Mireth People's Army").filter((path) => path.includes('canada-lists-mireth'));
    expect(misspelt).toHaveLength(1);
    for (const alias of ['MPA', 'Jaysh al-Mireth']) expect(sourcesOf(alias)).toEqual(expect.arrayContaining(misspelt));
  });
});
