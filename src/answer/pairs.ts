import type { KnowledgeBase } from '../index/knowledgeBase.js';
import { isInternationalBody } from '../knowledge/authorities.js';
import { PerPair } from './perVersion.js';
import { cachedStep } from './statusLines.js';
import { historyOf, sameStep, type HistoryStep } from './steps.js';

/** What one authority did on one entity, as the sources tell it: its steps, oldest first. */
export interface Pair {
  targetId: string;
  authorityId: string;
  steps: HistoryStep[];
}

/** The pairs of some entities (or authorities) with what they did or had done to them. */
export interface PairQuery {
  /** The organisations or people; with none, the pairs are those of the authorities' lists. */
  targets: string[];
  /** The authorities; with none, every authority the sources name for the targets. */
  authorities: string[];
  /** Leave out international bodies (the EU, the UN Security Council). */
  countriesOnly: boolean;
}

/**
 * The pairs a question is about: its entities with its authorities (a pair no source speaks of
 * has no steps), or with every authority the sources name; or an authority with every entity it
 * took a step on.
 */
export function pairsOf(kb: KnowledgeBase, query: PairQuery): Pair[] {
  const pairs: Pair[] = [];
  for (const key of pairKeys(kb, query)) {
    const [targetId, authorityId] = key.split(' ') as [string, string];
    if (query.countriesOnly && isInternationalBody(authorityId)) continue;
    pairs.push({ targetId, authorityId, steps: stepsOf(kb, key) });
  }
  return pairs;
}

/** The keys (`target authority`) of the pairs a query is about, in the order first found. */
function pairKeys(kb: KnowledgeBase, query: PairQuery): Set<string> {
  const keys = new Set<string>();
  for (const target of query.targets) {
    if (query.authorities.length > 0) for (const a of query.authorities) keys.add(`${target} ${a}`);
    else for (const p of kb.claimPairs(target)) if (p.startsWith(`${target} `)) keys.add(p);
  }
  if (query.targets.length === 0) {
    for (const authority of query.authorities) for (const p of kb.claimPairs(authority)) if (p.endsWith(` ${authority}`)) keys.add(p);
  }
  return keys;
}

const histories = new PerPair<HistoryStep[]>();

/** Works out every pair's history now, so that no question waits for it (only pairs whose claims changed, after an edit). */
export function prepareHistories(kb: KnowledgeBase): void {
  for (const pair of kb.allClaimPairs()) stepsOf(kb, pair);
}

/** A pair's history, its latest step told as its status line tells it; read once until the pair's claims change. */
function stepsOf(kb: KnowledgeBase, key: string): HistoryStep[] {
  return histories.get(kb, key, () => {
    const steps = historyOf(kb.claimsOfPair(key));
    const latest = cachedStep(kb, key);
    if (latest === null) return steps;
    for (let i = steps.length - 1; i >= 0; i--) {
      if (sameStep(steps[i]!, latest)) {
        steps[i] = { ...latest, otherDates: steps[i]!.otherDates };
        break;
      }
    }
    return steps;
  });
}

/** A pair's latest step, if it has any. */
export function latestOf(pair: Pair): HistoryStep | undefined {
  return pair.steps[pair.steps.length - 1];
}

/** Where a pair stands: its latest step that is not a move, and the moves after it. */
export function standing(pair: Pair): { step: HistoryStep | null; moves: HistoryStep[] } {
  for (let i = pair.steps.length - 1; i >= 0; i--) {
    if (pair.steps[i]!.told.claim.state !== 'pending') return { step: pair.steps[i]!, moves: pair.steps.slice(i + 1) };
  }
  return { step: null, moves: pair.steps };
}
