import type { Logger } from 'pino';
import type { AnswerCache } from '../answer/answerCache.js';
import type { KnowledgeBase } from '../index/knowledgeBase.js';
import type { Store } from '../store/store.js';
import type { Editors } from './editors.js';

/** What the listeners share: the current knowledge base, remembered answers and the database (which also holds thread subjects and handled events). */
export interface SlackContext {
  /** The knowledge base answering now, or null while the first one loads. */
  knowledge: () => KnowledgeBase | null;
  /** Answers asked again are answered from here until the knowledge base changes. */
  answers: AnswerCache;
  store: Store;
  /** Who may add articles from Slack and sees feedback reports. */
  editors: Editors;
  /** The knowledge folder: articles added from Slack are written under its `added/`. */
  knowledgeDir: string;
  /** See Config.agentStatusMinArticles. */
  agentStatusMinArticles: number;
  /** Now; tests set the time. */
  clock: () => Date;
  logger: Logger;
}

/**
 * The workspace a request came from: what subscriptions, ratings, reports and thread subjects are
 * kept under, so one workspace never sees another's (installs are per workspace; a request with
 * no team, which only an org-wide install sends, falls back to its enterprise id).
 */
export function teamOf(context: { teamId?: string; enterpriseId?: string }): string {
  return context.teamId ?? context.enterpriseId ?? '';
}
