import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.js';
import { onMessagesTab } from './messagesTab.js';

export function register(app: App, ctx: SlackContext): void {
  app.event('app_home_opened', (args) => onMessagesTab(args, ctx));
}
