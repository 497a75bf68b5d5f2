import type { DesignationState } from '../extract/claims.js';

/** How a designation step reads in every renderer: a pending line says what is pending. */
export function stateWords(line: { state: DesignationState; toward?: 'listed' | 'removed' }): string {
  if (line.state !== 'pending') return line.state;
  return line.toward === 'listed' ? 'listing pending' : 'removal pending';
}

/** How a direct answer is labelled wherever it is shown: it is assembled, not quoted. */
export const ASSEMBLED = 'Answer, assembled from the cited sources';
