import type { AllMiddlewareArgs, KnownEventFromType, SlackEventMiddlewareArgs } from '@slack/bolt';
import { teamOf, type SlackContext } from '../../context.js';
import { onMention } from './mention.js';
import { onMessage } from './message.js';
import type { Say } from './reply.js';

/** The events of conversation with the bot: one listener matches both kinds. */
export const CONVERSATION_EVENTS = /^(?:app_mention|message)$/;

type ConversationArgs = SlackEventMiddlewareArgs<'app_mention' | 'message'> & AllMiddlewareArgs;

/** A mention or a message, handed to its handler. */
export async function onConversation(args: SlackEventMiddlewareArgs<string> & AllMiddlewareArgs, ctx: SlackContext): Promise<void> {
  // Bolt types a listener matched by a pattern loosely; both events come from a channel, and have `say`.
  const { event, say, context, client } = args as unknown as ConversationArgs;
  const team = teamOf(context);
  if (event.type === 'app_mention') return onMention(event, say as Say, client, team, ctx);
  return onMessage(event as KnownEventFromType<'message'>, say as Say, client, team, context.botUserId, ctx);
}
