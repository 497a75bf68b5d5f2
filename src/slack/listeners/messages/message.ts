import type { KnownEventFromType } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { slackTextToQuery } from '../../slackText.js';
import type { SlackContext } from '../../context.js';
import { orWithout } from '../../databaseFailure.js';
import { reply, type Say } from './reply.js';

/**
 * A message: a direct message is answered in the DM; in a channel, only a reply in a thread the
 * bot answered, a follow-up that keeps the thread's subject (a mention there is answered as a mention).
 */
export async function onMessage(
  event: KnownEventFromType<'message'>,
  say: Say,
  client: WebClient,
  team: string,
  botUserId: string | undefined,
  ctx: SlackContext,
): Promise<void> {
  if (event.subtype !== undefined || ('bot_id' in event && event.bot_id)) return;
  const text = 'text' in event ? (event.text ?? '') : '';
  const threadTs = 'thread_ts' in event ? event.thread_ts : undefined;
  if (event.channel_type === 'im') {
    await reply(ctx, say, client, {
      team,
      user: 'user' in event ? String(event.user) : '',
      channel: event.channel,
      threadTs: threadTs ?? event.ts,
      query: slackTextToQuery(text),
      surface: 'dm',
      inThread: threadTs !== undefined,
    });
    return;
  }
  if (threadTs === undefined || (await orWithout(ctx, 'thread', () => ctx.store.threads.of(team, event.channel, threadTs), undefined)) === undefined) return;
  if (botUserId && text.includes(`<@${botUserId}>`)) return;
  await reply(ctx, say, client, {
    team,
    user: 'user' in event ? String(event.user) : '',
    channel: event.channel,
    threadTs,
    query: slackTextToQuery(text),
    surface: 'follow-up',
    inThread: true,
  });
}
