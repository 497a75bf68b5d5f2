import type { Entity } from '../knowledge/types.js';
import type { EntityMention } from './entityMatcher.js';

export type DesignationState = 'listed' | 'removed' | 'pending';

/** A sentence's claim that an authority listed an entity, removed it, or is moving to remove it. */
export interface StatusClaim {
  authorityId: string;
  targetId: string;
  state: DesignationState;
}

const LIST_OBJECT = /\b(list|lists|listing|ban|banned|designation|designated|label|status|register|registry|blacklist|terrorist|terrorists|terror)\b/i;
const REMOVAL = '(?:remov\\w*|delist\\w*|lift\\w*|revok\\w*|overturn\\w*|rescind\\w*|strik\\w* off|struck off|tak\\w* off|took \\w+ off|exclud\\w*|unban\\w*)';
/** A removal that is asked for, planned or under way, not done. */
const PENDING = [
  new RegExp(`\\b(?:to|will|would|shall|could|should|may|might|be|'ll)\\s+(?:be\\s+)?${REMOVAL}`, 'i'),
  new RegExp(`\\b(?:preparing|moving|plans?|planning|decided|decision|deciding|wants?|intends?|seeks?|seeking|proposed|proposal|proposing|requested|requests?|asked|asks|petitioned|petitions?|considering|process of)\\b[^.;]{0,60}?\\b${REMOVAL}`, 'i'),
  new RegExp(`\\b(?:is|are)\\s+(?:being\\s+${REMOVAL}|(?:remov|delist|lift|revok|overturn|rescind|exclud)ing\\b)`, 'i'),
];
const DONE = new RegExp(`\\b(?:removed|delisted|lifted|revoked|overturned|rescinded|struck off|taken off|took \\w+ off|excluded|unbanned)\\b`, 'i');
const LISTED = /\b(?:listed|designated|designates|designating|blacklisted|proscribed|labell?ed|banned|recogni[sz]ed as a terrorist|on (?:\w+[’']s |its |the |their )?(?:\w+ )?(?:terrorist|terror|sanctions|banned) list)\b/i;
/** Words that stand for an organisation just named ("the group", "them"). */
const ANAPHOR = /\b(the group|the movement|the organi[sz]ation|them|the ban|the terrorist label|the designation)\b/i;

/**
 * Reads designation claims from one sentence. Quoted speech is left out: a quote reports what
 * someone said they would do, and its "our list" has no clear owner. An authority is the
 * country or body that keeps the list (a court or ministry counts for its country).
 *
 * @param previousTargets organisations named in the sentence before, for "the group" and "them".
 *
 * @example
 * // "Kazakhstan and Kyrgyzstan have already removed the Taliban from their lists of banned organizations."
 * // => [{ authorityId: 'kazakhstan', targetId: 'taliban', state: 'removed' }, { authorityId: 'kyrgyzstan', ... }]
 */
export function findStatusClaims(
  sentence: string,
  mentions: EntityMention[],
  entity: (id: string) => Entity | undefined,
  previousTargets: string[],
): StatusClaim[] {
  const text = maskQuotes(sentence);
  if (!LIST_OBJECT.test(text)) return [];
  const verb = stateOf(text);
  if (!verb) return [];

  const outside = mentions.filter((m) => text.slice(m.start, m.end).trim() !== '');
  let targets = unique(outside.filter((m) => m.kind === 'organisation').map((m) => m.entityId));
  if (targets.length === 0 && ANAPHOR.test(text) && previousTargets.length === 1) targets = previousTargets;
  if (targets.length === 0) return [];

  const authorities = outside
    .map((m) => ({ mention: m, id: authorityOf(entity, m.entityId) }))
    .filter((a): a is { mention: EntityMention; id: string } => a.id !== null);
  const beforeVerb = authorities.filter((a) => a.mention.end <= verb.index);
  const chosen = beforeVerb.length > 0 ? subjectGroup(text, beforeVerb) : authorities.slice(0, 1).map((a) => a.id);

  const claims: StatusClaim[] = [];
  for (const authorityId of unique(chosen)) {
    for (const targetId of targets) {
      if (authorityId !== targetId) claims.push({ authorityId, targetId, state: verb.state });
    }
  }
  return claims;
}

function stateOf(text: string): { state: DesignationState; index: number } | null {
  for (const pattern of PENDING) {
    const m = pattern.exec(text);
    if (m) return { state: 'pending', index: m.index };
  }
  const done = DONE.exec(text);
  if (done) return { state: 'removed', index: done.index };
  const listed = LISTED.exec(text);
  if (listed) return { state: 'listed', index: listed.index };
  return null;
}

/** The authority an entity speaks for: itself if it is one, its country if it is a body of one. */
export function authorityOf(entity: (id: string) => Entity | undefined, id: string): string | null {
  let current = entity(id);
  for (let depth = 0; current && depth < 5; depth++) {
    if (current.partOf === null) return current.kind === 'authority' ? current.id : null;
    current = entity(current.partOf);
  }
  return null;
}

/**
 * The authorities that are the subject of the verb: the one nearest before it, together with
 * those joined to it by "and" or commas ("Kazakhstan and Kyrgyzstan have removed").
 */
function subjectGroup(text: string, before: { mention: EntityMention; id: string }[]): string[] {
  const group = [before[before.length - 1]!];
  for (let i = before.length - 2; i >= 0; i--) {
    const between = text.slice(before[i]!.mention.end, group[0]!.mention.start);
    if (!/^\s*(,|and|, and)\s*$/i.test(between)) break;
    group.unshift(before[i]!);
  }
  return group.map((a) => a.id);
}

/**
 * Blanks out quoted speech, keeping offsets. A closing quote with no opening one (a quote
 * that began in an earlier sentence) blanks everything before it; an opening one with no
 * closing one blanks everything after it.
 */
export function maskQuotes(text: string): string {
  let masked = text.replace(/“[^”]*”|"[^"]*"/g, (q) => ' '.repeat(q.length));
  const close = masked.lastIndexOf('”');
  if (close >= 0) masked = ' '.repeat(close + 1) + masked.slice(close + 1);
  const open = masked.search(/[“"]/);
  if (open >= 0) masked = masked.slice(0, open) + ' '.repeat(masked.length - open);
  return masked;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
