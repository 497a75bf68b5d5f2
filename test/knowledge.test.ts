import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerQuery } from '../src/answer/answer.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { SEED_DIR } from './support/seedKnowledge.js';

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const GOOD =
  '---\ntitle: Court lifts ban\npublished: 2025-04-17\n---\n\nThe Supreme Court removed the Taliban from its list of terrorist organisations on Thursday.\n';

describe('the seed knowledge base', () => {
  it('holds the five seed articles with their metadata and no problems', async () => {
    const knowledge = await loadKnowledge(SEED_DIR);
    expect(knowledge.problems).toEqual([]);
    expect(knowledge.articles).toHaveLength(5);
    expect(knowledge.articles.map((a) => a.published).sort()).toEqual(['2024-05-28', '2024-05-28', '2024-10-04', '2025-03', '2025-04-17']);
    expect(knowledge.entities.find((e) => e.name === 'Taliban')?.kind).toBe('organisation');
  });
});

describe('knowledge files', () => {
  it('reads .md and .txt at any depth, front matter optional, first line as title', async () => {
    const dir = folder({
      'a/b/c/deep.md': GOOD,
      'plain.txt': 'Kazakhstan removes the Taliban\nKazakhstan removed the Taliban from its list of banned groups in 2023.\n',
      'untitled.md': 'First line as title\n\nKyrgyzstan has removed the Taliban from its list of banned groups too.\n',
      'notes.json': '{}',
    });
    const { articles, problems } = await loadKnowledge(dir);
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.path)).toEqual(['a/b/c/deep.md', 'plain.txt', 'untitled.md']);
    expect(articles[0]).toMatchObject({ title: 'Court lifts ban', published: '2025-04-17', outlet: null, url: null });
    expect(articles[1]).toMatchObject({ title: 'Kazakhstan removes the Taliban', published: null });
    expect(articles[1]!.paragraphs).toHaveLength(2);
    expect(articles[2]!.title).toBe('First line as title');
  });

  it('reports each unusable file by name with what is wrong, and serves the rest', async () => {
    const dir = folder({
      'good.md': GOOD,
      'bad-yaml.md': '---\ntitle: [unclosed\n---\nText of the article is here.\n',
      'bad-date.md': '---\ntitle: Impossible\npublished: 2025-02-30\n---\nText of the article is here.\n',
      'bad-url.md': '---\ntitle: Link\nurl: javascript:alert(1)\n---\nText of the article is here.\n',
      'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      'empty.md': '',
      'only-front-matter.md': '---\ntitle: Nothing else\n---\n',
      'typo.md': '---\ntitle: Typo\npubished: 2025-01-01\n---\nKazakhstan removed the Taliban from its list of banned groups in 2023.\n',
    });
    const { articles, problems } = await loadKnowledge(dir);
    expect(articles.map((a) => a.path).sort()).toEqual(['good.md', 'typo.md']);
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p]));
    expect(byPath['bad-yaml.md']).toMatchObject({ severity: 'skipped', message: expect.stringMatching(/not valid YAML/) });
    expect(byPath['bad-date.md']).toMatchObject({ severity: 'skipped', message: expect.stringMatching(/2025-02-30.*not a real date/) });
    expect(byPath['bad-url.md']).toMatchObject({ severity: 'skipped', message: expect.stringMatching(/url/) });
    expect(byPath['binary.txt']).toMatchObject({ severity: 'skipped', message: expect.stringMatching(/binary/) });
    expect(byPath['empty.md']).toMatchObject({ severity: 'skipped', message: expect.stringMatching(/empty/) });
    expect(byPath['only-front-matter.md']).toMatchObject({ severity: 'skipped' });
    expect(byPath['typo.md']).toMatchObject({ severity: 'warning', message: expect.stringMatching(/pubished/) });

    const answer = answerQuery(KnowledgeBase.fromKnowledge({ articles, entities: [], lists: [], problems }), 'supreme court taliban');
    expect(answer.sources.map((s) => s.path)).toContain('good.md');
  });

  it('reports a broken entities.yml and still answers from the articles', async () => {
    const dir = folder({ 'good.md': GOOD, 'entities.yml': '- name: Taliban\n  aliases: [oops\n' });
    const knowledge = await loadKnowledge(dir);
    expect(knowledge.problems).toEqual([expect.objectContaining({ path: 'entities.yml', severity: 'skipped' })]);
    expect(answerQuery(KnowledgeBase.fromKnowledge(knowledge), 'taliban').summary).not.toEqual([]);
  });

  it('ignores a bad entry of entities.yml with a warning and keeps the others', async () => {
    const dir = folder({ 'good.md': GOOD, 'entities.yml': '- name: Taliban\n  aliases: [Taleban]\n- aliases: [nameless]\n- name: X\n  kind: planet\n' });
    const { entities, problems } = await loadKnowledge(dir);
    expect(entities.map((e) => e.name)).toEqual(['Taliban']);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/entry 2.*name/), expect.stringMatching(/entry 3.*kind/)]);
  });
});
