import type { DesignationState } from '../extract/claims.js';

/** How a designation step reads in every renderer. */
export const STATE_WORD: Record<DesignationState, string> = { listed: 'listed', removed: 'removed', pending: 'removal pending' };

/** Citations as plain numbers, for text: `[1][3]`. */
export function citeNumbers(ids: number[]): string {
  return ids.map((id) => `[${id}]`).join('');
}
