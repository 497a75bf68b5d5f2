import type { ListedEntry } from '../answer/types.js';
import type { ListChange } from '../digest/types.js';
import type { DesignationState } from '../extract/types.js';

/** How a designation step reads in every renderer: a pending line says what is pending. */
export function stateWords(line: { state: DesignationState; toward?: 'listed' | 'removed' }): string {
  if (line.state !== 'pending') return line.state;
  return line.toward === 'listed' ? 'listing pending' : 'removal pending';
}

/** How a direct answer is labelled wherever it is shown: it is assembled, not quoted. */
export const ASSEMBLED = 'Answer, assembled from the cited sources';

/** How a line from an official list is marked in every renderer: the list, the entry, and the list's own date. */
export function officialListWords(entry: ListedEntry): string {
  const dated = entry.datedBy === 'content' ? `list of ${entry.listDate}` : `list file of ${entry.listDate}`;
  const programs = entry.programs.length > 0 ? ` (${entry.programs.join(', ')})` : '';
  return `${entry.list}, entry ${entry.ref} "${entry.name}"${programs}${entry.endedOn ? `, ended ${entry.endedOn}` : ''}; ${dated}`;
}

/** How a change to an official list's entry reads in every renderer: `QDe.903 "JNIM" added (Al-Qaida)`. */
export function listChangeWords(change: ListChange): string {
  const who = change.entity !== null && change.entity !== change.name ? ` (${change.entity})` : '';
  return `${change.ref} "${change.name}"${who} ${change.change}${change.details.length > 0 ? `: ${change.details.join('; ')}` : ''}`;
}
