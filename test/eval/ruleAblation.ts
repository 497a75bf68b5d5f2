/**
 * `npm run rules`: deletes each named rule of the claim reader in turn and runs every labelled case
 * of the development data (test/eval/development, the development corpora, and every rule's own
 * examples), then lists the rules whose deletion fails none. A rule nothing needs is untested or
 * dead: it gets a labelled case, or it goes. Exits 1 when any rule is listed.
 *
 * The held-out test set is not run here: nothing is tuned on it.
 */
import { fileURLToPath } from 'node:url';
import { RULE_TABLES } from '../../src/extract/claims/rules.js';
import type { Rule } from '../../src/extract/claims/rule.js';
import { everyRule, readExample } from '../support/ruleExamples.js';
import { readSentences, scoreCorpora, scoreSentences } from './claimSets.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Every rule's examples, taken once: a rule's own examples stay labelled cases while it is deleted. */
const EXAMPLES = everyRule().map(({ rule }) => ({ name: rule.name, examples: [...rule.examples] }));

/** Every outcome of the labelled cases, as lines: a change in any line is a case the deletion fails. */
async function outcomes(): Promise<string[]> {
  const misses: string[] = [];
  scoreSentences(readSentences(here('./development')), misses);
  await scoreCorpora(here('./corpora'), misses);
  const examples = EXAMPLES.flatMap((rule) =>
    rule.examples.map((example) => {
      const { claims } = readExample(example);
      const right = JSON.stringify([...claims].sort()) === JSON.stringify([...example.claims].sort());
      return right ? null : `example of ${rule.name} gives ${JSON.stringify(claims)}: ${example.text}`;
    }),
  );
  return [...misses, ...examples.filter((e): e is string => e !== null)];
}

/** Runs `fn` with one rule taken out of its table, and puts it back. */
async function without<T>(table: Rule<never, unknown>[], index: number, fn: () => Promise<T>): Promise<T> {
  const [rule] = table.splice(index, 1);
  try {
    return await fn();
  } finally {
    table.splice(index, 0, rule!);
  }
}

const baseline = new Set(await outcomes());
const unneeded: string[] = [];
for (const { decision, rules } of RULE_TABLES) {
  for (let i = 0; i < rules.length; i++) {
    const name = rules[i]!.name;
    const failed = (await without(rules, i, outcomes)).filter((line) => !baseline.has(line));
    console.log(`${failed.length === 0 ? 'UNNEEDED' : 'needed  '} ${name} (${decision}): ${failed.length} labelled cases fail without it`);
    if (failed.length === 0) unneeded.push(name);
  }
}
console.log(`\n${unneeded.length} rules whose deletion fails no labelled case${unneeded.length ? `: ${unneeded.join(', ')}` : ''}`);
process.exitCode = unneeded.length === 0 ? 0 : 1;
