import { WEEKDAYS } from '../../../digest/schedule.js';
import { readTopics } from '../../../digest/topics.js';
import type { EntityMatcher } from '../../../extract/entityMatcher.js';
import type { Cadence } from '../../../store/subscriptions.js';

/** `/designation digest ...`, read. Topics are entity ids. */
export type DigestCommand =
  | { action: 'help' }
  | { action: 'subscribe'; cadence: Cadence; weekday: number | null; atTime: string; topics: string[] }
  | { action: 'list' }
  | { action: 'unsubscribe'; topics: string[] }
  | { action: 'preview' }
  | { action: 'invalid'; problem: string };

export const DEFAULT_TIME = '09:00';

const invalid = (problem: string): DigestCommand => ({ action: 'invalid', problem });

/**
 * Reads the words after `/designation digest`. Topics are names the knowledge base knows
 * (organisations, people, authorities), by any alias, separated by spaces or commas.
 *
 * @example
 * parseDigestArgs('subscribe weekly fri 08:30 taliban, IS-K', matcher)
 * // { action: 'subscribe', cadence: 'weekly', weekday: 5, atTime: '08:30', topics: ['taliban', 'is-k'] }
 */
export function parseDigestArgs(text: string, matcher: EntityMatcher): DigestCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [verb = 'help', ...rest] = words;
  switch (verb.toLowerCase()) {
    case 'help':
      return { action: 'help' };
    case 'list':
    case 'preview':
      return rest.length > 0 ? invalid(`\`${verb.toLowerCase()}\` takes no arguments.`) : { action: verb.toLowerCase() as 'list' | 'preview' };
    case 'unsubscribe': {
      const topics = readTopics(rest.join(' '), matcher);
      return typeof topics === 'string' ? invalid(topics) : { action: 'unsubscribe', topics };
    }
    case 'subscribe':
      return parseSubscribe(rest, matcher);
    default:
      return invalid(`\`${verb}\` is not a digest command.`);
  }
}

function parseSubscribe(words: string[], matcher: EntityMatcher): DigestCommand {
  const [how, ...rest] = words;
  const cadence = how?.toLowerCase();
  if (cadence === 'instant') return parseInstant(rest, matcher);
  if (cadence !== 'daily' && cadence !== 'weekly') {
    return invalid(how === undefined ? 'Say how often: `daily`, `weekly` or `instant`.' : `\`${how}\` is not daily, weekly or instant.`);
  }
  let weekday: number | null = null;
  const day = weekdayOf(rest[0]);
  if (day !== null) {
    if (cadence === 'daily') return invalid('A daily digest comes every day; for one day a week, use `weekly`.');
    weekday = day;
    rest.shift();
  }
  let atTime = DEFAULT_TIME;
  if (rest[0] !== undefined && /^\d{1,2}[:.h]\d{2}$/.test(rest[0])) {
    const [hours, minutes] = rest[0].split(/[:.h]/).map(Number) as [number, number];
    if (hours > 23 || minutes > 59) return invalid(`\`${rest[0]}\` is not a time of day: use 24-hour HH:MM, such as 08:30.`);
    atTime = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
    rest.shift();
  } else if (rest[0] !== undefined && /^\d/.test(rest[0])) {
    return invalid(`\`${rest[0]}\` is not a time of day: use 24-hour HH:MM, such as 08:30.`);
  }
  const topics = readTopics(rest.join(' '), matcher);
  if (typeof topics === 'string') return invalid(topics);
  return { action: 'subscribe', cadence, weekday: cadence === 'weekly' ? (weekday ?? 1) : null, atTime, topics };
}

/** `subscribe instant [topics]`: an alert as soon as a status line changes, at no day or time. */
function parseInstant(words: string[], matcher: EntityMatcher): DigestCommand {
  if (words[0] !== undefined && (weekdayOf(words[0]) !== null || /^\d/.test(words[0])))
    return invalid('An instant alert comes as soon as a status line changes: it takes topics, not a day or a time.');
  const topics = readTopics(words.join(' '), matcher);
  if (typeof topics === 'string') return invalid(topics);
  return { action: 'subscribe', cadence: 'instant', weekday: null, atTime: '00:00', topics };
}

function weekdayOf(word: string | undefined): number | null {
  if (word === undefined || word.length < 3) return null;
  const index = WEEKDAYS.findIndex((day) => day.startsWith(word.toLowerCase()));
  return index === -1 ? null : index;
}
