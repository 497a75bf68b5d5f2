import { EntityMatcher } from '../extract/entityMatcher.js';
import type { Passage } from '../extract/extractArticle.js';
import { withBuiltInAuthorities } from '../knowledge/authorities.js';
import type { Article, Entity } from '../knowledge/types.js';
import { decodeColumns } from './columnFile.js';
import type { ExtractedBatch, ExtractWork } from './extractWorker.js';
import type { KnowledgeBase } from './knowledgeBase.js';
import { moduleWorker } from './moduleWorker.js';
import { type ArticleRecord, PassageColumns } from './packPassages.js';

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
  try {
    for (const [w, run] of runs.entries()) {
      const known = new KnownNames(kb.entities);
      let next = 0;
      for await (const batch of started[w]!.batches(Math.ceil(run.length / BATCH))) {
        const file = decodeColumns(Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.length));
        const restored = new PassageColumns(file.meta as ArticleRecord[], file).extracted();
        restored.forEach((extracted, i) => {
          const article = run[next++]!;
          const discovered = batch.discovered[i]!;
          if (known.differsFor(kb.matcher, article, { ...extracted, discovered })) kb.upsert(article);
          else kb.place({ ...extracted, discovered });
          known.add(discovered);
        });
      }
    }
  } finally {
    for (const worker of started) worker.stop();
  }
}

function startWorker(work: ExtractWork): { batches(count: number): AsyncGenerator<ExtractedBatch>; stop(): void } {
  const worker = moduleWorker(new URL(`./extractWorker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url).href, { extract: work });
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

/** The names a worker's matcher knows each entity by, followed as it adds what its articles find. */
class KnownNames {
  private readonly names = new Map<string, string[]>();

  constructor(entities: Entity[]) {
    for (const entity of withBuiltInAuthorities(entities)) this.add([entity]);
  }

  /** As EntityMatcher.add: a new entity with all its names, or more names for one known. */
  add(found: Entity[]): void {
    for (const entity of found) {
      const known = this.names.get(entity.id);
      if (known) known.push(...entity.aliases.filter((a) => !known.includes(a)));
      else this.names.set(entity.id, [entity.name, ...entity.aliases]);
    }
  }

  /**
   * Whether extracting `article` with `matcher` could read it otherwise than the worker did, which
   * found `extracted`. For an entity only one of them knows: the worker named it there or found
   * it, or `matcher` finds it there. For one both know by different names: one of the names only
   * one of them has is in the article.
   */
  differsFor(matcher: EntityMatcher, article: Article, extracted: { passages: Passage[]; discovered: Entity[] }): boolean {
    const oneSided = new Map<string, Entity>();
    const otherNames: Entity[] = [];
    for (const entity of matcher.all()) {
      const mine = this.names.get(entity.id);
      const theirs = [entity.name, ...entity.aliases];
      if (mine === undefined) oneSided.set(entity.id, entity);
      else if (mine.length !== theirs.length || mine.some((name, i) => name !== theirs[i])) {
        const names = [...mine.filter((n) => !theirs.includes(n)), ...theirs.filter((n) => !mine.includes(n))];
        if (names.length > 0) otherNames.push({ ...entity, name: names[0]!, aliases: names.slice(1) });
      }
    }
    for (const [id, mine] of this.names) {
      if (matcher.entity(id) === undefined) oneSided.set(id, { id, name: mine[0]!, kind: 'organisation', aliases: mine.slice(1), partOf: null });
    }
    const renamed = otherNames.length > 0 ? new EntityMatcher(otherNames) : null;
    if (renamed && article.paragraphs.some((paragraph) => renamed.find(paragraph).length > 0)) return true;
    if (oneSided.size === 0) return false;
    if (extracted.discovered.some((e) => oneSided.has(e.id)) || extracted.passages.some((p) => p.entityIds.some((id) => oneSided.has(id)))) return true;
    // Any of their names at all (a quick test that most articles fail), then as the matcher reads them.
    const names = new EntityMatcher([...oneSided.values()]);
    const named = article.paragraphs.filter((paragraph) => names.find(paragraph).length > 0);
    return named.some((paragraph) => matcher.find(paragraph).some((m) => oneSided.has(m.entityId)));
  }
}
