import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parsePartialDate } from './partialDate.js';
import type { Article } from './types.js';

/** The hash an article records of its file's bytes: what tells a changed file from an unchanged one. */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Thrown for a knowledge file that cannot be used; the message says what is wrong with it. */
export class UnusableFileError extends Error {}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;

const optionalText = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v) => (v == null || v.trim() === '' ? null : v.trim()));

const frontMatterSchema = z.object({
  title: optionalText,
  outlet: optionalText,
  url: z
    .union([z.url({ protocol: /^https?$/ }), z.null()])
    .optional()
    .transform((v) => v ?? null),
  /** YAML reads `published: 2024` as a number and may read a full date as a string. */
  published: z
    .union([z.string(), z.number(), z.null()])
    .optional()
    .transform((v, ctx) => {
      if (v == null || v === '') return null;
      const date = parsePartialDate(String(v));
      if (date === null) {
        ctx.addIssue({ code: 'custom', message: `"${v}" is not a real date in the form YYYY, YYYY-MM or YYYY-MM-DD` });
        return z.NEVER;
      }
      return date;
    }),
});

const KNOWN_KEYS = new Set(Object.keys(frontMatterSchema.shape));

/** A front-matter field that breaks the rules every knowledge file is held to, and why. */
export interface FieldProblem {
  field: string;
  message: string;
}

function frontMatterProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
}

/**
 * What is wrong with front matter before it is written to a file (an article added from Slack):
 * the rules `parseArticle` reads files with, one problem per field.
 */
export function checkFrontMatter(data: Record<string, unknown>): FieldProblem[] {
  const result = frontMatterSchema.safeParse(data);
  return result.success ? [] : frontMatterProblems(result.error);
}

export interface ParsedArticle {
  article: Article;
  /** Things in the file that were ignored, such as unknown front-matter keys. */
  warnings: string[];
}

/**
 * Turns the bytes of one knowledge file into an article, or throws UnusableFileError.
 *
 * @example
 * parseArticle('2024/ruling.md', Buffer.from('---\ntitle: Ruling\npublished: 2025-04\n---\nText.'))
 * // => { article: { title: 'Ruling', published: '2025-04', paragraphs: ['Text.'], ... }, warnings: [] }
 */
export function parseArticle(path: string, bytes: Buffer): ParsedArticle {
  if (bytes.includes(0)) throw new UnusableFileError('binary file (contains NUL bytes), not text');
  // Line endings of every platform (CR LF, CR alone as old Mac editors write) read as LF.
  const raw = bytes.toString('utf8').replace(/\r\n?/g, '\n');
  if (raw.includes('\uFFFD')) throw new UnusableFileError('not valid UTF-8 text');

  let body = raw;
  let meta: z.infer<typeof frontMatterSchema> = { title: null, outlet: null, url: null, published: null };
  const warnings: string[] = [];
  const fm = path.endsWith('.md') ? FRONT_MATTER.exec(raw) : null;
  if (fm) {
    body = raw.slice(fm[0].length);
    let data: unknown;
    try {
      data = parseYaml(fm[1]!) ?? {};
    } catch (error) {
      throw new UnusableFileError(`front matter is not valid YAML: ${firstLine((error as Error).message)}`);
    }
    if (typeof data !== 'object' || Array.isArray(data)) {
      throw new UnusableFileError('front matter must be a YAML mapping of keys to values');
    }
    const result = frontMatterSchema.safeParse(data);
    if (!result.success) {
      const [problem] = frontMatterProblems(result.error);
      throw new UnusableFileError(`front matter "${problem!.field}": ${problem!.message}`);
    }
    meta = result.data;
    const unknown = Object.keys(data as object).filter((k) => !KNOWN_KEYS.has(k));
    if (unknown.length > 0) warnings.push(`unknown front-matter key(s) ignored: ${unknown.join(', ')}`);
  }

  const paragraphs = splitParagraphs(body, path.endsWith('.txt'));
  if (paragraphs.length === 0) throw new UnusableFileError('no text (the file is empty or holds only front matter)');

  const title = meta.title ?? paragraphs[0]!;
  return {
    article: {
      path,
      title,
      outlet: meta.outlet,
      url: meta.url,
      published: meta.published,
      paragraphs,
      hash: contentHash(bytes),
    },
    warnings,
  };
}

/**
 * Paragraphs are separated by blank lines. In plain text a single line break also ends a
 * paragraph (collected news keeps one paragraph a line); in Markdown it is a soft wrap.
 */
function splitParagraphs(body: string, lineIsParagraph: boolean): string[] {
  const blocks = body.split(lineIsParagraph ? /\n/ : /\n[ \t]*\n/);
  return blocks.map((block) => block.replace(/\s+/g, ' ').trim()).filter((block) => block.length > 0);
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
