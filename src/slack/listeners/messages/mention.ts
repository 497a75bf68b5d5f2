import type { KnownEventFromType } from '@slack/bolt';
import { slackTextToQuery } from '../../slackText.js';
import type { SlackContext } from '../../context.js';
import { reply, type Say } from './reply.js';

/** An @mention in a channel: answered in a thread under it. */
export async function onMention(event: KnownEventFromType<'app_mention'>, say: Say, team: string, ctx: SlackContext): Promise<void> {
  await reply(ctx, say, { team, channel: event.channel, threadTs: event.thread_ts ?? event.ts, query: slackTextToQuery(event.text), surface: 'mention', inThread: true });
}
