import type { Sentence } from '../extract/extractArticle.js';
import { compatible } from '../knowledge/partialDate.js';
import { jaccard } from '../extract/tokens.js';

/** Shared words over the smaller sentence's words: high when one sentence restates the other. */
function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / Math.min(a.size, b.size);
}

const numbers = new WeakMap<Sentence, string>();

/** The figures a sentence gives, in a canonical order (remembered: answers compare sentences pairwise). */
function numbersOf(sentence: Sentence): string {
  let found = numbers.get(sentence);
  if (found === undefined)
    numbers.set(
      sentence,
      (found = [...sentence.text.matchAll(/\d[\d,.]*/g)]
        .map((m) => m[0])
        .sort()
        .join(' ')),
    );
  return found;
}

function datesAgree(a: Sentence, b: Sentence): boolean {
  return a.eventDate === null || b.eventDate === null || compatible(a.eventDate, b.eventDate);
}

/**
 * Whether two sentences from different sources say the same thing in near-identical words:
 * word overlap alone also joins different facts on one topic, so figures and dates must agree too.
 */
export function sameStatement(a: Sentence, b: Sentence): boolean {
  if (a.article === b.article || !datesAgree(a, b) || numbersOf(a) !== numbersOf(b)) return false;
  return jaccard(a.stems, b.stems) >= 0.5 || overlap(a.stems, b.stems) >= 0.75;
}

/**
 * Whether two dated sentences report one event: their dates agree (one may be coarser), and
 * they make the same designation claim or share much of their wording.
 */
export function sameEvent(a: Sentence, b: Sentence, dateA: string, dateB: string): boolean {
  if (!compatible(dateA, dateB)) return false;
  // The same step on the very same date; at another precision it may be another step.
  if (dateA === dateB && sameClaim(a, b)) return true;
  const shared = overlap(a.stems, b.stems);
  return jaccard(a.stems, b.stems) >= 0.3 || shared >= 0.5 || (shared >= 0.4 && sharePerson(a, b));
}

/** Whether two sentences make one designation claim (same authority, entity and step). */
export function sameClaim(a: Sentence, b: Sentence): boolean {
  const keys = new Set(a.claims.map((c) => `${c.authorityId}/${c.targetId}/${c.state}`));
  return b.claims.some((c) => keys.has(`${c.authorityId}/${c.targetId}/${c.state}`));
}

/** People are tagged by the matcher with entity ids; two reports naming the same person share an actor. */
function sharePerson(a: Sentence, b: Sentence): boolean {
  const people = new Set(a.entities.filter((m) => m.kind === 'person').map((m) => m.entityId));
  return b.entities.some((m) => m.kind === 'person' && people.has(m.entityId));
}
