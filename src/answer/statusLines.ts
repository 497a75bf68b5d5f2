import type { Sentence } from '../extract/extractArticle.js';
import { compatible } from '../extract/partialDate.js';
import type { DesignationState } from '../extract/status.js';
import type { ClaimInSentence, KnowledgeBase } from '../index/knowledgeBase.js';
import type { SourceRegistry } from './sources.js';
import type { StatusLine } from './types.js';

/** On the same date, a later stage of the process is the later news. */
const STAGE: Record<DesignationState, number> = { listed: 0, pending: 1, removed: 2 };

/** When a claim's event happened, or failing that when it was reported: for ordering only. */
function when(sentence: Sentence): string {
  return sentence.eventDate ?? sentence.article.published ?? '';
}

/**
 * One line per authority and entity with the latest thing sources say the authority did:
 * listed the entity, removed it, or moved to remove it. Nothing is inferred where no source
 * says it. Sources that report the same step on a date that agrees are cited together.
 * `include` limits the sentences read, e.g. to what was known before a digest's window.
 */
export function buildStatus(
  kb: KnowledgeBase,
  subjectIds: string[],
  sources: SourceRegistry,
  include: (sentence: Sentence) => boolean = () => true,
): StatusLine[] {
  const byPair = new Map<string, ClaimInSentence[]>();
  for (const id of subjectIds) {
    for (const found of kb.claimsInvolving(id)) {
      if (!include(found.sentence)) continue;
      const key = `${found.claim.targetId} ${found.claim.authorityId}`;
      const list = byPair.get(key) ?? [];
      if (!list.includes(found)) list.push(found);
      byPair.set(key, list);
    }
  }
  const lines: StatusLine[] = [];
  for (const [key, claims] of byPair) {
    const [targetId, authorityId] = key.split(' ') as [string, string];
    claims.sort((a, b) => when(b.sentence).localeCompare(when(a.sentence)) || STAGE[b.claim.state] - STAGE[a.claim.state]);
    const state = claims[0]!.claim.state;
    // A later report that an authority "has already removed" them does not move the date:
    // the step is told in the words of the report that dates it most precisely.
    const sameStep = claims.filter((c) => c.claim.state === state);
    const told = [...sameStep].sort(
      (a, b) =>
        (b.sentence.eventDate?.length ?? 0) - (a.sentence.eventDate?.length ?? 0) ||
        Number(b.sentence.quotable) - Number(a.sentence.quotable),
    )[0]!;
    const date = told.sentence.eventDate;
    const agreeing = sameStep.filter((c) => c.sentence.eventDate === null || date === null || compatible(c.sentence.eventDate, date));
    lines.push({
      authority: kb.entity(authorityId)!.name,
      entity: kb.entity(targetId)!.name,
      state,
      date,
      text: told.sentence.text,
      citations: sources.cite([told.sentence.article, ...agreeing.map((c) => c.sentence.article)]),
    });
  }
  return lines.sort((a, b) => a.entity.localeCompare(b.entity) || (b.date ?? '').localeCompare(a.date ?? '') || a.authority.localeCompare(b.authority));
}
