import type { ListedEntry } from '../answer/types.js';
import type { DesignationState } from '../extract/claims.js';

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
  return `${entry.list}, entry ${entry.ref} "${entry.name}"${entry.endedOn ? `, ended ${entry.endedOn}` : ''}; ${dated}`;
}
