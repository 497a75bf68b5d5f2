import { access } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { ENTITIES_FILE } from '../knowledge/entities.js';
import { isArticlePath, loadArticleFile, loadKnowledge } from '../knowledge/loadKnowledge.js';
import type { Article, KnowledgeProblem } from '../knowledge/types.js';
import { KnowledgeBase } from './knowledgeBase.js';

/** What one load or reload changed. */
export interface KnowledgeUpdate {
  kb: KnowledgeBase;
  /** Articles read in this update (all of them on a full load). */
  upserted: Article[];
  removed: string[];
  /** Problems found in this update, each naming its file. */
  problems: KnowledgeProblem[];
  /** Whether the whole folder was read again (first load, or entities.yml changed). */
  full: boolean;
  ms: number;
}

export interface LiveKnowledgeOptions {
  /** Changes arriving within this many ms of each other are applied together (default 200). */
  debounceMs: number;
  /** Called after every load and reload, in order. */
  onUpdate: (update: KnowledgeUpdate) => void;
  /** Called when a reload fails as a whole (the folder vanished); the old knowledge keeps serving. */
  onError: (error: Error) => void;
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
  private running: Promise<void> = Promise.resolve();
  private readonly options: LiveKnowledgeOptions;

  constructor(
    readonly dir: string,
    options: Partial<LiveKnowledgeOptions> = {},
  ) {
    this.options = { debounceMs: 200, onUpdate: () => {}, onError: () => {}, ...options };
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
    const knowledge = await loadKnowledge(this.dir);
    const unreadable = knowledge.problems.filter((p) => p.path === ENTITIES_FILE && p.severity === 'skipped');
    if (this.kb !== null && unreadable.length > 0) {
      this.kb.setProblems(ENTITIES_FILE, unreadable);
      this.options.onUpdate({ kb: this.kb, upserted: [], removed: [], problems: unreadable, full: false, ms: performance.now() - started });
      return this.kb;
    }
    const kb = KnowledgeBase.fromKnowledge(knowledge);
    this.kb = kb;
    this.options.onUpdate({ kb, upserted: knowledge.articles, removed: [], problems: knowledge.problems, full: true, ms: performance.now() - started });
    return kb;
  }

  /** Starts watching the folder; resolves once the watcher is ready. */
  async watch(): Promise<void> {
    const watcher = watch(this.dir, { ignoreInitial: true, ignored: (path) => /(^|[/\\])\.[^/\\]/.test(relative(this.dir, path)) });
    for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, (path: string) => this.queue(path));
    watcher.on('error', (error) => this.options.onError(error as Error));
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    this.watcher = watcher;
  }

  /** Applies changes to the given files (relative to the folder), one batch after another. */
  private refresh(paths: string[]): Promise<void> {
    this.running = this.running.then(() => this.apply(paths)).catch((error: Error) => this.options.onError(error));
    return this.running;
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.watcher?.close();
    await this.running;
  }

  private queue(absolute: string): void {
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
    if (this.kb === null || paths.includes(ENTITIES_FILE)) {
      await this.load();
      return;
    }
    const started = performance.now();
    const kb = this.kb;
    const reads = await Promise.all(
      paths.filter(isArticlePath).map(async (path) => ({ path, exists: await exists(`${this.dir}/${path}`), load: await loadArticleFile(this.dir, path) })),
    );
    // Everything below is synchronous: no question is answered from a half-applied change.
    const update: KnowledgeUpdate = { kb, upserted: [], removed: [], problems: [], full: false, ms: 0 };
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
    update.ms = performance.now() - started;
    this.options.onUpdate(update);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
