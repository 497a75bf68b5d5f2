/** The benchmark's child processes and generated knowledge bases. */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateKnowledgeBase, MARKER_FILE, type Shape } from './generateKnowledge.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
/** The compiled bench scripts (`npm run build`, which `npm run bench` runs first): measured as `npm start` runs the app. */
const COMPILED = join(HERE, '..', 'dist', 'bench');

/** Runs a compiled bench script in a child process with the GC exposed; resolves with its first IPC message. */
export function child<T>(script: string, args: string[], env: Record<string, string> = {}): { process: ChildProcess; first: Promise<T> } {
  const proc = fork(join(COMPILED, script.replace(/\.ts$/, '.js')), args, {
    env: { ...process.env, ...env },
    execArgv: ['--expose-gc', '--max-old-space-size=4096'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const first = new Promise<T>((resolve, reject) => {
    proc.once('message', (m) => resolve(m as T));
    proc.once('exit', (code) => reject(new Error(`${script} exited with ${code} before reporting`)));
  });
  return { process: proc, first };
}

/** A knowledge base the benchmark measures: how many articles, of which shape. */
export interface Size {
  articles: number;
  shape: Shape;
}

/** "10000" for the news shape, "long-10000" for the long one: the folder name and the table's column. */
export function sizeName(size: Size): string {
  return size.shape === 'news' ? String(size.articles) : `${size.shape}-${size.articles}`;
}

/** The generated knowledge base of that size, written into bench/kb/ the first time. */
export async function ensureKnowledge(size: Size): Promise<string> {
  const dir = join(HERE, 'kb', sizeName(size));
  const marker = join(dir, MARKER_FILE);
  const complete = existsSync(marker) && (JSON.parse(readFileSync(marker, 'utf8')) as { status?: string }).status === 'complete';
  if (!complete) {
    process.stderr.write(`  generating ${size.articles} articles (${size.shape}) in ${dir}\n`);
    await generateKnowledgeBase(dir, { articles: size.articles, shape: size.shape });
  }
  return dir;
}
