import { RULE_TABLES } from '../../src/extract/claims/rules.js';
import type { Example } from '../../src/extract/claims/rule.js';
import { EntityMatcher } from '../../src/extract/entityMatcher.js';
import { extractArticle } from '../../src/extract/extractArticle.js';
import { withBuiltInAuthorities } from '../../src/knowledge/authorities.js';
import { entityId } from '../../src/knowledge/entities.js';

/** What the reader makes of an example: its claims as "Authority state Entity date", and the rules that made or stopped them. */
export interface ExampleReading {
  claims: string[];
  /** The rules in the `why` of its claims, and those that stopped its other steps. */
  rules: Set<string>;
}

/** Reads a rule's example as a one-article knowledge base: the claims of its last paragraph. */
export function readExample(example: Example): ExampleReading {
  const configured = (example.organisations ?? []).map((name) => ({ id: entityId(name), name, kind: 'organisation' as const, aliases: [], partOf: null }));
  const matcher = new EntityMatcher(withBuiltInAuthorities(configured));
  const paragraphs = [...(example.before ?? []), example.text];
  const article = {
    path: 'example.md',
    title: 'example',
    outlet: example.outlet ?? null,
    url: null,
    published: example.published === undefined ? '2024-09-13' : example.published,
    paragraphs,
    hash: 'example',
  };
  const rules = new Set<string>();
  const { passages } = extractArticle(article, matcher, {
    onRejected: (sentence, rejected) => {
      if (example.text.includes(sentence)) for (const r of rejected) rules.add(r.rule);
    },
  });
  const sentences = passages.flatMap((p) => p.sentences).filter((s) => example.text.includes(s.text));
  const claims = sentences.flatMap((s) => s.claims);
  for (const c of claims) for (const rule of c.why) rules.add(rule);
  const name = (id: string) => matcher.entity(id)?.name ?? id;
  return {
    claims: claims.map((c) => `${name(c.authorityId)} ${c.state}${c.toward ? `→${c.toward}` : ''} ${name(c.targetId)} ${c.date ?? '-'}`),
    rules,
  };
}

/** Every rule of the reader with its examples. */
export function everyRule() {
  return RULE_TABLES.flatMap((table) => table.rules.map((rule) => ({ decision: table.decision, rule })));
}
