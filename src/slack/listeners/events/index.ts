import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.js';
import { APP_EVENTS, onAppEvent } from './event.js';

/** App Home opened (its Home tab, or its messages: the agent pane), and the app uninstalled or its tokens revoked. */
export function register(app: App, ctx: SlackContext): void {
  app.event(APP_EVENTS, (args) => onAppEvent(args, ctx));
}
