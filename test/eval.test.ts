import { describe, expect, it } from 'vitest';
import { evaluate, type Report } from './eval/evaluate.js';

/** `npm run eval`'s targets, so that `npm test` (and CI) fails when one is missed. */
describe('npm run eval', () => {
  let report: Report;

  it('scores a held-out test set of at least 600 sentences in ten genres apart from the development set', { timeout: 120_000 }, async () => {
    report = await evaluate();
    const [development, test] = report.sets;
    expect(development!.name).toBe('development');
    expect(test!.name).toBe('test');
    expect(test!.sentences).toBeGreaterThanOrEqual(600);
    expect(Object.keys(test!.perCategory).length).toBeGreaterThanOrEqual(10);
    // Its whole articles: status lines expected for queries over knowledge bases of their own.
    expect(test!.corpora.lines.claims).toBeGreaterThanOrEqual(20);
  });

  it('meets every target', () => {
    const missed = report.targets.filter((t) => !t.met).map((t) => t.name);
    expect(missed, report.misses.slice(0, 40).join('\n')).toEqual([]);
  });
});
