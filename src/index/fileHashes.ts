import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { listArticleFiles } from '../knowledge/loadKnowledge.js';
import { contentHash } from '../knowledge/parseArticle.js';
import { knowledgeFileReader, readEach } from '../knowledge/readKnowledgeFile.js';
import { moduleWorker } from './moduleWorker.js';

/**
 * The content hash of every article file in a folder, as articles record it; a few dozen read at
 * a time. A file that cannot be read, or is refused (too large, say), gets an empty hash, so it
 * counts as changed and is read (and reported) like any other.
 */
export async function hashArticleFiles(dir: string, maxArticleBytes: number): Promise<Map<string, string>> {
  const { paths } = await listArticleFiles(dir);
  const read = knowledgeFileReader(dir, maxArticleBytes);
  const hashes = await readEach(paths, async (path) => {
    try {
      return contentHash(await read(path));
    } catch {
      return '';
    }
  });
  return new Map(paths.map((path, i) => [path, hashes[i]!]));
}

/**
 * hashArticleFiles on a worker thread: a restart lists and hashes the folder on the second
 * core while the first reads the snapshot.
 */
export function hashArticleFilesAside(dir: string, maxArticleBytes: number): { hashes: Promise<Map<string, string>>; stop(): void } {
  const worker = moduleWorker(new URL('./fileHashes.js', import.meta.url), { dir, maxArticleBytes });
  const hashes = new Promise<Map<string, string>>((resolve, reject) => {
    worker.once('message', (found: Map<string, string>) => resolve(found));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`file hashing stopped (exit ${code})`)));
  });
  return { hashes, stop: () => void worker.terminate() };
}

if (!isMainThread && (workerData as { dir?: unknown } | null)?.dir !== undefined) {
  const { dir, maxArticleBytes } = workerData as { dir: string; maxArticleBytes: number };
  parentPort!.postMessage(await hashArticleFiles(dir, maxArticleBytes));
}
