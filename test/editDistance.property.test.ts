import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../src/extract/tokens.js';

/** The whole Levenshtein table, the plain way. */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = current;
  }
  return previous[b.length]!;
}

describe('editDistance', () => {
  it('is the Levenshtein distance up to max, and more than max beyond it', () => {
    // Few letters, so that near spellings are common; long words too, past the rows first allocated.
    const word = fc.oneof(fc.stringMatching(/^[abc]{0,12}$/), fc.stringMatching(/^[ab]{60,90}$/));
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const exact = levenshtein(a, b);
        const bounded = editDistance(a, b, max);
        if (exact <= max) expect(bounded).toBe(exact);
        else expect(bounded).toBeGreaterThan(max);
      }),
      { numRuns: 5000 },
    );
  });
});
