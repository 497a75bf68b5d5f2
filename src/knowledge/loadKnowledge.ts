import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { ENTITIES_FILE, parseEntities } from './entities.js';
import { DEFAULT_MAX_LIST_BYTES, loadLists } from './lists/loadLists.js';
import type { DesignationList } from './lists/types.js';
import { isDocumentPath } from './documents/documentPaths.js';
import { parseDocument } from './documents/parseDocument.js';
import { parseArticle, UnusableFileError } from './parseArticle.js';
import { DEFAULT_MAX_ARTICLE_BYTES, knowledgeFileReader, readEach, RefusedFileError, refusalOf, type KnowledgeFileReader } from './readKnowledgeFile.js';
import type { Article, Entity, KnowledgeProblem } from './types.js';

export interface Knowledge {
  articles: Article[];
  entities: Entity[];
  /** The official lists under `lists/`. */
  lists: DesignationList[];
  /** Files skipped or used with a caveat, each with what is wrong. */
  problems: KnowledgeProblem[];
}

/** Whether a path relative to the knowledge folder is in a hidden folder or names a hidden file (`.git/...`, `.draft.md`). */
export function isHiddenPath(path: string): boolean {
  return path.split(/[/\\]/).some((part) => part.startsWith('.'));
}

/** Whether a path (relative to the knowledge folder) names an article: any `.md` or `.txt` file, saved web page (`.html`, `.htm`) or PDF. */
export function isArticlePath(path: string): boolean {
  return (/\.(md|txt)$/i.test(path) || isDocumentPath(path)) && !isHiddenPath(path);
}

export interface LoadOptions {
  /** An article file larger than this is reported and skipped (default 512 KB, see DEFAULT_MAX_ARTICLE_BYTES). */
  maxArticleBytes: number;
  /** A list file larger than this is reported and skipped (default 8 GB, see DEFAULT_MAX_LIST_BYTES). */
  maxListBytes: number;
}

export const defaultLoadOptions: LoadOptions = { maxArticleBytes: DEFAULT_MAX_ARTICLE_BYTES, maxListBytes: DEFAULT_MAX_LIST_BYTES };

/**
 * Every article file under the folder, at any depth, as sorted relative paths with forward
 * slashes; and, as problems, the links, pipes and other entries that are skipped rather than
 * followed or read. Links to folders are not followed either.
 */
export async function listArticleFiles(dir: string): Promise<{ paths: string[]; problems: KnowledgeProblem[] }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths: string[] = [];
  const problems: KnowledgeProblem[] = [];
  for (const entry of entries) {
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    const refusal = refusalOf(entry);
    if (refusal === null) {
      if (entry.isFile() && isArticlePath(path)) paths.push(path);
    } else if (isArticlePath(path) || path === ENTITIES_FILE || (entry.isSymbolicLink() && !isHiddenPath(path))) {
      problems.push({ path, message: refusal, severity: 'skipped' });
    }
  }
  return { paths: paths.sort(), problems: problems.sort((a, b) => a.path.localeCompare(b.path)) };
}

export type ArticleLoad = { article: Article; problems: KnowledgeProblem[] } | { article: null; problems: KnowledgeProblem[] };

/** Reads and parses one article file; an unusable file comes back as a problem, never a throw. */
export async function loadArticleFile(dir: string, path: string, options: Partial<LoadOptions> = {}): Promise<ArticleLoad> {
  return readArticle(knowledgeFileReader(dir, { ...defaultLoadOptions, ...options }.maxArticleBytes), path);
}

/** loadArticleFile with a reader shared by a pass over the folder. */
export async function readArticle(read: KnowledgeFileReader, path: string): Promise<ArticleLoad> {
  try {
    const bytes = await read(path);
    const { article, warnings } = isDocumentPath(path) ? await parseDocument(path, bytes) : parseArticle(path, bytes);
    return { article, problems: warnings.map((message) => ({ path, message, severity: 'warning' })) };
  } catch (error) {
    return { article: null, problems: [{ path, message: whyUnread(error), severity: 'skipped' }] };
  }
}

/** What a problem says of a file that could not be used. */
function whyUnread(error: unknown): string {
  return error instanceof UnusableFileError || error instanceof RefusedFileError ? error.message : `could not be read: ${(error as Error).message}`;
}

/**
 * The text of entities.yml: '' when there is none; null, with the problem, when it is refused
 * (a link, a pipe, too large) or cannot be read.
 */
export async function readEntitiesFile(dir: string, options: Partial<LoadOptions> = {}): Promise<{ text: string | null; problems: KnowledgeProblem[] }> {
  const { maxArticleBytes } = { ...defaultLoadOptions, ...options };
  try {
    return { text: (await knowledgeFileReader(dir, maxArticleBytes)(ENTITIES_FILE)).toString('utf8'), problems: [] };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { text: '', problems: [] };
    return { text: null, problems: [{ path: ENTITIES_FILE, message: whyUnread(error), severity: 'skipped' }] };
  }
}

/** Reads entities.yml; a missing file means no entities, an unusable one is reported. */
export async function loadEntities(dir: string, options: Partial<LoadOptions> = {}): Promise<{ entities: Entity[]; problems: KnowledgeProblem[] }> {
  const { text, problems } = await readEntitiesFile(dir, options);
  return text === null ? { entities: [], problems } : parseEntities(text);
}

/**
 * Loads a whole knowledge folder. Throws only when the folder itself cannot be read;
 * every unusable file is reported in `problems` and the rest still serve.
 */
export async function loadKnowledge(dir: string, options: Partial<LoadOptions> = {}): Promise<Knowledge> {
  const listing = await listArticleFiles(dir);
  const { maxArticleBytes, maxListBytes } = { ...defaultLoadOptions, ...options };
  const read = knowledgeFileReader(dir, maxArticleBytes);
  const [entityLoad, loads, listLoad] = await Promise.all([
    loadEntities(dir, options),
    readEach(listing.paths, (path) => readArticle(read, path)),
    loadLists(dir, maxListBytes),
  ]);
  const articles: Article[] = [];
  const problems: KnowledgeProblem[] = [...listing.problems.filter((p) => p.path !== ENTITIES_FILE), ...entityLoad.problems];
  for (const load of loads) {
    if (load.article) articles.push(load.article);
    problems.push(...load.problems);
  }
  return { articles, entities: entityLoad.entities, lists: listLoad.lists, problems: [...problems, ...listLoad.problems] };
}

/** One line per problem, naming the file, as printed on stderr. */
export function describeProblem(problem: KnowledgeProblem): string {
  const verdict = problem.severity === 'skipped' ? 'skipped' : 'warning';
  return `knowledge: ${problem.path}: ${problem.message} (${verdict})`;
}
