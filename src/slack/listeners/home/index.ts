import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.js';
import { onHomeTab } from './homeTab.js';

export function register(app: App, ctx: SlackContext): void {
  app.event('app_home_opened', (args) => onHomeTab(args, ctx));
}
