import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityQueries, generateKnowledgeBase } from '../bench/generateKnowledge.js';
import { answerQuery } from '../src/answer/answer.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { SEED_DIR } from './support/seedKnowledge.js';

describe('a full build on several threads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'designation-parallel-'));
  let one: KnowledgeBase;
  let two: KnowledgeBase;

  beforeAll(async () => {
    await generateKnowledgeBase(dir, { articles: 400, entities: 80, shape: 'long' });
    one = await KnowledgeBase.build(await loadKnowledge(dir), { workers: 1 });
    two = await KnowledgeBase.build(await loadKnowledge(dir), { workers: 2 });
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers every entity, question and organisation it found exactly as a build on one thread does', async () => {
    const found = one.discoveredEntities().entities.map((e) => e.name);
    expect(found.length).toBeGreaterThan(0); // organisations found in articles: what makes the second thread's articles depend on the first's
    expect(two.discoveredEntities()).toEqual(one.discoveredEntities());
    const queries = [...(await entityQueries(join(dir, 'entities.yml'))), ...found, 'who listed them?', 'car bombing death toll'];
    for (const query of queries) expect(JSON.stringify(answerQuery(two, query)), query).toBe(JSON.stringify(answerQuery(one, query)));
    expect(two.coverage()).toEqual(one.coverage());
    expect(two.index.size).toBe(one.index.size);
  });
});

describe('an organisation one thread found, named in an article another thread read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'designation-parallel-found-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is named there, as when one thread reads them all in order', async () => {
    cpSync(SEED_DIR, dir, { recursive: true });
    // Paths in order: 0-listing.md (the first thread's run), the five seeds, z-attack.md (the second thread's run).
    writeFileSync(
      join(dir, 'articles', '0-listing.md'),
      '---\ntitle: Listing\npublished: "2026-11-13"\n---\n\nNorway listed the Fjord Watch Collective (FWC) as a terrorist entity on 12 November 2026.\n',
    );
    writeFileSync(
      join(dir, 'articles', 'z-attack.md'),
      '---\ntitle: Attack\npublished: "2026-11-20"\n---\n\nGunmen of the Fjord Watch Collective attacked a ferry terminal in Bergen on Tuesday, the police said.\n',
    );
    const one = await KnowledgeBase.build(await loadKnowledge(dir), { workers: 1 });
    const two = await KnowledgeBase.build(await loadKnowledge(dir), { workers: 2, parallelFrom: 2 });
    const attack = (kb: KnowledgeBase) => kb.sentencesOf('articles/z-attack.md')[0]!.entities.map((m) => m.entityId);
    expect(attack(one)).toContain(one.matcher.findInQuery('FWC')[0]!.entityId);
    expect(attack(two)).toEqual(attack(one));
    expect(JSON.stringify(answerQuery(two, 'Fjord Watch Collective'))).toBe(JSON.stringify(answerQuery(one, 'Fjord Watch Collective')));
  });
});
