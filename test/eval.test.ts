import { describe, expect, it } from 'vitest';
import { evaluate, type Report } from './eval/evaluate.js';

/** `npm run eval`'s targets, so that `npm test` (and CI) fails when one is missed. */
describe('npm run eval', () => {
  let report: Report;

  it('runs over every labelled set', { timeout: 120_000 }, async () => {
    report = await evaluate();
    expect(report.sets.map((s) => s.name)).toEqual(['development', 'test']);
    expect(report.sets.every((s) => s.sentences > 0)).toBe(true);
  });

  it('meets every target', () => {
    const missed = report.targets.filter((t) => !t.met).map((t) => t.name);
    expect(missed, report.misses.slice(0, 40).join('\n')).toEqual([]);
  });
});
