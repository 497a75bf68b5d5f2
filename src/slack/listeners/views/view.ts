import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { ADD_ARTICLE, FEEDBACK, LOOKUP, VIEWS } from '../../../render/slackIds.js';
import type { SlackContext } from '../../context.js';
import { onAddArticleSubmit } from './submitAddArticle.js';
import { onFeedbackSubmit } from './submitFeedback.js';
import { onLookupSubmit } from './submitLookup.js';

type ViewArgs = SlackViewMiddlewareArgs & AllMiddlewareArgs;

/** Every modal callback id of the app's, in one pattern: one listener for all submissions. */
export const OUR_VIEWS = new RegExp(`^(?:${VIEWS.join('|')})$`);

const HANDLERS: Record<string, (args: ViewArgs, ctx: SlackContext) => Promise<void>> = {
  [LOOKUP.view]: onLookupSubmit,
  [ADD_ARTICLE.view]: onAddArticleSubmit,
  [FEEDBACK.view]: onFeedbackSubmit,
};

/** A modal submitted, handed to its handler. */
export async function onViewSubmission(args: ViewArgs, ctx: SlackContext): Promise<void> {
  return HANDLERS[args.view.callback_id]!(args, ctx);
}
