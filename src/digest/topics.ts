import type { EntityMatcher } from '../extract/entityMatcher.js';
import { truncate } from '../answer/truncate.js';
import { STOPWORDS, tokenize } from '../extract/tokens.js';

/**
 * The topics a person typed, as entity ids: names or aliases the knowledge base knows,
 * separated by spaces or commas. A word that names nothing known comes back as a message
 * saying so (a string), so that a typo never becomes a topic that matches nothing.
 *
 * @example
 * readTopics('taliban, IS-K', matcher) // ['taliban', 'islamic-state-khorasan-province']
 */
export function readTopics(text: string, matcher: EntityMatcher): string[] | string {
  const mentions = matcher.findInQuery(text);
  let rest = text;
  for (const m of [...mentions].sort((a, b) => b.start - a.start)) rest = `${rest.slice(0, m.start)} ${rest.slice(m.end)}`;
  const unknown = tokenize(rest)
    .map((t) => t.text)
    .filter((word) => !STOPWORDS.has(word.toLowerCase()) && /\p{L}/u.test(word));
  if (unknown.length > 0) {
    return `I do not know the topic "${truncate(unknown.join(' '), 100)}". Topics are organisations, people or authorities the knowledge base covers.`;
  }
  return [...new Set(mentions.map((m) => m.entityId))];
}
