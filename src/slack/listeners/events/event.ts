import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackContext } from '../../context.js';
import { onHomeTab } from './homeTab.js';
import { onMessagesTab } from './messagesTab.js';
import { onTokensRevoked } from './tokensRevoked.js';
import { onUninstalled } from './uninstalled.js';

/** The events other than conversation (src/slack/listeners/messages): one listener for all. */
export const APP_EVENTS = /^(?:app_home_opened|app_uninstalled|tokens_revoked)$/;

type EventArgs<T extends string> = SlackEventMiddlewareArgs<T> & AllMiddlewareArgs;

/** An event, handed to its handler: App Home's two tabs, and the end of an installation. */
export async function onAppEvent(args: EventArgs<string>, ctx: SlackContext): Promise<void> {
  // Bolt types a listener matched by a pattern loosely; each branch is the event its type says.
  const event = args.event as { type: string; tab?: string };
  if (event.type === 'app_home_opened') {
    const home = args as unknown as EventArgs<'app_home_opened'>;
    return event.tab === 'messages' ? onMessagesTab(home, ctx) : onHomeTab(home, ctx);
  }
  if (event.type === 'app_uninstalled') return onUninstalled(args as unknown as EventArgs<'app_uninstalled'>, ctx);
  return onTokensRevoked(args as unknown as EventArgs<'tokens_revoked'>, ctx);
}
