import type { SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerFor, LOADING } from '../../replies.js';
import type { SlackContext } from '../../context.js';

export type Say = SlackEventMiddlewareArgs<'message'>['say'];

/** Where a question was asked: the workspace, the conversation and its thread. */
export interface Asked {
  team: string;
  channel: string;
  threadTs: string;
  query: string;
  surface: string;
  /** Answer in the thread; false for a DM answered in the DM itself. */
  inThread: boolean;
}

/** Answers a question in conversation, in its thread (or in the DM itself), and remembers the thread's subject. */
export async function reply(ctx: SlackContext, say: Say, { team, channel, threadTs, query, surface, inThread }: Asked): Promise<void> {
  const kb = ctx.knowledge();
  if (!kb) {
    await say({ ...LOADING, thread_ts: threadTs });
    return;
  }
  const { answer, payload } = answerFor(ctx.answers, kb, query, ctx.store.threads.of(team, channel, threadTs) ?? []);
  await say({ ...payload, ...(inThread ? { thread_ts: threadTs } : {}), unfurl_links: false, unfurl_media: false });
  ctx.store.threads.remember(team, channel, threadTs, answer.subjects);
  ctx.logger.info({ surface, channel, subjects: answer.subjects }, 'answered');
}
