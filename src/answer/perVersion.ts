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

/**
 * Values worked out from one "target authority" pair's claims alone, kept until those claims
 * change: an edit to one article leaves every other pair's worked out.
 */
export class PerPair<T> {
  private readonly byKnowledge = new WeakMap<KnowledgeBase, Map<string, { version: number; value: T }>>();

  get(kb: KnowledgeBase, pair: string, compute: () => T): T {
    let values = this.byKnowledge.get(kb);
    if (values === undefined) this.byKnowledge.set(kb, (values = new Map()));
    const version = kb.pairVersion(pair);
    const known = values.get(pair);
    if (known?.version === version) return known.value;
    const value = compute();
    values.set(pair, { version, value });
    return value;
  }
}
