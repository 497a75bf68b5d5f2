import type { SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerFor, LOADING } from '../../replies.js';
import type { SlackContext } from '../../context.js';

export type Say = SlackEventMiddlewareArgs<'message'>['say'];

/** Answers a question in conversation, in its thread (or in the DM itself), and remembers the thread's subject. */
export async function reply(ctx: SlackContext, say: Say, channel: string, threadTs: string, query: string, surface: string, inThread = true): Promise<void> {
  const kb = ctx.knowledge();
  if (!kb) {
    await say({ ...LOADING, thread_ts: threadTs });
    return;
  }
  const { answer, payload } = answerFor(ctx.answers, kb, query, ctx.store.threads.of(channel, threadTs) ?? []);
  await say({ ...payload, ...(inThread ? { thread_ts: threadTs } : {}), unfurl_links: false, unfurl_media: false });
  ctx.store.threads.remember(channel, threadTs, answer.subjects);
  ctx.logger.info({ surface, channel, subjects: answer.subjects }, 'answered');
}
