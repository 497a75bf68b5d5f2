import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.js';
import { CONVERSATION_EVENTS, onConversation } from './conversation.js';

/**
 * Questions in conversation: an @mention in a channel is answered in a thread under it; a direct
 * message is answered in the DM; a reply in a thread the bot answered is a follow-up that keeps
 * the thread's subject. One listener for both events, so a request runs one matching chain.
 */
export function register(app: App, ctx: SlackContext): void {
  app.event(CONVERSATION_EVENTS, (args) => onConversation(args, ctx));
}
