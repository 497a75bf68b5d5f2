import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../src/answer/answerCache.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { SEED_DIR } from './support/seedKnowledge.js';

describe('remembered answers', () => {
  it('answers a repeated question from memory until the knowledge base changes', async () => {
    const knowledge = await loadKnowledge(SEED_DIR);
    const ruling = knowledge.articles.find((a) => a.published === '2025-04-17')!;
    const kb = new KnowledgeBase(
      knowledge.entities,
      knowledge.articles.filter((a) => a !== ruling),
    );
    const answers = new AnswerCache();
    const first = answers.get(kb, 'taliban');
    expect(answers.get(kb, '  taliban ')).toBe(first);
    expect(answers.get(kb, 'taliban', ['IS-K'])).not.toBe(first);

    kb.upsert(ruling);
    const after = answers.get(kb, 'taliban');
    expect(after).not.toBe(first);
    expect(after.status.find((s) => s.authority === 'Russia')).toMatchObject({ state: 'removed', date: '2025-04-17' });
    expect(first.status.find((s) => s.authority === 'Russia')).toMatchObject({ state: 'pending' });
  });

  it('forgets the least recently asked question first', async () => {
    const kb = KnowledgeBase.fromKnowledge(await loadKnowledge(SEED_DIR));
    const answers = new AnswerCache({ capacity: 2 });
    const taliban = answers.get(kb, 'taliban');
    const isk = answers.get(kb, 'IS-K');
    answers.get(kb, 'taliban');
    answers.get(kb, 'kazakhstan');
    expect(answers.get(kb, 'taliban')).toBe(taliban);
    expect(answers.get(kb, 'IS-K')).not.toBe(isk);
  });
});
