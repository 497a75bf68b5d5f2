import type { App } from '@slack/bolt';
import { COMMAND } from '../../../render/slackIds.js';
import type { SlackContext } from '../../context.js';
import { onDesignation } from './designation.js';

export function register(app: App, ctx: SlackContext): void {
  app.command(COMMAND, (args) => onDesignation(args, ctx));
}
