import type { Logger } from 'pino';
import type { KnowledgeBase } from '../index/knowledgeBase.js';
import type { SeenEvents, ThreadSubjects } from './threadSubjects.js';

/** What the listeners share: the current knowledge base and the bot's short-term memory. */
export interface SlackContext {
  /** The knowledge base answering now, or null while the first one loads. */
  knowledge: () => KnowledgeBase | null;
  threads: ThreadSubjects;
  seenEvents: SeenEvents;
  logger: Logger;
}
