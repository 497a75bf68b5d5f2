import type { App, BlockAction } from '@slack/bolt';
import type { SlackContext } from '../../context.js';
import { OUR_ACTIONS, onAction } from './action.js';

/**
 * The buttons and pickers the app makes: under an answer (each carries the query, so it works
 * minutes later from any replica: the answer is rebuilt, it is deterministic), in the lookup
 * modal, under an added article's confirmation and in the App Home.
 */
export function register(app: App, ctx: SlackContext): void {
  app.action<BlockAction>(OUR_ACTIONS, (args) => onAction(args, ctx));
}
