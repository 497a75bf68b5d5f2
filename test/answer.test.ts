import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerQuery } from '../src/answer/answer.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import type { Answer } from '../src/answer/types.js';
import { citedItems, normalise, SEED_DIR, seedKnowledgeBase, sourceText } from './support/seedKnowledge.js';

async function ask(query: string): Promise<Answer> {
  return answerQuery(await seedKnowledgeBase(), query);
}

describe('citations', () => {
  it.each(['taliban', 'Russia', 'IS-K', 'Putin', 'who asked the Supreme Court to lift the ban?'])(
    'every cited text of "%s" is verbatim in every source it cites or in the first',
    async (query) => {
      const answer = await ask(query);
      const items = citedItems(answer);
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        const inSources = item.citations.filter((id) => sourceText(answer, id).includes(normalise(item.text)));
        expect(inSources, item.text).not.toEqual([]);
      }
    },
  );

  it('numbers sources from 1 in order of first citation, and every number is listed', async () => {
    const answer = await ask('taliban');
    expect(answer.sources.map((s) => s.id)).toEqual(answer.sources.map((_, i) => i + 1));
    expect(answer.summary[0]!.citations).toContain(1);
    const cited = new Set([...citedItems(answer), ...answer.conflicts.flatMap((c) => c.values)].flatMap((i) => i.citations));
    expect([...cited].sort((a, b) => a - b)).toEqual(answer.sources.map((s) => s.id));
  });

  it('gives each source its title, date and file from the front matter', async () => {
    const answer = await ask('taliban');
    const ruling = answer.sources.find((s) => s.published === '2025-04-17')!;
    expect(ruling.title).toBe("Russia's Supreme Court removes Taliban from list of terrorist organisations");
    expect(ruling.outlet).toBeNull();
    expect(ruling.url).toBeNull();
    expect(readFileSync(join(SEED_DIR, ruling.path), 'utf8')).toContain('Oleg Nefedov');
    expect(answer.sources.find((s) => s.published === '2025-03')).toBeDefined();
  });
});

describe('the answer to "taliban"', () => {
  it('has a summary of 2 to 5 sentences, newest development first', async () => {
    const { summary } = await ask('taliban');
    expect(summary.length).toBeGreaterThanOrEqual(2);
    expect(summary.length).toBeLessThanOrEqual(5);
    expect(summary[0]!.text).toMatch(/Supreme Court has officially removed the Taliban/);
  });

  it('merges what several sources say of the 2003 listing into one sentence citing them all', async () => {
    const { summary, timeline } = await ask('taliban');
    const listing = timeline.filter((t) => t.date === '2003');
    expect(listing).toHaveLength(1);
    expect(listing[0]!.citations).toHaveLength(5);
    expect(summary.filter((s) => /2003/.test(s.text))).toHaveLength(1);
  });

  it('gives the status per authority with the latest step', async () => {
    const { status } = await ask('taliban');
    const russia = status.find((s) => s.authority === 'Russia')!;
    expect(russia).toMatchObject({ entity: 'Taliban', state: 'removed', date: '2025-04-17' });
    expect(status.find((s) => s.authority === 'Kazakhstan')).toMatchObject({ state: 'removed', date: '2023' });
    expect(status.find((s) => s.authority === 'Kyrgyzstan')).toMatchObject({ state: 'removed', date: null });
  });

  it('has a timeline from 2003 to 2025-04-17, oldest first, with no date finer than its text', async () => {
    const { timeline } = await ask('taliban');
    const dates = timeline.map((t) => t.date);
    expect(dates[0]).toBe('2003');
    expect(dates[dates.length - 1]).toBe('2025-04-17');
    expect([...dates].sort()).toEqual(dates);
    expect(timeline.find((t) => t.text.includes('last month'))?.date).toBe('2025-03');
    expect(timeline.find((t) => t.text.includes('in July'))?.date).toBe('2024-07');
    expect(timeline.find((t) => t.text.startsWith('In 2018'))?.date).toBe('2018');
  });

  it('reports the Moscow death toll conflict with each figure and its source', async () => {
    const answer = await ask('taliban');
    const toll = answer.conflicts.find((c) => /Death toll/.test(c.about) && /Moscow/.test(c.about))!;
    expect(toll.values.map((v) => v.value).sort()).toEqual(['145', 'more than 140', 'over 130']);
    for (const { value, citations } of toll.values) {
      expect(citations).toHaveLength(1);
      expect(sourceText(answer, citations[0]!)).toContain(value);
    }
  });
});

describe('finding what the query names', () => {
  it.each(['IS-K', 'ISIS-K', 'isis-k', 'Islamic State – Khorasan Province', 'Islamic State-Khorasan'])('"%s" finds what the entity finds', async (query) => {
    const answer = await ask(query);
    expect(answer.subjects).toEqual(['Islamic State – Khorasan Province']);
    const texts = answer.summary.map((s) => s.text).join(' ');
    expect(texts).toMatch(/ISIS-K took credit/);
    expect(texts).toMatch(/Islamic State-Khorasan \(IS-K\)/);
  });

  it('finds the envoy under both spellings the sources use', async () => {
    for (const query of ['kabulov', 'Zamir Kabulov', 'kamulov']) {
      const text = (await ask(query)).summary.map((s) => s.text).join(' ');
      expect(text, query).toContain('Kamulov');
      expect(text, query).toContain('Kabulov');
    }
  });

  it('forgives a misspelt query', async () => {
    const answer = await ask('talibn');
    expect(answer.subjects).toEqual(['Taliban']);
    expect(answer.status.find((s) => s.authority === 'Russia')?.state).toBe('removed');
  });

  it.each([
    ['talbian', ['Taliban']],
    ['islmaic state', ['Islamic State']],
  ])('reads two neighbouring letters swapped as one typing mistake: "%s"', async (query, subjects) => {
    expect((await ask(query)).subjects).toEqual(subjects);
  });

  it('reads an authority typed with two letters swapped', async () => {
    const answer = await ask('has rusisa removed the taliban?');
    expect(answer.direct?.parts.flatMap((p) => (p.fact ? [p.fact.authority] : []))).toEqual(['Russia']);
  });
});

describe('queries that match nothing', () => {
  it.each(['', '   ', 'the of and', 'zzqxv blorptang'])('"%s" says so and names what is covered', async (query) => {
    const answer = await ask(query);
    expect(answer.summary).toEqual([]);
    expect(answer.sources).toEqual([]);
    expect(answer.message).toMatch(/5 articles, 2024-05-28 to 2025-04-17, covering .*Taliban/);
  });
});

describe('a name an article spells another way', () => {
  const article = (path: string, text: string) => ({ path, title: path, outlet: null, url: null, published: '2024-05-02', paragraphs: [text], hash: path });
  const kb = new KnowledgeBase(
    [
      { id: 'lashkaretaiba', name: 'Lashkar-e-Taiba', kind: 'organisation' as const, aliases: ['LeT'], partOf: null },
      { id: 'hamas', name: 'Hamas', kind: 'organisation' as const, aliases: [], partOf: null },
    ],
    [
      article('a.md', 'Britain proscribed Lashkar-i-Tayyiba in March 2001, months before the attack on the Indian parliament.'),
      article('b.md', 'Police searched the homes of three men in Leeds on Tuesday.'),
    ],
  );

  it('is found by the known name, with its status line', () => {
    const answer = answerQuery(kb, 'Lashkar-e-Taiba');
    expect(answer.sources.map((s) => s.path)).toContain('a.md');
    expect(answer.status.map((s) => `${s.authority} ${s.state} ${s.date}`)).toEqual(['United Kingdom listed 2001-03']);
  });

  it('is not found in a word whose letters only resemble a one-word name', () => {
    expect(answerQuery(kb, 'Hamas').sources.map((s) => s.path)).not.toContain('b.md');
  });
});
