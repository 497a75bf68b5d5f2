import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../src/extract/tokens.js';

/** The whole table of optimal string alignment (Levenshtein with swaps of neighbouring letters), the plain way. */
function alignment(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it('is the edit distance, a swap of neighbours one edit, up to max, and more than max beyond it', () => {
    // Few letters, so that near spellings are common; long words too, past the rows first allocated.
    const word = fc.oneof(fc.stringMatching(/^[abc]{0,12}$/), fc.stringMatching(/^[ab]{60,90}$/));
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const exact = alignment(a, b);
        const bounded = editDistance(a, b, max);
        if (exact <= max) expect(bounded).toBe(exact);
        else expect(bounded).toBeGreaterThan(max);
      }),
      { numRuns: 5000 },
    );
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('katiab', 'kataib', 1)).toBe(1);
    expect(editDistance('talbian', 'taliban', 1)).toBe(1);
    expect(editDistance('abdc', 'abcd', 0)).toBeGreaterThan(0);
  });
});
