import type { Sentence } from '../extract/extractArticle.js';
import type { KnowledgeBase } from '../index/knowledgeBase.js';
import { PerPair } from './perVersion.js';
import type { SourceRegistry } from './sources.js';
import { latestStep, type Step } from './steps.js';
import type { StatusLine } from './types.js';

/**
 * One line per authority and entity with the latest thing sources say the authority did:
 * listed the entity, removed it, or moved to remove it. Nothing is inferred where no source
 * says it. Sources that report the same step on a date that agrees are cited together (the
 * first few: a step a thousand articles repeat needs no thousand citations).
 * `include` limits the sentences read, e.g. to what was known before a digest's window.
 * Linear in the number of claims, so it stays fast for an entity named in most articles.
 */
export function buildStatus(kb: KnowledgeBase, subjectIds: string[], sources: SourceRegistry, include?: (sentence: Sentence) => boolean): StatusLine[] {
  const pairs = new Set(subjectIds.flatMap((id) => kb.claimPairs(id)));
  const lines: StatusLine[] = [];
  for (const pair of pairs) {
    const step = include ? latestStep(kb.claimsOfPair(pair).filter((c) => include(c.sentence))) : cachedStep(kb, pair);
    if (step === null) continue;
    const [targetId, authorityId] = pair.split(' ') as [string, string];
    lines.push({
      source: 'news',
      authority: kb.entity(authorityId)!.name,
      entity: kb.entity(targetId)!.name,
      state: step.told.claim.state,
      ...(step.told.claim.toward ? { toward: step.told.claim.toward } : {}),
      date: step.told.claim.date,
      text: step.told.sentence.text,
      citations: sources.cite([step.told.sentence.article, ...step.agreeing]),
      why: step.told.claim.why,
    });
  }
  return lines.sort((a, b) => a.entity.localeCompare(b.entity) || (b.date ?? '').localeCompare(a.date ?? '') || a.authority.localeCompare(b.authority));
}

/** The latest step of every pair asked about, until the pair's claims change. */
const latestSteps = new PerPair<Step | null>();

/** Works out the latest step of every pair now, so that no question waits for it. */
export function prepareStatus(kb: KnowledgeBase): void {
  for (const pair of kb.allClaimPairs()) cachedStep(kb, pair);
}

/** The latest step of a "target authority" pair, worked out once until its claims change. */
export function cachedStep(kb: KnowledgeBase, pair: string): Step | null {
  return latestSteps.get(kb, pair, () => latestStep(kb.claimsOfPair(pair)));
}
