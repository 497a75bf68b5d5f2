import { RULE_TABLES, ruleSays } from '../extract/claims/rules.js';
import { EntityMatcher } from '../extract/entityMatcher.js';
import { extractArticle } from '../extract/extractArticle.js';
import type { KnowledgeBase } from '../index/knowledgeBase.js';
import { entityId } from '../knowledge/entities.js';
import type { Answer } from './types.js';

/** A rule with what it says, for a person reading why a line exists or is missing. */
export interface RuleTrace {
  rule: string;
  decision: string;
  says: string;
}

/** Why an answer's status lines say what they say, and which steps its sources name that made no line. */
export interface Explanation {
  /** Per news status line, in the answer's order: the rules that read its step. */
  lines: { authority: string; entity: string; rules: RuleTrace[] }[];
  /** Steps the cited articles name about the answer's subjects that made no claim, with the rule that stopped each. */
  rejected: { source: number; sentence: string; word: string; rule: RuleTrace }[];
}

/** The decision each rule (or the reader's own outcome) belongs to. */
function decisionOf(rule: string): string {
  return RULE_TABLES.find((t) => t.rules.some((r) => r.name === rule))?.decision ?? 'outcome';
}

const trace = (rule: string): RuleTrace => ({ rule, decision: decisionOf(rule), says: ruleSays(rule) });

/**
 * Explains an answer: the rules behind each status line, and the steps its cited news sources name
 * but make no claim of (re-read with a copy of the knowledge base's names, so nothing is changed).
 * Only sentences that name one of the answer's subjects are kept.
 */
export function explainAnswer(kb: KnowledgeBase, answer: Answer): Explanation {
  const lines = answer.status.filter((s) => s.source === 'news').map((s) => ({ authority: s.authority, entity: s.entity, rules: (s.why ?? []).map(trace) }));
  const subjects = new Set(answer.subjects.map(entityId));
  const rejected: Explanation['rejected'] = [];
  for (const source of answer.sources.filter((s) => s.kind === 'news')) {
    const article = kb.articles.find((a) => a.path === source.path);
    if (!article) continue;
    const matcher = new EntityMatcher(kb.matcher.all());
    extractArticle(article, matcher, {
      onRejected: (sentence, stopped) => {
        if (subjects.size > 0 && !matcher.find(sentence).some((m) => subjects.has(m.entityId))) return;
        for (const r of stopped) rejected.push({ source: source.id, sentence, word: r.word, rule: trace(r.rule) });
      },
    });
  }
  return { lines, rejected };
}
