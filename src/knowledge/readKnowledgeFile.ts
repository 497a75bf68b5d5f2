import { DOCUMENT_BYTES_FACTOR, isDocumentPath } from './documents/documentPaths.js';
import { constants, type Dirent, type Stats } from 'node:fs';
import { type FileHandle, mkdir, open, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';

/**
 * Above this an article is reported and skipped. 512 KB is some 75,000 words, twenty-five times
 * the longest news feature. An article is indexed in one piece, during which nothing else runs
 * (not even the health check): 512 KB takes about 1.2 s here and 2 MB 3 to 4 s, linearly,
 * past Slack's 3-second deadline for a request waiting behind it (`npm run bench`).
 */
export const DEFAULT_MAX_ARTICLE_BYTES = 512 * 1024;

/** A file of the knowledge folder that is not read, and why (the message completes "<path> ..."). */
export class RefusedFileError extends Error {}

/** Reads files of one knowledge folder by their paths in it (see knowledgeFileReader). */
export type KnowledgeFileReader = (path: string) => Promise<Buffer>;

/**
 * Reads the files of a knowledge folder: the bytes of a file, only when it is a regular file
 * inside the folder and no larger than `maxBytes`. A symbolic link is refused, not followed
 * (O_NOFOLLOW), and a FIFO or device cannot block the read (O_NONBLOCK, then a check of what was
 * opened). The folder's own real path is looked up once per reader: use one reader for a pass
 * over the folder.
 */
export function knowledgeFileReader(dir: string, maxBytes: number): KnowledgeFileReader {
  const limitOf = (path: string) => (isDocumentPath(path) ? maxBytes * DOCUMENT_BYTES_FACTOR : maxBytes);
  const openText = knowledgeFileOpener(dir, maxBytes, tooLarge);
  const openDocument = knowledgeFileOpener(dir, maxBytes * DOCUMENT_BYTES_FACTOR, tooLarge);
  return async (path) => {
    const { handle } = await (isDocumentPath(path) ? openDocument : openText)(path);
    try {
      const bytes = await handle.readFile();
      if (bytes.length > limitOf(path)) throw tooLarge(bytes.length, limitOf(path));
      return bytes;
    } finally {
      await handle.close();
    }
  };
}

/** An open file of the knowledge folder, with what it was when opened; the caller closes it. */
export interface OpenKnowledgeFile {
  handle: FileHandle;
  stats: Stats;
}

/**
 * Opens files of one knowledge folder with the checks knowledgeFileReader makes (a regular file
 * inside the folder, not a link, no larger than `maxBytes`), for a caller that reads them as a
 * stream. `oversize` words the refusal of a file above the limit.
 */
export function knowledgeFileOpener(
  dir: string,
  maxBytes: number,
  oversize: (size: number, maxBytes: number) => RefusedFileError,
): (path: string) => Promise<OpenKnowledgeFile> {
  let root: Promise<string> | undefined;
  return async (path) => openInside(dir, (root ??= realpath(dir)), path, maxBytes, oversize);
}

async function openInside(
  dir: string,
  folder: Promise<string>,
  path: string,
  maxBytes: number,
  oversize: (size: number, maxBytes: number) => RefusedFileError,
): Promise<OpenKnowledgeFile> {
  const full = join(dir, path);
  let handle: FileHandle;
  try {
    handle = await open(full, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new RefusedFileError(`is ${LINK}`);
    throw error;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new RefusedFileError(`is ${kindOf(stats)}, not a regular file`);
    if (stats.size > maxBytes) throw oversize(stats.size, maxBytes);
    const [root, real] = await Promise.all([folder, realpath(full)]);
    if (!real.startsWith(root + sep)) throw new RefusedFileError('lies outside the knowledge folder (through a linked folder)');
    return { handle, stats };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

const LINK = 'a symbolic link; the knowledge folder is read only from itself';

/** Why a folder entry that is not a regular file or a folder is skipped, or null for those two. */
export function refusalOf(entry: Dirent | Stats): string | null {
  if (entry.isFile() || entry.isDirectory()) return null;
  return entry.isSymbolicLink() ? `is ${LINK}` : `is ${kindOf(entry)}, not a regular file`;
}

function kindOf(entry: Dirent | Stats): string {
  if (entry.isSymbolicLink()) return 'a symbolic link';
  if (entry.isFIFO()) return 'a named pipe (FIFO)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
  return entry.isDirectory() ? 'a folder' : 'not a regular file';
}

function tooLarge(size: number, maxBytes: number): RefusedFileError {
  return new RefusedFileError(`is ${megabytes(size)}, above the ${megabytes(maxBytes)} limit for one article (MAX_ARTICLE_BYTES)`);
}

export const megabytes = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/**
 * Makes a folder inside the knowledge folder (with its parents) for writing into, and returns its
 * path; refused when it, or a folder on the way, is a link that leads outside.
 */
export async function folderInside(dir: string, folder: string): Promise<string> {
  const full = join(dir, folder);
  await mkdir(full, { recursive: true });
  const [root, real] = await Promise.all([realpath(dir), realpath(full)]);
  if (real !== root && !real.startsWith(root + sep))
    throw new RefusedFileError(`${folder} lies outside the knowledge folder (through a linked folder); nothing is written there`);
  return full;
}

/** How many knowledge files are read at once: a folder of tens of thousands must not open them all together. */
const FILES_AT_ONCE = 64;

/** `read` of every path, in their order, at most FILES_AT_ONCE files open at a time. */
export async function readEach<T>(paths: string[], read: (path: string) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < paths.length; i += FILES_AT_ONCE) results.push(...(await Promise.all(paths.slice(i, i + FILES_AT_ONCE).map(read))));
  return results;
}
