import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../src/answer/types.js';

const run = promisify(execFile);
const ROOT = new URL('..', import.meta.url).pathname;

/** Runs `npm run --silent ask -- ...` as a user would, returning its exit code and output. */
async function ask(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'ask', '--', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run ask', () => {
  it('prints a cited answer for a person', async () => {
    const { code, stdout } = await ask('taliban');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Summary$/m);
    expect(stdout).toMatch(/Taliban \/ Russia: removed, 2025-04-17 \[\d\]/);
    expect(stdout).toMatch(/^Sources disagree$/m);
    expect(stdout).toMatch(/^ {2}\[1\] /m);
  });

  it('prints the JSON contract with --format json', async () => {
    const { code, stdout } = await ask('--format', 'json', 'who', 'asked', 'the', 'Supreme', 'Court', 'to', 'lift', 'the', 'ban?');
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as Answer;
    expect(answer.query).toBe('who asked the Supreme Court to lift the ban?');
    expect(Object.keys(answer)).toEqual(expect.arrayContaining(['query', 'summary', 'timeline', 'status', 'conflicts', 'sources']));
    for (const source of answer.sources) expect(source.path).toMatch(/^articles\/.+\.md$/);
  });

  it('exits 0 with a message when nothing matches', async () => {
    const { code, stdout } = await ask('--format', 'json', 'zzqxv');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Answer).message).toMatch(/Nothing in the knowledge base matches "zzqxv"/);
  });

  it('reports a broken file on stderr and answers from the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-knowledge-'));
    writeFileSync(join(dir, 'ok.md'), 'Kazakhstan removed the Taliban from its list of banned groups in 2023.\n');
    writeFileSync(join(dir, 'broken.md'), '---\npublished: 2023-13-01\n---\nText.\n');
    const { code, stdout, stderr } = await ask('--knowledge', dir, 'kazakhstan');
    expect(code).toBe(0);
    expect(stderr).toMatch(/broken\.md: .*2023-13-01/);
    expect(stdout).toContain('Kazakhstan removed the Taliban');
  });

  it('refuses unusable arguments with a clear message', async () => {
    const missing = await ask('--knowledge', '/nonexistent/folder', 'taliban');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/knowledge folder "\/nonexistent\/folder" does not exist/);
    const format = await ask('--format', 'yaml', 'taliban');
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/unknown format "yaml"/);
  });
});
