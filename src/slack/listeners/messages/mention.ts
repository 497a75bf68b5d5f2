import type { KnownEventFromType } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { slackTextToQuery } from '../../slackText.js';
import type { SlackContext } from '../../context.js';
import { reply, type Say } from './reply.js';

/** An @mention in a channel: answered in a thread under it. */
export async function onMention(event: KnownEventFromType<'app_mention'>, say: Say, client: WebClient, team: string, ctx: SlackContext): Promise<void> {
  await reply(ctx, say, client, {
    team,
    user: event.user ?? '',
    channel: event.channel,
    threadTs: event.thread_ts ?? event.ts,
    query: slackTextToQuery(event.text),
    surface: 'mention',
    inThread: true,
  });
}
