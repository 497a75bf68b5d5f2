import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { ENTITIES_FILE, parseEntities } from './entities.js';
import { parseArticle, UnusableFileError } from './parseArticle.js';
import type { Article, Entity, KnowledgeProblem } from './types.js';

export interface Knowledge {
  articles: Article[];
  entities: Entity[];
  /** Files skipped or used with a caveat, each with what is wrong. */
  problems: KnowledgeProblem[];
}

/** Whether a path (relative to the knowledge folder) names an article: any `.md` or `.txt` file. */
export function isArticlePath(path: string): boolean {
  return /\.(md|txt)$/i.test(path) && !path.split('/').some((part) => part.startsWith('.'));
}

/** Every article file under the folder, at any depth, as sorted relative paths with forward slashes. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter(isArticlePath)
    .sort();
}

export type ArticleLoad = { article: Article; problems: KnowledgeProblem[] } | { article: null; problems: KnowledgeProblem[] };

/** Reads and parses one article file; an unusable file comes back as a problem, never a throw. */
export async function loadArticleFile(dir: string, path: string): Promise<ArticleLoad> {
  try {
    const { article, warnings } = parseArticle(path, await readFile(join(dir, path)));
    return { article, problems: warnings.map((message) => ({ path, message, severity: 'warning' })) };
  } catch (error) {
    const message =
      error instanceof UnusableFileError ? error.message : `could not be read: ${(error as Error).message}`;
    return { article: null, problems: [{ path, message, severity: 'skipped' }] };
  }
}

/** Reads entities.yml; a missing file means no entities, an unusable one is reported. */
export async function loadEntities(dir: string): Promise<{ entities: Entity[]; problems: KnowledgeProblem[] }> {
  let text: string;
  try {
    text = await readFile(join(dir, ENTITIES_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entities: [], problems: [] };
    throw error;
  }
  return parseEntities(text);
}

/**
 * Loads a whole knowledge folder. Throws only when the folder itself cannot be read;
 * every unusable file is reported in `problems` and the rest still serve.
 */
export async function loadKnowledge(dir: string): Promise<Knowledge> {
  const paths = await listArticleFiles(dir);
  const [entityLoad, loads] = await Promise.all([
    loadEntities(dir),
    Promise.all(paths.map((path) => loadArticleFile(dir, path))),
  ]);
  const articles: Article[] = [];
  const problems: KnowledgeProblem[] = [...entityLoad.problems];
  for (const load of loads) {
    if (load.article) articles.push(load.article);
    problems.push(...load.problems);
  }
  return { articles, entities: entityLoad.entities, problems };
}

/** One line per problem, naming the file, as printed on stderr. */
export function describeProblem(problem: KnowledgeProblem): string {
  const verdict = problem.severity === 'skipped' ? 'skipped' : 'warning';
  return `knowledge: ${problem.path}: ${problem.message} (${verdict})`;
}
