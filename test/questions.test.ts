import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answerQuery } from '../src/answer/answer.js';
import { citedItems, normalise, seedKnowledgeBase, sourceText } from './support/seedKnowledge.js';

interface Question {
  query: string;
  summary_mentions?: string[];
  cites?: string[];
  status?: Record<string, string>;
  timeline_dates?: string[];
  conflict?: string;
  nothing_found?: boolean;
}

const questions = parse(readFileSync(new URL('./questions.yml', import.meta.url), 'utf8')) as Question[];

describe('the question set (test/questions.yml)', () => {
  it.each(questions.map((q) => [q.query, q] as const))('%s', async (_, q) => {
    const kb = await seedKnowledgeBase();
    const answer = answerQuery(kb, q.query);

    if (q.nothing_found) {
      expect(answer.message).toMatch(/Nothing in the knowledge base matches/);
      expect(answer.summary).toEqual([]);
      return;
    }
    expect(answer.message).toBeNull();
    expect(answer.summary.length).toBeGreaterThanOrEqual(1);
    expect(answer.summary.length).toBeLessThanOrEqual(5);
    for (const item of citedItems(answer)) {
      expect(item.citations.length).toBeGreaterThan(0);
      expect(item.citations.some((id) => sourceText(answer, id).includes(normalise(item.text)))).toBe(true);
    }
    const summary = answer.summary
      .map((s) => s.text)
      .join(' ')
      .toLowerCase();
    for (const words of q.summary_mentions ?? []) expect(summary).toContain(words.toLowerCase());
    for (const path of q.cites ?? []) expect(answer.sources.map((s) => s.path)).toContain(path);
    for (const [authority, state] of Object.entries(q.status ?? {})) {
      expect(answer.status.find((s) => s.authority === authority)?.state).toBe(state);
    }
    for (const date of q.timeline_dates ?? []) expect(answer.timeline.map((t) => t.date)).toContain(date);
    if (q.conflict) expect(answer.conflicts.flatMap((c) => c.values.map((v) => v.value))).toContain(q.conflict);
  });
});
