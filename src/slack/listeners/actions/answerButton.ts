import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Answer } from '../../../answer/types.js';
import { ANSWER_ACTIONS } from '../../../render/slackIds.js';
import type { SlackContext } from '../../context.js';
import { onFeedback } from './feedback.js';
import { onFullTimeline } from './fullTimeline.js';
import { onShare } from './share.js';
import { onSources } from './sources.js';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** The action ids of the buttons under an answer: one listener matches them all. */
export const ANSWER_BUTTON = /^answer_/;

const HANDLERS: Record<string, (args: ButtonArgs, ctx: SlackContext) => Promise<void>> = {
  [ANSWER_ACTIONS.fullTimeline]: onFullTimeline,
  [ANSWER_ACTIONS.sources]: onSources,
  [ANSWER_ACTIONS.share]: onShare,
  [ANSWER_ACTIONS.helpful]: (args, ctx) => onFeedback(args, ctx, 1),
  [ANSWER_ACTIONS.notHelpful]: (args, ctx) => onFeedback(args, ctx, -1),
};

/**
 * A button under an answer, handed to its handler. A button the bot never made does not get here:
 * the app's middleware acknowledges and logs it (`refuseUnanswerable`).
 */
export async function onAnswerButton(args: ButtonArgs, ctx: SlackContext): Promise<void> {
  return HANDLERS[args.action.action_id]!(args, ctx);
}

/** The answer a button's query has now, or null while the knowledge is loading. */
export function answerOf(ctx: SlackContext, query: string | undefined): Answer | null {
  const kb = ctx.knowledge();
  return kb ? ctx.answers.get(kb, query ?? '') : null;
}
