import type { KnowledgeBase } from '../index/knowledgeBase.js';
import { answerQuery } from './answer.js';
import { prepareHistories } from './pairs.js';
import { prepareStatus } from './statusLines.js';
import type { Answer } from './types.js';

/**
 * Answers, remembered: a question asked again (the popular ones are asked all day) is answered
 * from memory, until the knowledge base changes. Least recently asked answers go first.
 *
 * @example
 * const answers = new AnswerCache();
 * answers.get(kb, 'taliban') // computed
 * answers.get(kb, 'taliban') // remembered, the same object
 */
export interface AnswerCacheOptions {
  /** Answers remembered at most (default 500); 0 remembers none. */
  capacity: number;
  /** Told how long each answer took, and whether it was remembered (default: nobody). */
  observe: (ms: number, cached: boolean) => void;
}

export const defaultAnswerCacheOptions: AnswerCacheOptions = { capacity: 500, observe: () => {} };

export class AnswerCache {
  private readonly entries = new Map<string, Answer>();
  private version: { kb: KnowledgeBase; version: number } | null = null;
  private readonly options: AnswerCacheOptions;

  constructor(options: Partial<AnswerCacheOptions> = {}) {
    this.options = { ...defaultAnswerCacheOptions, ...options };
  }

  /** The answer to a query, in a conversation about `context` (see AnswerOptions.context). */
  get(kb: KnowledgeBase, query: string, context: string[] = []): Answer {
    const started = performance.now();
    const now = new Date();
    const key = this.keyOf(kb, query, context, now);
    const known = this.entries.get(key);
    if (known) {
      this.entries.delete(key);
      this.entries.set(key, known);
      this.options.observe(performance.now() - started, true);
      return known;
    }
    const answer = answerQuery(kb, query, { context, now });
    this.entries.set(key, answer);
    if (this.entries.size > this.options.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.options.observe(performance.now() - started, false);
    return answer;
  }

  /** Whether the answer is remembered: asking for it now costs nothing. */
  has(kb: KnowledgeBase, query: string, context: string[] = []): boolean {
    return this.entries.has(this.keyOf(kb, query, context, new Date()));
  }

  private keyOf(kb: KnowledgeBase, query: string, context: string[], now: Date): string {
    if (this.version?.kb !== kb || this.version.version !== kb.version) {
      this.entries.clear();
      this.version = { kb, version: kb.version };
    }
    // "This week" means another week tomorrow: an answer is remembered for the day it was asked on.
    return `${now.toISOString().slice(0, 10)}\u0002${context.join('\u0001')}\u0000${query.replace(/\s+/g, ' ').trim()}`;
  }
}

/**
 * Does ahead of time what the first questions would otherwise wait for: ranking the passages of
 * popular entities, working out every status line and every pair's history (after an edit, only
 * those of the pairs whose claims changed), and the coverage a question that matches nothing is
 * answered with. Call it after the knowledge base is loaded or changed.
 */
export function prepareAnswers(kb: KnowledgeBase): void {
  kb.index.rankPopular();
  prepareStatus(kb);
  prepareHistories(kb);
  kb.coverage();
  // Matching the official lists' entries to entities (a second or so for 20,000 entries), before any question waits on it.
  kb.listLinks();
}
