import { periodOf, shifted } from '../answer/period.js';
import { CHANGED } from '../answer/question.js';
import type { KnowledgeBase } from '../index/knowledgeBase.js';
import { partsOf, type PartialDate } from '../knowledge/partialDate.js';

/** What a question asks a digest of: a window of time, as ISO instants, and the authorities it names (none: every topic). */
export interface DigestAsked {
  since: string;
  until: string;
  topics: string[];
}

/** With no period named, "what changed?" covers this many days. */
const DEFAULT_DAYS = 7;

/** The first instant of a date at its precision: 2025 is 2025-01-01T00:00Z. */
function startOf(date: PartialDate): Date {
  const { year, month = 1, day = 1 } = partsOf(date);
  return new Date(Date.UTC(year, month - 1, day));
}

/**
 * The window a question about the whole knowledge base asks for ("what changed this week?",
 * "anything new since 1 November?", "what's new?"), or null when the question is not one: it names
 * an organisation or a person (that is a question about them), or bounds only the end of a period.
 * An authority it names ("what changed in Canada this week?") is the digest's topic.
 */
export function digestAsked(kb: KnowledgeBase, text: string, now: Date): DigestAsked | null {
  const question = text.trim().replace(/[?!.]+$/, '');
  if (!CHANGED.test(question)) return null;
  const named = kb.matcher.findInQuery(question);
  if (named.some((m) => m.kind === 'organisation' || m.kind === 'person')) return null;
  const topics = [...new Set(named.filter((m) => m.kind === 'authority').map((m) => m.entityId))];
  const period = periodOf(question, now);
  if (period === null) return { since: new Date(now.getTime() - DEFAULT_DAYS * 86_400_000).toISOString(), until: now.toISOString(), topics };
  if (period.from === null) return null;
  const until = period.until === null ? now : new Date(Math.min(startOf(shifted(period.until, 1)).getTime(), now.getTime()));
  return { since: startOf(period.from).toISOString(), until: until.toISOString(), topics };
}
