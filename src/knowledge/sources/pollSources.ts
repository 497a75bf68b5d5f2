import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { slug, writeArticleFile } from '../addedArticle.js';
import { loadListFile } from '../lists/loadLists.js';
import { folderInside, knowledgeFileReader } from '../readKnowledgeFile.js';
import { type FeedItem, parseFeed } from './feeds.js';
import { pageArticle } from './pageArticle.js';
import { type FetchOptions, fetchSafely } from './safeFetch.js';
import { parseSources, SOURCES_FILE, type Sources } from './sourcesFile.js';

/** Where the fetcher keeps what it has seen (validators, items, failures): hidden, so never read as knowledge. */
const STATE_FILE = '.sources/state.json';
/** Where articles from feeds are written, a folder per outlet. */
const FEEDS_FOLDER = 'feeds';

export interface PollOptions extends FetchOptions {
  /** Between two requests to one host, at least this many ms. */
  hostDelayMs: number;
  now: () => Date;
  /** Which kinds of source this poll takes (default both). */
  kinds: SourceKind[];
  /** Whether a source is polled now, from what is known of it (default: every one; the running app waits after failures). */
  due: (source: SourceState, now: Date) => boolean;
}

export type SourceKind = 'feed' | 'list';

/** A source that failed is tried again after 1, 2, 4 ... minutes, at most this long. */
const MAX_BACKOFF_MS = 6 * 3600 * 1000;

/** Polls a source unless it failed lately: after n failures in a row, waits 2^(n-1) minutes (at most 6 hours). */
export function afterBackoff(source: SourceState, now: Date): boolean {
  if (source.failures === 0 || source.lastChecked === undefined) return true;
  const wait = Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** (source.failures - 1));
  return now.getTime() >= Date.parse(source.lastChecked) + wait;
}

/** What became of one source in a poll, as `fetch` prints it. */
export interface SourceReport {
  kind: 'feed' | 'list';
  url: string;
  outcome: 'new' | 'unchanged' | 'updated' | 'failed';
  /** Files written, relative to the knowledge folder. */
  written: string[];
  /** Why it failed, or a failed item's reasons. */
  errors: string[];
}

export interface SourceState {
  etag?: string | null;
  lastModified?: string | null;
  failures: number;
  lastError?: string;
  lastChecked?: string;
}

interface State {
  sources: Record<string, SourceState>;
  /** Feed items written, by GUID and by page address, with the file each became. */
  items: Record<string, string>;
}

/**
 * Polls every feed and list of `sources.yml` once: a feed's new items are fetched, their pages
 * read as web pages or PDFs and written as articles under `feeds/<outlet>/`; a list that changed
 * replaces its file under `lists/<name>/`. Each item is written once, whatever feed or address
 * it comes by. Requests are conditional, one at a time per host. A source that fails is reported
 * and changes nothing else.
 */
export async function pollSources(dir: string, given: Partial<PollOptions> & FetchOptions): Promise<{ reports: SourceReport[]; problems: string[] }> {
  const options: PollOptions = { ...defaultPollOptions, ...given };
  const { sources, problems } = await readSources(dir);
  if (sources.feeds.length + sources.lists.length === 0) return { reports: [], problems };
  const lock = await takeLock(dir, options.now());
  if (lock !== null) return { reports: [], problems: [...problems, lock] };
  try {
    const state = await readState(dir);
    if (typeof state === 'string') return { reports: [], problems: [...problems, state] };
    const fetcher = politeFetcher(options);
    const reports: SourceReport[] = [];
    const due = (url: string) => options.due(state.sources[url] ?? { failures: 0 }, options.now());
    // The state is saved after every item and every source, so that a poll cut short writes nothing twice.
    const save = () => writeState(dir, state);
    if (options.kinds.includes('feed'))
      for (const feed of sources.feeds.filter((f) => due(f.url))) reports.push(await pollFeed(dir, feed, state, fetcher, options, save));
    if (options.kinds.includes('list'))
      for (const list of sources.lists.filter((l) => due(l.url))) {
        reports.push(await pollList(dir, list, state, fetcher, options));
        await save();
      }
    return { reports, problems };
  } finally {
    await unlink(join(dir, LOCK_FILE)).catch(() => {});
  }
}

export const defaultPollOptions: Omit<PollOptions, keyof FetchOptions> = { hostDelayMs: 1000, now: () => new Date(), kinds: ['feed', 'list'], due: () => true };

/** Held by the process polling: several processes serving one folder poll it one at a time. */
const LOCK_FILE = '.sources/poll.lock';
/** A lock older than this was left by a process that died while polling. */
const STALE_LOCK_MS = 30 * 60_000;

/** Takes the polling lock; null when taken, else why this poll does not run (another is under way). */
async function takeLock(dir: string, now: Date): Promise<string | null> {
  await mkdir(join(dir, '.sources'), { recursive: true });
  const path = join(dir, LOCK_FILE);
  try {
    await writeFile(path, JSON.stringify({ pid: process.pid, since: now.toISOString() }), { flag: 'wx' });
    return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const held = await stat(path).catch(() => null);
  if (held !== null && Date.now() - held.mtimeMs < STALE_LOCK_MS) return 'another process is polling the sources now; this poll is skipped';
  await writeFile(path, JSON.stringify({ pid: process.pid, since: now.toISOString() }));
  return null;
}

async function readSources(dir: string): Promise<{ sources: Sources; problems: string[] }> {
  let text: string;
  try {
    text = (await knowledgeFileReader(dir, 1024 * 1024)(SOURCES_FILE)).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { sources: { feeds: [], lists: [] }, problems: [] };
    return { sources: { feeds: [], lists: [] }, problems: [`${SOURCES_FILE} ${(error as Error).message}`] };
  }
  const parsed = parseSources(text);
  return { sources: parsed.sources, problems: parsed.problems.map((p) => `${SOURCES_FILE}: ${p}`) };
}

type Fetcher = (url: string, validators?: SourceState) => ReturnType<typeof fetchSafely>;

/** fetchSafely, one request at a time per host with at least `hostDelayMs` between two. */
function politeFetcher(options: PollOptions): Fetcher {
  const last = new Map<string, number>();
  return async (url, validators = { failures: 0 }) => {
    const host = new URL(url).host;
    const wait = (last.get(host) ?? 0) + options.hostDelayMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    try {
      return await fetchSafely(url, validators, options);
    } finally {
      last.set(host, Date.now());
    }
  };
}

async function pollFeed(
  dir: string,
  feed: Sources['feeds'][number],
  state: State,
  fetch: Fetcher,
  options: PollOptions,
  save: () => Promise<void>,
): Promise<SourceReport> {
  const report: SourceReport = { kind: 'feed', url: feed.url, outcome: 'unchanged', written: [], errors: [] };
  const own = (state.sources[feed.url] ??= { failures: 0 });
  try {
    const answer = await fetch(feed.url, own);
    if (answer.status === 304) {
      remember(own, answer.headers, options.now());
      return report;
    }
    const parsed = parseFeed(answer.body);
    const outlet = feed.outlet ?? parsed.title ?? new URL(feed.url).hostname;
    for (const item of parsed.items) {
      // A GUID is the feed's own: two outlets may both number their items from 1.
      const id = `${feed.url} ${item.id}`;
      if (state.items[id] !== undefined || state.items[item.url] !== undefined) continue;
      try {
        const written = await writeItem(dir, { ...item, id }, outlet, state, fetch, options);
        if (written !== null) report.written.push(written);
        await save();
      } catch (error) {
        report.errors.push(`${item.url}: ${(error as Error).message}`);
      }
    }
    // The feed's validators are kept only when every item was read: one that failed is tried again next time.
    if (report.errors.length === 0) remember(own, answer.headers, options.now());
    report.outcome = report.written.length > 0 ? 'new' : report.errors.length > 0 ? 'failed' : 'unchanged';
  } catch (error) {
    failed(own, report, error, options.now());
  }
  await save();
  return report;
}

/** Fetches an item's page, reads it, and writes it as an article; null when the same page was written already (another feed's item). */
async function writeItem(dir: string, item: FeedItem, outlet: string, state: State, fetch: Fetcher, options: PollOptions): Promise<string | null> {
  const page = await fetch(item.url);
  const article = await pageArticle(page);
  const url = article.url ?? page.url;
  const known = state.items[url] ?? state.items[page.url];
  if (known !== undefined) {
    state.items[item.id] = known;
    return null;
  }
  const path = await writeArticleFile(
    dir,
    `${FEEDS_FOLDER}/${slug(outlet)}`,
    {
      title: (item.title ?? article.title).slice(0, 300),
      outlet,
      url,
      published: article.published ?? item.published ?? '',
      text: article.paragraphs.join('\n'),
    },
    options.now(),
  );
  for (const key of [item.id, item.url, page.url, url]) state.items[key] = path;
  return path;
}

async function pollList(dir: string, list: Sources['lists'][number], state: State, fetch: Fetcher, options: PollOptions): Promise<SourceReport> {
  const report: SourceReport = { kind: 'list', url: list.url, outcome: 'unchanged', written: [], errors: [] };
  const own = (state.sources[list.url] ??= { failures: 0 });
  try {
    const answer = await fetch(list.url, own);
    remember(own, answer.headers, options.now());
    if (answer.status === 304) return report;
    // Named after the address in sources.yml, not where it redirected to (a dated file name each day).
    const name = basename(new URL(list.url).pathname).replace(/^\.+/, '');
    const file = `lists/${list.name}/${/\.(xml|csv|jsonl?|ndjson)$/i.test(name) ? name : `${list.name}.xml`}`;
    const target = join(dir, file);
    const before = await readFile(target).catch(() => null);
    if (before !== null && hash(before) === hash(answer.body)) return report;
    // Written whole under a hidden name, read as a list, then renamed over the older version: the
    // watcher never reads half a list, and an error page never replaces a good one.
    await folderInside(dir, `lists/${list.name}`);
    const temporary = `lists/${list.name}/.fetching-${randomBytes(6).toString('hex')}-${basename(file)}`;
    await writeFile(join(dir, temporary), answer.body);
    const read = await loadListFile(dir, temporary);
    if (read.lists === null) {
      await unlink(join(dir, temporary));
      throw new Error(`what it answered is not a list (${read.problems[0]?.message ?? 'unreadable'}); the older version stays`);
    }
    await rename(join(dir, temporary), target);
    report.outcome = 'updated';
    report.written.push(file);
  } catch (error) {
    failed(own, report, error, options.now());
  }
  return report;
}

function remember(own: SourceState, headers: Record<string, unknown>, now: Date): void {
  own.etag = typeof headers.etag === 'string' ? headers.etag : (own.etag ?? null);
  own.lastModified = typeof headers['last-modified'] === 'string' ? headers['last-modified'] : (own.lastModified ?? null);
  own.failures = 0;
  delete own.lastError;
  own.lastChecked = now.toISOString();
}

function failed(own: SourceState, report: SourceReport, error: unknown, now: Date): void {
  own.failures++;
  own.lastError = (error as Error).message;
  own.lastChecked = now.toISOString();
  report.outcome = 'failed';
  report.errors.push((error as Error).message);
}

const hash = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** What the fetcher has seen; a string saying what is wrong when the file cannot be read (then nothing is polled: every item would be written again). */
async function readState(dir: string): Promise<State | string> {
  let text: string;
  try {
    text = await readFile(join(dir, STATE_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { sources: {}, items: {} };
    return `${STATE_FILE} cannot be read (${(error as NodeJS.ErrnoException).code}); nothing is polled until it can`;
  }
  try {
    const state = JSON.parse(text) as Partial<State>;
    return { sources: state.sources ?? {}, items: state.items ?? {} };
  } catch {
    return `${STATE_FILE} is not valid JSON; nothing is polled until it is mended, or deleted (then every item of every feed is written again)`;
  }
}

async function writeState(dir: string, state: State): Promise<void> {
  await mkdir(join(dir, '.sources'), { recursive: true });
  const temporary = join(dir, `${STATE_FILE}.${randomBytes(6).toString('hex')}`);
  await writeFile(temporary, JSON.stringify(state, null, 1));
  await rename(temporary, join(dir, STATE_FILE));
}
