import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateKnowledgeBase } from '../bench/generateKnowledge.js';

const ROOT = new URL('..', import.meta.url).pathname;

describe('a knowledge folder of more articles than a process may open files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'designation-many-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is read whole, a few dozen files at a time, where the limit of open files is 200', async () => {
    await generateKnowledgeBase(dir, { articles: 600, entities: 60 });
    const script = `const { loadKnowledge } = await import('./src/knowledge/loadKnowledge.ts');
      const { hashArticleFiles } = await import('./src/index/fileHashes.ts');
      const k = await loadKnowledge(${JSON.stringify(dir)});
      const hashes = await hashArticleFiles(${JSON.stringify(dir)}, 1e6);
      console.log(JSON.stringify({ articles: k.articles.length, problems: k.problems.length, hashed: [...hashes.values()].filter(Boolean).length }));`;
    const out = execFileSync('bash', ['-c', `ulimit -n 200 && exec "${process.execPath}" --import tsx --input-type=module -e "$0"`, script], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual({ articles: 600, problems: 0, hashed: 600 });
  }, 60_000);
});
