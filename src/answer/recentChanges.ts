import type { KnowledgeBase } from '../index/knowledgeBase.js';
import { PerVersion } from './perVersion.js';
import { cachedStep } from './statusLines.js';
import { happenedAt } from './steps.js';

const byVersion = new PerVersion<string[]>();

/**
 * The organisations and people whose designation status changed most recently, newest first, by
 * the date of each one's latest step as the sources tell it (undated steps last): worked out
 * once per version of the knowledge base.
 */
export function recentlyChanged(kb: KnowledgeBase, limit: number): string[] {
  return byVersion
    .get(kb, 'all', () => {
      const latest = new Map<string, string>();
      for (const pair of kb.allClaimPairs()) {
        const step = cachedStep(kb, pair);
        if (step === null) continue;
        const target = pair.split(' ')[0]!;
        const at = happenedAt(step);
        if (at > (latest.get(target) ?? '\0')) latest.set(target, at);
      }
      return [...latest].sort((a, b) => b[1].localeCompare(a[1]) || a[0].localeCompare(b[0])).map(([id]) => id);
    })
    .slice(0, limit);
}
