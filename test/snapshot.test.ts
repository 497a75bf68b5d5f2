import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerQuery } from '../src/answer/answer.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { LiveKnowledge, type KnowledgeUpdate } from '../src/index/liveKnowledge.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { entityQueries, generateKnowledgeBase } from '../bench/generateKnowledge.js';
import { SEED_DIR } from './support/seedKnowledge.js';

const QUERIES = ['taliban', 'IS-K', 'kazakhstan', 'who asked the Supreme Court to lift the ban?', 'Moscow death toll', 'kyrgyzstan'];

let dir: string;
let snapshot: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'designation-snap-'));
  cpSync(SEED_DIR, join(dir, 'knowledge'), { recursive: true });
  snapshot = join(dir, 'data', 'knowledge.snapshot');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function start(): Promise<KnowledgeUpdate> {
  let last: KnowledgeUpdate | undefined;
  const live = new LiveKnowledge(join(dir, 'knowledge'), { snapshotPath: snapshot, onUpdate: (u) => (last = u) });
  await live.load();
  return last!;
}

describe('the knowledge snapshot', () => {
  it('is written on the first start and used on the next, reading only the files that changed', async () => {
    expect((await start()).fromSnapshot).toBe(false);
    expect(existsSync(snapshot)).toBe(true);

    const articles = join(dir, 'knowledge', 'articles');
    const edited = '2025-03-prosecutor-general-asks-russias-supreme-court-to-lift-the-taliban-ban.md';
    writeFileSync(join(articles, edited), readFileSync(join(articles, edited), 'utf8').replace('Previously, Russia’s Ministry', 'Previously, the Ministry'));
    unlinkSync(join(articles, '2024-10-04-russia-to-remove-taliban-terrorist-status-envoy-says.md'));
    writeFileSync(
      join(articles, 'new.md'),
      '---\ntitle: New\npublished: "2026-11-13"\n---\n\nKyrgyzstan removed the Taliban from its list of banned organisations on 12 November 2026.\n',
    );

    const restarted = await start();
    expect(restarted.fromSnapshot).toBe(true);
    expect(restarted.problems).toEqual([]);
    const fresh = KnowledgeBase.fromKnowledge(await loadKnowledge(join(dir, 'knowledge')));
    for (const query of QUERIES) expect(answerQuery(restarted.kb, query), query).toEqual(answerQuery(fresh, query));
    // A passage is about the same entities, those its claims are about included, as when it was first read.
    const aboutWhom = (kb: KnowledgeBase) => new Map(kb.extracted().map((e) => [e.article.path, e.passages.map((p) => [...p.entityIds].sort())]));
    expect(aboutWhom(restarted.kb)).toEqual(aboutWhom(fresh));
  });

  it('keeps the organisations found in articles, with their aliases, across a restart', async () => {
    const text =
      '---\ntitle: Listing\npublished: "2026-11-13"\n---\n\nNorway listed the Fjord Watch Collective (FWC) as a terrorist entity on 12 November 2026.\n';
    writeFileSync(join(dir, 'knowledge', 'articles', 'fwc.md'), text);
    const first = await start();
    expect(answerQuery(first.kb, 'FWC').status).toMatchObject([{ authority: 'Norway', entity: 'Fjord Watch Collective', state: 'listed', date: '2026-11-12' }]);
    const restarted = await start();
    expect(restarted.fromSnapshot).toBe(true);
    expect(answerQuery(restarted.kb, 'FWC')).toEqual(answerQuery(first.kb, 'FWC'));
  });

  it('is not used when entities.yml changed since it was written', async () => {
    await start();
    const entities = join(dir, 'knowledge', 'entities.yml');
    writeFileSync(entities, readFileSync(entities, 'utf8').replace('aliases: [Taliban movement,', 'aliases: [Talibs, Taliban movement,'));
    const restarted = await start();
    expect(restarted.fromSnapshot).toBe(false);
    expect(answerQuery(restarted.kb, 'talibs').subjects).toEqual(['Taliban']);
  });

  it('is rebuilt when it cannot be read', async () => {
    await start();
    writeFileSync(snapshot, 'not a snapshot');
    const restarted = await start();
    expect(restarted.fromSnapshot).toBe(false);
    expect(answerQuery(restarted.kb, 'taliban').status.length).toBeGreaterThan(0);
  });

  it('restores the search index exactly, scores included, also after articles were replaced', async () => {
    const kb = KnowledgeBase.fromKnowledge(await loadKnowledge(SEED_DIR));
    kb.upsert(kb.articles[0]!); // leaves discarded documents behind in MiniSearch
    const restored = KnowledgeBase.restore(kb.entities, kb.extracted(), kb.index.pack());
    for (const query of ['taliban', 'kabulov', 'suprme court', 'death toll moscow', 'delist']) {
      for (const options of [{}, { fuzzy: 0.2, prefix: true }]) {
        expect(restored.index.engine.search(query, options), query).toEqual(kb.index.engine.search(query, options));
      }
    }
  });

  it('starts from the snapshot when a file cannot be read, and reports the file', async () => {
    await start();
    writeFileSync(join(dir, 'knowledge', 'articles', 'huge.md'), '');
    truncateSync(join(dir, 'knowledge', 'articles', 'huge.md'), 3 * 2 ** 30); // sparse: larger than a file can be read
    const restarted = await start();
    expect(restarted.fromSnapshot).toBe(true);
    expect(restarted.problems).toMatchObject([{ path: 'articles/huge.md', severity: 'skipped' }]);
  });

  it('answers the same whatever order articles were read or re-read in', async () => {
    const generated = join(dir, 'generated');
    await generateKnowledgeBase(generated, { articles: 100, entities: 40 });
    const fresh = KnowledgeBase.fromKnowledge(await loadKnowledge(generated));
    const reread = KnowledgeBase.fromKnowledge(await loadKnowledge(generated));
    for (const article of [...reread.articles].reverse()) reread.upsert(article);
    const queries = (await entityQueries(join(generated, 'entities.yml'))).slice(0, 60);
    for (const query of queries) expect(answerQuery(reread, query), query).toEqual(answerQuery(fresh, query));
  });
});
