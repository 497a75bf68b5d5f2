import type { App, BlockButtonAction } from '@slack/bolt';
import type { SlackContext } from '../../context.js';
import { ANSWER_BUTTON, onAnswerButton } from './answerButton.js';

/**
 * The buttons under an answer, one listener for all (each request runs one matching chain).
 * Each button carries the query, so it works minutes later from any replica: the answer is
 * rebuilt (it is deterministic) and sent through the action's response_url.
 */
export function register(app: App, ctx: SlackContext): void {
  app.action<BlockButtonAction>({ action_id: ANSWER_BUTTON }, (args) => onAnswerButton(args, ctx));
}
