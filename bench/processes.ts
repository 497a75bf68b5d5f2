/** The benchmark's child processes and generated knowledge bases. */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateKnowledgeBase, MARKER_FILE } from './generateKnowledge.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** Runs a bench script in a child process with the GC exposed; resolves with its first IPC message. */
export function child<T>(script: string, args: string[], env: Record<string, string> = {}): { process: ChildProcess; first: Promise<T> } {
  const proc = fork(join(HERE, script), args, { env: { ...process.env, ...env }, execArgv: ['--import', 'tsx', '--expose-gc', '--max-old-space-size=4096'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const first = new Promise<T>((resolve, reject) => {
    proc.once('message', (m) => resolve(m as T));
    proc.once('exit', (code) => reject(new Error(`${script} exited with ${code} before reporting`)));
  });
  return { process: proc, first };
}

export async function ensureKnowledge(articles: number): Promise<string> {
  const dir = join(HERE, 'kb', String(articles));
  const marker = join(dir, MARKER_FILE);
  const complete = existsSync(marker) && (JSON.parse(readFileSync(marker, 'utf8')) as { status?: string }).status === 'complete';
  if (!complete) {
    process.stderr.write(`  generating ${articles} articles in ${dir}\n`);
    await generateKnowledgeBase(dir, { articles });
  }
  return dir;
}

