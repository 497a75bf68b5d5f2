import { createRequire } from 'node:module';
import type * as ChronoEnglish from 'chrono-node/en';

let loaded: typeof ChronoEnglish | null = null;

/**
 * chrono-node's English parsers alone (its root also loads a dozen other languages, about 0.25 s),
 * loaded when a date is first read: a restart from a snapshot reads none.
 */
export function englishDates(): typeof ChronoEnglish {
  loaded ??= createRequire(import.meta.url)('chrono-node/en') as typeof ChronoEnglish;
  return loaded;
}
