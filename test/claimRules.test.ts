import { describe, expect, it } from 'vitest';
import { everyRule, readExample } from './support/ruleExamples.js';

/**
 * Every rule of the claim reader is data with examples: each example is a labelled sentence that
 * must read exactly as labelled, and at least one of a rule's examples must show the rule at work
 * (in the `why` of a claim, or as what stopped a step). `npm run rules` checks that deleting any
 * rule fails one of them.
 */
const rules = everyRule();

describe('the rules of the claim reader', () => {
  it('have unique names, a line of description and examples', () => {
    const names = rules.map(({ rule }) => rule.name);
    expect(new Set(names).size).toBe(names.length);
    for (const { rule } of rules) {
      expect(rule.says.length, rule.name).toBeGreaterThan(20);
      expect(rule.examples.length, rule.name).toBeGreaterThan(0);
    }
  });

  describe.each(rules.map(({ decision, rule }) => [`${rule.name} (${decision})`, rule] as const))('%s', (_, rule) => {
    it.each(rule.examples.map((example) => [example.text, example] as const))('%s', (_text, example) => {
      expect([...readExample(example).claims].sort()).toEqual([...example.claims].sort());
    });

    it('is shown at work by one of its examples', () => {
      expect(rule.examples.some((example) => readExample(example).rules.has(rule.name))).toBe(true);
    });
  });
});
