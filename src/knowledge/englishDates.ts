import { createRequire } from 'node:module';
import type * as ChronoEnglish from 'chrono-node/en';

let loaded: typeof ChronoEnglish | null = null;

/**
 * chrono-node's English parsers, loaded when a date is first read: a restart from a snapshot reads
 * none, and loading chrono took a tenth of the restart.
 */
export function englishDates(): typeof ChronoEnglish {
  loaded ??= createRequire(import.meta.url)('chrono-node/en') as typeof ChronoEnglish;
  return loaded;
}
