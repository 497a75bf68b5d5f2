import type { KnowledgeBase } from '../index/knowledgeBase.js';

/**
 * Values worked out from a knowledge base, kept by key until it changes (its version goes up):
 * what every question about a pair would otherwise work out again.
 */
export class PerVersion<T> {
  private readonly byKnowledge = new WeakMap<KnowledgeBase, { version: number; values: Map<string, T> }>();

  get(kb: KnowledgeBase, key: string, compute: () => T): T {
    let cache = this.byKnowledge.get(kb);
    if (cache?.version !== kb.version) {
      cache = { version: kb.version, values: new Map() };
      this.byKnowledge.set(kb, cache);
    }
    if (!cache.values.has(key)) cache.values.set(key, compute());
    return cache.values.get(key)!;
  }
}
