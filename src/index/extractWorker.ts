import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { EntityMatcher } from '../extract/entityMatcher.js';
import { extractArticle } from '../extract/extractArticle.js';
import { withBuiltInAuthorities } from '../knowledge/authorities.js';
import type { Article, Entity } from '../knowledge/types.js';
import { encodeColumns } from './columnFile.js';
import { packPassages } from './packPassages.js';

/** What a build's worker is given: the entities, and the run of articles it extracts in order. */
export interface ExtractWork {
  entities: Entity[];
  articles: Article[];
  /** How many articles go in one message. */
  batch: number;
}

/** A batch of articles extracted: their passages as a column file, and the organisations each article found. */
export interface ExtractedBatch {
  bytes: Uint8Array;
  discovered: Entity[][];
}

/**
 * Extracts articles as KnowledgeBase.upsert does, one after the other with one matcher, and posts
 * them in batches as columns (see packPassages): a buffer moved to the build's thread, not copied.
 */
function extractAll({ entities, articles, batch }: ExtractWork): void {
  const matcher = new EntityMatcher(withBuiltInAuthorities(entities));
  for (let i = 0; i < articles.length; i += batch) {
    const extracted = articles.slice(i, i + batch).map((article) => ({ article, ...extractArticle(article, matcher) }));
    const packed = packPassages(extracted);
    const whole = Buffer.concat(encodeColumns(packed.articles, packed.columns));
    // Its own buffer (a small Buffer is a slice of a shared pool, which cannot be moved).
    const bytes = new Uint8Array(whole.length);
    bytes.set(whole);
    parentPort!.postMessage({ bytes, discovered: extracted.map((e) => e.discovered) } satisfies ExtractedBatch, [bytes.buffer]);
  }
}

if (!isMainThread && (workerData as { extract?: unknown } | null)?.extract !== undefined) extractAll((workerData as { extract: ExtractWork }).extract);
