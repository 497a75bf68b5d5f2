import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerFor, LOADING } from '../../replies.js';
import { slackTextToQuery } from '../../slackText.js';
import type { SlackContext } from '../../context.js';

type Say = SlackEventMiddlewareArgs<'message'>['say'];

/**
 * Questions in conversation: an @mention in a channel is answered in a thread under it; a direct
 * message is answered in the DM; a reply in a thread the bot answered is a follow-up that keeps
 * the thread's subject.
 */
export function register(app: App, ctx: SlackContext): void {
  app.event('app_mention', async ({ event, say }) => {
    const threadTs = event.thread_ts ?? event.ts;
    await reply(ctx, say as Say, event.channel, threadTs, slackTextToQuery(event.text), 'mention');
  });

  app.event('message', async ({ event, say, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    if (event.subtype !== undefined || 'bot_id' in event && event.bot_id) return;
    const text = 'text' in event ? (event.text ?? '') : '';
    const threadTs = 'thread_ts' in event ? event.thread_ts : undefined;
    if (event.channel_type === 'im') {
      await reply(ctx, say, event.channel, threadTs ?? event.ts, slackTextToQuery(text), 'dm', threadTs !== undefined);
      return;
    }
    // In channels only follow-ups in the bot's threads; a mention there is answered as a mention.
    if (threadTs === undefined || ctx.store.threads.of(event.channel, threadTs) === undefined) return;
    if (context.botUserId && text.includes(`<@${context.botUserId}>`)) return;
    await reply(ctx, say, event.channel, threadTs, slackTextToQuery(text), 'follow-up');
  });
}

async function reply(ctx: SlackContext, say: Say, channel: string, threadTs: string, query: string, surface: string, inThread = true): Promise<void> {
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
