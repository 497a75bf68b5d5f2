import { EntityMatcher } from '../extract/entityMatcher.js';
import type { Passage } from '../extract/extractArticle.js';
import { englishModel } from '../extract/parse.js';
import { withBuiltInAuthorities } from '../knowledge/authorities.js';
import { englishDates } from '../knowledge/englishDates.js';
import type { Article, Entity } from '../knowledge/types.js';
import { decodeColumns } from './columnFile.js';
import type { ExtractedBatch, ExtractWork } from './extractWorker.js';
import type { KnowledgeBase } from './knowledgeBase.js';
import { moduleWorker } from './moduleWorker.js';
import { type ArticleRecord, PassageColumns } from './packPassages.js';

/** How long a build runs before it lets other work run (the health check, questions to the knowledge base it replaces). */
export const BUILD_SLICE_MS = 50;

/** Articles per message from a worker. */
const BATCH = 100;

/**
 * Reads `articles` into `kb` as `kb.upsert` would one after the other, extracting them on
 * `workers` threads, each a run of them in order. Extraction depends on the organisations the
 * matcher has found in earlier articles: a worker knows only those of its own run, so an article
 * that names one it did not know (or knew by other names) is extracted again here, where the
 * matcher has read every article before it. The result is the same knowledge base.
 */
export async function buildInWorkers(kb: KnowledgeBase, articles: Article[], workers: number): Promise<void> {
  const size = Math.ceil(articles.length / workers);
  const runs = Array.from({ length: workers }, (_, w) => articles.slice(w * size, (w + 1) * size)).filter((run) => run.length > 0);
  const started = runs.map((run) => startWorker({ entities: kb.entities, articles: run, batch: BATCH }));
  let slice = performance.now();
  try {
    for (const [w, run] of runs.entries()) {
      const theirs = new WorkerMatcher(kb.entities);
      let next = 0;
      for await (const batch of started[w]!.batches(Math.ceil(run.length / BATCH))) {
        const file = decodeColumns(Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.length));
        const restored = new PassageColumns(file.meta as ArticleRecord[], file).extracted();
        for (const [i, extracted] of restored.entries()) {
          const article = run[next++]!;
          const discovered = batch.discovered[i]!;
          if (theirs.readsOtherwise(kb.matcher, article, { ...extracted, discovered })) kb.upsert(article);
          else kb.place({ ...extracted, discovered });
          theirs.add(discovered);
          if (performance.now() - slice < BUILD_SLICE_MS) continue;
          await new Promise((resolve) => setImmediate(resolve));
          slice = performance.now();
        }
      }
    }
  } finally {
    for (const worker of started) worker.stop();
  }
  // This thread extracts the files that change from now on: what extraction loads on first use
  // (half a second) is loaded at the end of a long build, not at the first edit.
  englishModel();
  englishDates();
}

function startWorker(work: ExtractWork): { batches(count: number): AsyncGenerator<ExtractedBatch>; stop(): void } {
  const worker = moduleWorker(new URL('./extractWorker.js', import.meta.url), { extract: work });
  const waiting: ExtractedBatch[] = [];
  let failed: Error | null = null;
  let wake: (() => void) | null = null;
  worker.on('message', (batch: ExtractedBatch) => {
    waiting.push(batch);
    wake?.();
  });
  const fail = (error: Error) => {
    failed ??= error;
    wake?.();
  };
  worker.once('error', fail);
  worker.once('exit', (code) => fail(new Error(`an extraction worker stopped (exit ${code})`)));
  return {
    async *batches(count: number) {
      for (let n = 0; n < count; n++) {
        while (waiting.length === 0) {
          if (failed) throw failed;
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
        }
        yield waiting.shift()!;
      }
    },
    stop: () => void worker.terminate(),
  };
}

/**
 * The matcher a worker had, kept in step with what its articles found: what tells whether the
 * build's own matcher would read an article otherwise.
 */
class WorkerMatcher {
  private readonly matcher: EntityMatcher;
  /** The entities the two matchers know differently, worked out again only when either changes. */
  private differences: { key: string; oneSided: Set<string>; oneSidedNames: EntityMatcher; renamed: EntityMatcher | null } | null = null;

  constructor(entities: Entity[]) {
    this.matcher = new EntityMatcher(withBuiltInAuthorities(entities));
  }

  add(found: Entity[]): void {
    for (const entity of found) this.matcher.add(entity);
  }

  /**
   * Whether extracting `article` with `mine` could read it otherwise than the worker did, which
   * found `extracted`. For an entity only one of them knows: the worker named it there or found
   * it, or `mine` finds it there. For one both know by different names: one of the names only one
   * of them has is in the article.
   */
  readsOtherwise(mine: EntityMatcher, article: Article, extracted: { passages: Passage[]; discovered: Entity[] }): boolean {
    const { oneSided, oneSidedNames, renamed } = this.differencesWith(mine);
    if (renamed && article.paragraphs.some((paragraph) => renamed.find(paragraph).length > 0)) return true;
    if (oneSided.size === 0) return false;
    if (extracted.discovered.some((e) => oneSided.has(e.id)) || extracted.passages.some((p) => p.entityIds.some((id) => oneSided.has(id)))) return true;
    // Any of their names at all (a quick test that most articles fail), then as the build's matcher reads them.
    const named = article.paragraphs.filter((paragraph) => oneSidedNames.find(paragraph).length > 0);
    return named.some((paragraph) => mine.find(paragraph).some((m) => oneSided.has(m.entityId)));
  }

  private differencesWith(mine: EntityMatcher): NonNullable<WorkerMatcher['differences']> {
    const key = `${mine.version} ${this.matcher.version}`;
    if (this.differences?.key === key) return this.differences;
    const oneSided: Entity[] = [];
    const renamed: Entity[] = [];
    const namesOf = (e: Entity) => [e.name, ...e.aliases];
    for (const entity of mine.all()) {
      const theirs = this.matcher.entity(entity.id);
      if (theirs === undefined) oneSided.push(entity);
      else {
        const a = namesOf(entity);
        const b = namesOf(theirs);
        const other = [...a.filter((n) => !b.includes(n)), ...b.filter((n) => !a.includes(n))];
        if (other.length > 0) renamed.push({ ...entity, name: other[0]!, aliases: other.slice(1) });
      }
    }
    for (const entity of this.matcher.all()) if (mine.entity(entity.id) === undefined) oneSided.push(entity);
    this.differences = {
      key,
      oneSided: new Set(oneSided.map((e) => e.id)),
      oneSidedNames: new EntityMatcher(oneSided),
      renamed: renamed.length > 0 ? new EntityMatcher(renamed) : null,
    };
    return this.differences;
  }
}
