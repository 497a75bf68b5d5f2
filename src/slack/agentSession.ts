import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { truncate } from '../answer/truncate.js';

/** Slack's limit on a session title. */
const MAX_TITLE = 200;

/**
 * A conversation thread in the agent pane, through @slack/web-api 8's agents.sessions methods
 * (Bolt 5.1's Assistant helpers still call the older assistant.threads.* ones). A failure only
 * loses the status or the title, never the answer: it is logged, not thrown.
 */
export class AgentSession {
  constructor(
    private readonly client: WebClient,
    private readonly channel: string,
    private readonly threadTs: string,
    private readonly logger: Logger,
  ) {}

  /** "processing" while an answer is built, "active" once it is posted. */
  async status(status: 'processing' | 'active'): Promise<void> {
    try {
      await this.client.agents.sessions.setStatus({ channel_id: this.channel, thread_ts: this.threadTs, status });
    } catch (error) {
      this.logger.debug({ err: error, status }, 'could not set the status of an agent session');
    }
  }

  /** Names the thread after what it is about. */
  async title(subjects: string[]): Promise<void> {
    try {
      await this.client.agents.sessions.rename({ channel_id: this.channel, thread_ts: this.threadTs, title: truncate(subjects.join(', '), MAX_TITLE) });
    } catch (error) {
      this.logger.debug({ err: error }, 'could not title an agent session');
    }
  }
}
