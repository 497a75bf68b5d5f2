import type { App, BlockButtonAction } from '@slack/bolt';
import { HOME_ACTIONS } from '../../../render/slackIds.js';
import type { SlackContext } from '../../context.js';
import { onHomeTab } from './homeTab.js';
import { onReask } from './reask.js';

export function register(app: App, ctx: SlackContext): void {
  app.event('app_home_opened', (args) => onHomeTab(args, ctx));
  app.action<BlockButtonAction>(HOME_ACTIONS.reask, (args) => onReask(args, ctx));
}
