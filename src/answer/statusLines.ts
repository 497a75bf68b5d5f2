import type { Sentence } from '../extract/extractArticle.js';
import { compatible } from '../knowledge/partialDate.js';
import type { DesignationState } from '../extract/claims.js';
import type { ClaimInSentence, KnowledgeBase } from '../index/knowledgeBase.js';
import type { Article } from '../knowledge/types.js';
import { MAX_CITATIONS, type SourceRegistry } from './sources.js';
import type { StatusLine } from './types.js';

/** On the same date, a later stage of the process is the later news. */
const STAGE: Record<DesignationState, number> = { listed: 0, pending: 1, removed: 2 };

/** When a claim's event happened, or failing that when it was reported: for ordering only. */
function when(c: ClaimInSentence): string {
  return c.claim.date ?? c.sentence.article.published ?? '';
}


/** Whether claim `a` is later news than `b`: a later event, or on the same date a later stage. */
function later(a: ClaimInSentence, b: ClaimInSentence): boolean {
  const wa = when(a);
  const wb = when(b);
  if (wa !== wb) return wa > wb;
  return STAGE[a.claim.state] !== STAGE[b.claim.state] ? STAGE[a.claim.state] > STAGE[b.claim.state] : earlierInKnowledge(a, b);
}

/** Whether `a` tells a step better than `b`: dated more precisely, then quotable alone. */
function tellsBetter(a: ClaimInSentence, b: ClaimInSentence): boolean {
  const pa = a.claim.date?.length ?? 0;
  const pb = b.claim.date?.length ?? 0;
  if (pa !== pb) return pa > pb;
  const qa = Number(a.sentence.quotable);
  const qb = Number(b.sentence.quotable);
  return qa !== qb ? qa > qb : earlierInKnowledge(a, b);
}

/**
 * A fixed order for claims that tie otherwise (by article path, then place in it), so a line reads
 * the same whatever order articles were read or re-read in: on every replica, after every restart.
 */
function earlierInKnowledge(a: ClaimInSentence, b: ClaimInSentence): boolean {
  const pa = a.sentence.article.path;
  const pb = b.sentence.article.path;
  return pa !== pb ? pa < pb : a.sentence.position < b.sentence.position;
}

/**
 * One line per authority and entity with the latest thing sources say the authority did:
 * listed the entity, removed it, or moved to remove it. Nothing is inferred where no source
 * says it. Sources that report the same step on a date that agrees are cited together (the
 * first few: a step a thousand articles repeat needs no thousand citations).
 * `include` limits the sentences read, e.g. to what was known before a digest's window.
 * Linear in the number of claims, so it stays fast for an entity named in most articles.
 */
export function buildStatus(
  kb: KnowledgeBase,
  subjectIds: string[],
  sources: SourceRegistry,
  include?: (sentence: Sentence) => boolean,
): StatusLine[] {
  const pairs = new Set(subjectIds.flatMap((id) => kb.claimPairs(id)));
  const lines: StatusLine[] = [];
  for (const pair of pairs) {
    const step = include ? latestStep(kb.claimsOfPair(pair).filter((c) => include(c.sentence))) : cachedStep(kb, pair);
    if (step === null) continue;
    const [targetId, authorityId] = pair.split(' ') as [string, string];
    lines.push({
      authority: kb.entity(authorityId)!.name,
      entity: kb.entity(targetId)!.name,
      state: step.told.claim.state,
      ...(step.told.claim.toward ? { toward: step.told.claim.toward } : {}),
      date: step.told.claim.date,
      text: step.told.sentence.text,
      citations: sources.cite([step.told.sentence.article, ...step.agreeing]),
    });
  }
  return lines.sort((a, b) => a.entity.localeCompare(b.entity) || (b.date ?? '').localeCompare(a.date ?? '') || a.authority.localeCompare(b.authority));
}

/** The latest step of one pair: the claim that tells it, and the earliest other articles that agree. */
interface Step {
  told: ClaimInSentence;
  agreeing: Article[];
}

/** Steps of the whole knowledge base by pair, for the version they were computed on. */
const stepCache = new WeakMap<KnowledgeBase, { version: number; steps: Map<string, Step | null> }>();

/** Works out the latest step of every pair now, so that no question waits for it. */
export function prepareStatus(kb: KnowledgeBase): void {
  for (const pair of kb.allClaimPairs()) cachedStep(kb, pair);
}

function cachedStep(kb: KnowledgeBase, pair: string): Step | null {
  let cache = stepCache.get(kb);
  if (cache?.version !== kb.version) {
    cache = { version: kb.version, steps: new Map() };
    stepCache.set(kb, cache);
  }
  if (!cache.steps.has(pair)) cache.steps.set(pair, latestStep(kb.claimsOfPair(pair)));
  return cache.steps.get(pair)!;
}

function latestStep(claims: ClaimInSentence[]): Step | null {
  if (claims.length === 0) return null;
  let latest = claims[0]!;
  for (const c of claims) if (later(c, latest)) latest = c;
  // A pending step that a report shows taken on its date or within it ("will list it in October",
  // "listed it on 3 October") is that step, taken.
  const pendingDate = latest.claim.date;
  if (latest.claim.state === 'pending' && pendingDate !== null) {
    const taken = claims.filter((c) => c.claim.state === latest.claim.toward && c.claim.date !== null && c.claim.date.startsWith(pendingDate));
    if (taken.length > 0) {
      latest = taken[0]!;
      for (const c of taken) if (later(c, latest)) latest = c;
    }
  }
  const state = latest.claim.state;
  // A later report that an authority "has already removed" them does not move the date:
  // the step is told in the words of the report that dates it most precisely.
  const sameStep = claims.filter((c) => c.claim.state === state && c.claim.toward === latest.claim.toward);
  // A dated latest claim tells the step itself (an in-force date after the announcement); an
  // undated one ("has already removed") leaves it to the report that dates the step best.
  const latestDate = latest.claim.date;
  const tellers = latestDate === null ? sameStep : sameStep.filter((c) => c.claim.date !== null && compatible(c.claim.date, latestDate));
  let told = tellers[0]!;
  for (const c of tellers) if (tellsBetter(c, told)) told = c;
  const date = told.claim.date;
  const agreeing = new Set(
    sameStep
      .filter((c) => c !== told && (c.claim.date === null || date === null || compatible(c.claim.date, date)))
      .map((c) => c.sentence.article),
  );
  agreeing.delete(told.sentence.article);
  const key = (a: Article) => `${a.published ?? '9999'}\0${a.path}`;
  return { told, agreeing: [...agreeing].sort((a, b) => (key(a) < key(b) ? -1 : 1)).slice(0, MAX_CITATIONS - 1) };
}
