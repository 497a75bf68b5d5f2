import { lstat, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { ENTITIES_FILE } from '../knowledge/entities.js';
import { defaultLoadOptions, isArticlePath, isHiddenPath, loadKnowledge, readArticle, readEntitiesFile, type LoadOptions } from '../knowledge/loadKnowledge.js';
import { isListPath, listListFiles, listOfFile, loadListFile } from '../knowledge/lists/loadLists.js';
import type { DesignationList } from '../knowledge/lists/types.js';
import { knowledgeFileReader } from '../knowledge/readKnowledgeFile.js';
import { hashArticleFilesAside } from './fileHashes.js';
import type { Article, KnowledgeProblem } from '../knowledge/types.js';
import { BUILD_DEFAULTS, KnowledgeBase } from './knowledgeBase.js';
import { readSnapshot, saveSnapshot } from './snapshot.js';

/** What one load or reload changed. */
export interface KnowledgeUpdate {
  kb: KnowledgeBase;
  /** Articles read in this update (all of them on a full load). */
  upserted: Article[];
  removed: string[];
  /** Official lists read in this update (all of them on a full load). */
  lists: DesignationList[];
  /** Problems found in this update, each naming its file. */
  problems: KnowledgeProblem[];
  /** Whether the whole folder was read again (first load, or entities.yml changed). */
  full: boolean;
  /** For a full load: whether it came from the snapshot (and only changed files were read). */
  fromSnapshot: boolean;
  ms: number;
}

export interface LiveKnowledgeOptions extends LoadOptions {
  /** Changes arriving within this many ms of each other are applied together (default 200). */
  debounceMs: number;
  /** While the folder is missing, how often to look for its return (default 1000 ms). */
  returnPollMs: number;
  /** Called after every load and reload, in order. */
  onUpdate: (update: KnowledgeUpdate) => void;
  /** Called when a reload fails as a whole (the folder vanished, say); the old knowledge keeps serving. */
  onError: (error: Error) => void;
  /**
   * Where to keep a snapshot of the read and indexed knowledge (null for none). A start with a
   * snapshot reads again only the files that changed since it was saved.
   */
  snapshotPath: string | null;
  /** Threads that extract articles in a full build (see KnowledgeBase.build; default: one per core). */
  buildWorkers: number;
}

/**
 * The knowledge folder, kept loaded while it changes. Edits to article files re-index only
 * those articles; an edit to entities.yml re-reads everything into a new knowledge base that
 * replaces the old one when ready. The old knowledge answers until then, and an unreadable
 * file is reported and skipped: the last good version of an edited article keeps serving.
 *
 * @example
 * const live = new LiveKnowledge('knowledge', { onUpdate: (u) => log(u.ms) });
 * await live.load();
 * await live.watch();
 * live.current() // the KnowledgeBase answering now
 */
export class LiveKnowledge {
  private kb: KnowledgeBase | null = null;
  private watcher: FSWatcher | null = null;
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  /** Set while the folder is missing: the poll for its return. */
  private returnPoll: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private readonly options: LiveKnowledgeOptions;
  /** The entities.yml the knowledge was built with, and the knowledge base and version last saved to the snapshot. */
  private entitiesText = '';
  private saved: { kb: KnowledgeBase; version: number } | null = null;

  constructor(
    readonly dir: string,
    options: Partial<LiveKnowledgeOptions> = {},
  ) {
    this.options = {
      ...defaultLoadOptions,
      debounceMs: 200,
      returnPollMs: 1000,
      onUpdate: () => {},
      onError: () => {},
      snapshotPath: null,
      buildWorkers: BUILD_DEFAULTS.workers,
      ...options,
    };
  }

  /** The knowledge base answering now, or null before the first load. */
  current(): KnowledgeBase | null {
    return this.kb;
  }

  /**
   * Reads the whole folder. Throws only when the folder itself cannot be read. When knowledge is
   * already loaded and entities.yml cannot be read, the old knowledge keeps serving: without its
   * entities no question would find anything.
   */
  async load(): Promise<KnowledgeBase> {
    const started = performance.now();
    if (this.kb === null && this.options.snapshotPath !== null) {
      const restored = await this.restore(this.options.snapshotPath, started);
      if (restored) return restored;
    }
    const entitiesText = await readEntitiesText(this.dir, this.options);
    const knowledge = await loadKnowledge(this.dir, this.options);
    const unreadable = knowledge.problems.filter((p) => p.path === ENTITIES_FILE && p.severity === 'skipped');
    if (this.kb !== null && unreadable.length > 0) {
      this.kb.setProblems(ENTITIES_FILE, unreadable);
      this.options.onUpdate({
        kb: this.kb,
        upserted: [],
        removed: [],
        lists: [],
        problems: unreadable,
        full: false,
        fromSnapshot: false,
        ms: performance.now() - started,
      });
      return this.kb;
    }
    const kb = await KnowledgeBase.build(knowledge, { workers: this.options.buildWorkers });
    const ms = performance.now() - started;
    this.entitiesText = entitiesText;
    // Saved at start, before it serves (writing blocks for a moment); later changes are saved by saveSnapshot().
    if (this.kb === null) await this.saveSnapshot(kb);
    this.kb = kb;
    this.options.onUpdate({
      kb,
      upserted: knowledge.articles,
      removed: [],
      lists: knowledge.lists,
      problems: knowledge.problems,
      full: true,
      fromSnapshot: false,
      ms,
    });
    return kb;
  }

  /** Saves the knowledge to the snapshot if it changed since it was last saved (call it on the way out). */
  async saveSnapshot(kb: KnowledgeBase | null = this.kb): Promise<void> {
    if (this.options.snapshotPath === null || kb === null || (this.saved?.kb === kb && this.saved.version === kb.version)) return;
    try {
      await saveSnapshot(this.options.snapshotPath, kb, this.entitiesText);
      this.saved = { kb, version: kb.version };
    } catch (error) {
      this.options.onError(error as Error);
    }
  }

  /** The knowledge of the snapshot, brought up to date with the files that changed since; null without a usable one. */
  private async restore(path: string, started: number): Promise<KnowledgeBase | null> {
    const entitiesText = await readEntitiesText(this.dir, this.options);
    const hashing = hashArticleFilesAside(this.dir, this.options.maxArticleBytes);
    hashing.hashes.catch(() => {}); // awaited below, unless there is no snapshot to compare with
    const { kb, problem } = await readSnapshot(path, entitiesText);
    if (kb === null) {
      hashing.stop();
      if (problem !== null) this.options.onError(new Error(`the snapshot ${path} was not used (${problem}); the folder is read instead`));
      return null;
    }
    let hashes: Map<string, string>;
    try {
      hashes = await hashing.hashes;
    } catch (error) {
      this.options.onError(error as Error);
      return null; // read everything instead
    }
    this.entitiesText = entitiesText;
    this.saved = { kb, version: kb.version };
    const paths = [...hashes.keys()];
    const changed = paths.filter((p) => kb.article(p)?.hash !== hashes.get(p));
    const removed = kb.articles.map((a) => a.path).filter((p) => !hashes.has(p));
    // Lists are not in the snapshot: they are read again in full.
    const listed = await listListFiles(this.dir);
    const update = await this.applyFiles(kb, [...changed, ...removed, ...listed.paths]);
    update.problems.push(...listed.problems);
    for (const problem of listed.problems) kb.setProblems(problem.path, [problem]);
    this.kb = kb;
    this.options.onUpdate({ ...update, upserted: kb.articles, full: true, fromSnapshot: true, ms: performance.now() - started });
    return kb;
  }

  /**
   * Starts watching the folder; resolves once the watcher is ready. Links are reported and
   * skipped, never followed. A folder that disappears is waited for, and watched again (and read
   * again in full) when it is back; the last knowledge serves meanwhile.
   */
  async watch(): Promise<void> {
    const watcher = watch(this.dir, {
      ignoreInitial: true,
      followSymlinks: false,
      ignored: (path) => isHiddenPath(relative(this.dir, path)),
    });
    for (const event of ['add', 'change', 'unlink', 'unlinkDir'] as const) watcher.on(event, (path: string) => this.queue(path));
    // A folder created with files already in it (copied in, or made and filled at once) may show
    // only as the folder: its files are queued from a listing, taken once what is being written
    // into it now has had the debounce time to land (a file written later has its own event).
    watcher.on('addDir', (path: string) => void setTimeout(() => void this.queueFolder(path), this.options.debounceMs));
    watcher.on('error', (error) => this.options.onError(error as Error));
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    this.watcher = watcher;
  }

  /** The folder is gone: stop watching it and look for its return. */
  private async awaitReturn(): Promise<void> {
    if (this.returnPoll) return;
    this.options.onError(new Error(`the knowledge folder ${this.dir} is gone; the last knowledge keeps serving until it is back`));
    await this.watcher?.close();
    this.watcher = null;
    this.returnPoll = setInterval(() => {
      void isFolder(this.dir).then(async (back) => {
        if (!back || this.returnPoll === null) return;
        clearInterval(this.returnPoll);
        this.returnPoll = null;
        await this.watch();
        await this.refresh([ENTITIES_FILE]);
      });
    }, this.options.returnPollMs);
    this.returnPoll.unref();
  }

  /** Applies changes to the given files (relative to the folder), one batch after another. */
  private refresh(paths: string[]): Promise<void> {
    this.running = this.running.then(() => this.apply(paths)).catch((error: Error) => this.options.onError(error));
    return this.running;
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    if (this.returnPoll) clearInterval(this.returnPoll);
    this.timer = null;
    this.returnPoll = null;
    await this.watcher?.close();
    this.watcher = null;
    await this.running;
  }

  private async queueFolder(absolute: string): Promise<void> {
    if (this.watcher === null) return;
    try {
      const entries = await readdir(absolute, { recursive: true, withFileTypes: true });
      for (const entry of entries) if (!entry.isDirectory()) this.queue(join(entry.parentPath, entry.name));
    } catch (error) {
      // Gone again before it could be listed: its unlinkDir follows.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.options.onError(error as Error);
    }
  }

  private queue(absolute: string): void {
    if (isHiddenPath(relative(this.dir, absolute))) return;
    this.pending.add(relative(this.dir, absolute).split(sep).join('/'));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const paths = [...this.pending];
      this.pending.clear();
      void this.refresh(paths);
    }, this.options.debounceMs);
  }

  private async apply(paths: string[]): Promise<void> {
    if (!(await isFolder(this.dir))) return this.awaitReturn();
    if (this.kb === null || paths.includes(ENTITIES_FILE)) {
      await this.load();
      return;
    }
    const started = performance.now();
    const update = await this.applyFiles(this.kb, paths);
    update.ms = performance.now() - started;
    this.options.onUpdate(update);
  }

  /**
   * Reads the given article and list files again into the knowledge base: changed ones re-indexed,
   * missing ones removed. A change to a part of a list (OFAC's alt.csv) reads the whole list again.
   */
  private async applyFiles(kb: KnowledgeBase, paths: string[]): Promise<KnowledgeUpdate> {
    const read = knowledgeFileReader(this.dir, this.options.maxArticleBytes);
    const [reads, listReads] = await Promise.all([
      Promise.all(
        paths.filter(isArticlePath).map(async (path) => ({ path, exists: await exists(`${this.dir}/${path}`), load: await readArticle(read, path) })),
      ),
      Promise.all(
        [...new Set(paths.filter(isListPath).map(listOfFile))].map(async (path) => ({
          path,
          exists: await exists(`${this.dir}/${path}`),
          load: await loadListFile(this.dir, path, this.options.maxListBytes),
        })),
      ),
    ]);
    // Everything below is synchronous: no question is answered from a half-applied change.
    const update: KnowledgeUpdate = { kb, upserted: [], removed: [], lists: [], problems: [], full: false, fromSnapshot: false, ms: 0 };
    for (const { path, exists, load } of listReads) {
      kb.setProblems(path, exists ? load.problems : []);
      if (!exists) kb.removeFileLists(path);
      update.problems.push(...(exists ? load.problems : []));
      // A list that cannot be read now keeps serving as last read.
      if (!exists || load.lists === null) continue;
      const changed = load.lists.filter((list) => list.hash !== kb.list(list.path)?.hash);
      const gone = kb.listsOfFile(path).some((held) => !load.lists!.some((list) => list.path === held.path));
      if (changed.length > 0 || gone) {
        kb.setFileLists(path, load.lists);
        update.lists.push(...changed);
      }
    }
    for (const { path, exists, load } of reads) {
      if (!exists) {
        kb.remove(path);
        kb.setProblems(path, []);
        update.removed.push(path);
        continue;
      }
      kb.setProblems(path, load.problems);
      update.problems.push(...load.problems);
      if (load.article) {
        kb.upsert(load.article);
        update.upserted.push(load.article);
      }
    }
    return update;
  }
}

/** The text of entities.yml as a snapshot records it ('' when there is none or it is refused). */
async function readEntitiesText(dir: string, options: LoadOptions): Promise<string> {
  return (await readEntitiesFile(dir, options)).text ?? '';
}

/** Whether anything is at the path; a link counts, whatever it points to (it is then refused by name). */
async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
