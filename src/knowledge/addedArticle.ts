import { randomBytes } from 'node:crypto';
import { link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { folderInside } from './readKnowledgeFile.js';
import { checkFrontMatter, parseArticle, UnusableFileError, type FieldProblem } from './parseArticle.js';
import { parsePartialDate, partsOf } from './partialDate.js';
import type { Article } from './types.js';

/** The folder, inside the knowledge folder, that articles added from Slack are written to. */
export const ADDED_FOLDER = 'added';

/** What a person fills in to add an article: the front matter of a knowledge file, and its text. */
export interface ArticleFields {
  title: string;
  outlet: string;
  url: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD, as precisely as known; empty when unknown. */
  published: string;
  text: string;
}

/** A title longer than this is refused: it is a headline, not a paragraph. */
export const MAX_TITLE_CHARS = 300;

/** The path of a file added from Slack, relative to the knowledge folder: nothing else is ever removed from Slack. */
export const ADDED_PATH = /^added\/[a-z0-9][a-z0-9-]*\.md$/;

/** The Markdown file for the fields: YAML front matter (only the fields given), a blank line, the text. */
export function articleFile(fields: ArticleFields): string {
  const front: Record<string, string> = { title: fields.title.trim() };
  if (fields.outlet.trim()) front.outlet = fields.outlet.trim();
  if (fields.url.trim()) front.url = fields.url.trim();
  if (fields.published.trim()) front.published = fields.published.trim();
  // The modal's text is plain, not Markdown: each line is a paragraph.
  const paragraphs = fields.text
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return `---\n${stringify(front, { lineWidth: 0 })}---\n\n${paragraphs.join('\n\n')}\n`;
}

/** How far ahead of today a published date typed by a person may be: a day, for time zones ahead of the bot's. */
const MAX_AHEAD_MS = 24 * 3600 * 1000;

/** Whether a published date begins more than a day after `now`: a slip of the keyboard, whose relative dates would be read in the wrong year. */
function inTheFuture(published: string, now: Date): boolean {
  const date = parsePartialDate(published);
  if (date === null) return false;
  const { year, month = 1, day = 1 } = partsOf(date);
  return Date.UTC(year, month - 1, day) > now.getTime() + MAX_AHEAD_MS;
}

/**
 * What is wrong with the fields, by field, under the rules every knowledge file is read with; an
 * empty list when the file they make is a usable article. A published date may not be more than
 * a day after `now`.
 */
export function articleFieldProblems(fields: ArticleFields, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (fields.title.trim() === '') problems.push({ field: 'title', message: 'Give the headline.' });
  else if (fields.title.trim().length > MAX_TITLE_CHARS) problems.push({ field: 'title', message: `A headline of at most ${MAX_TITLE_CHARS} characters.` });
  const front = { title: fields.title, outlet: fields.outlet, url: fields.url.trim() || null, published: fields.published.trim() || null };
  problems.push(...checkFrontMatter(front).filter((p) => p.field !== 'title'));
  if (front.published !== null && inTheFuture(front.published, now))
    problems.push({ field: 'published', message: `A date that has not come yet: the article was published on or before ${now.toISOString().slice(0, 10)}.` });
  if (problems.length > 0) return problems;
  try {
    parseArticle(`${ADDED_FOLDER}/check.md`, Buffer.from(articleFile(fields)));
  } catch (error) {
    if (!(error instanceof UnusableFileError)) throw error;
    problems.push({ field: 'text', message: error.message.includes('no text') ? 'Paste the text of the article.' : error.message });
  }
  return problems;
}

/** A file name from a title: lower-case letters and digits joined by hyphens, at most 60 characters. */
export function slug(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return words.slice(0, 60).replace(/-+$/, '') || 'article';
}

/** Writes an article added from Slack under `added/` (see writeArticleFile) and returns its path in the knowledge folder. */
export function writeAddedArticle(knowledgeDir: string, fields: ArticleFields, now: Date): Promise<string> {
  return writeArticleFile(knowledgeDir, ADDED_FOLDER, fields, now);
}

/**
 * Writes an article into a folder of the knowledge folder and returns its path there. The file
 * is written whole under a hidden name (the watcher ignores it), then linked to its name: a link
 * fails where a file exists, so an article never overwrites another (a second one with the same
 * title gets `-2`, then `-3`), and the watcher only ever sees a complete file.
 */
export async function writeArticleFile(knowledgeDir: string, inFolder: string, fields: ArticleFields, now: Date): Promise<string> {
  const folder = await folderInside(knowledgeDir, inFolder);
  const temporary = join(folder, `.adding-${randomBytes(6).toString('hex')}.md`);
  await writeFile(temporary, articleFile(fields), { flag: 'wx' });
  const base = `${fields.published.trim() || now.toISOString().slice(0, 10)}-${slug(fields.title)}`;
  try {
    for (let n = 1; ; n++) {
      const name = `${base}${n === 1 ? '' : `-${n}`}.md`;
      try {
        await link(temporary, join(folder, name));
        return `${inFolder}/${name}`;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  } finally {
    await unlink(temporary);
  }
}

/** Deletes an article added from Slack; false when it was already gone. Any other path is refused. */
export async function removeAddedArticle(knowledgeDir: string, path: string): Promise<boolean> {
  if (!ADDED_PATH.test(path)) throw new Error(`"${path}" is not an article added from Slack`);
  try {
    await unlink(join(knowledgeDir, path));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** The article the fields make, as the knowledge base will read it. */
export function addedArticle(path: string, fields: ArticleFields): Article {
  return parseArticle(path, Buffer.from(articleFile(fields))).article;
}
