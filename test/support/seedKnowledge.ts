import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Answer, SourceId } from '../../src/answer/types.js';
import { KnowledgeBase } from '../../src/index/knowledgeBase.js';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.js';

/** The knowledge folder shipped with the app: the five seed articles and entities.yml. */
export const SEED_DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));

let cached: Promise<KnowledgeBase> | undefined;

/** The seed knowledge base, loaded once per test file. */
export function seedKnowledgeBase(): Promise<KnowledgeBase> {
  cached ??= loadKnowledge(SEED_DIR).then((k) => KnowledgeBase.fromKnowledge(k));
  return cached;
}

/** Collapses whitespace, as the answer contract allows. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The raw text of a cited source's file, whitespace collapsed. */
export function sourceText(answer: Answer, id: SourceId, dir = SEED_DIR): string {
  const source = answer.sources.find((s) => s.id === id);
  if (!source) throw new Error(`answer cites [${id}] but lists no such source`);
  return normalise(readFileSync(join(dir, source.path), 'utf8'));
}

/** Every item of an answer that must be a verbatim span of a source it cites. */
export function citedItems(answer: Answer): { text: string; citations: SourceId[] }[] {
  return [...answer.summary, ...answer.timeline, ...answer.status];
}
