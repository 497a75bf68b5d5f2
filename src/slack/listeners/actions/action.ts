import type {
  AllMiddlewareArgs,
  BlockAction,
  BlockButtonAction,
  ConversationsSelectAction,
  PlainTextInputAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { Answer } from '../../../answer/types.js';
import { ADD_ARTICLE, ALL_ACTIONS, ANSWER_ACTIONS, HOME_ACTIONS, LOOKUP } from '../../../render/slackIds.js';
import type { SlackContext } from '../../context.js';
import { onFeedback } from './feedback.js';
import { onArticleLink } from './articleLink.js';
import { onFullTimeline } from './fullTimeline.js';
import { onMoreArticleText } from './moreArticleText.js';
import { onReask } from './reask.js';
import { onRemoveArticle } from './removeArticle.js';
import { onShare } from './share.js';
import { onLookupShare } from './shareLookup.js';
import { onSources } from './sources.js';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;
/** A link entered in a modal's url input (Slack sends it as a text input's action, with `value`). */
export type LinkArgs = SlackActionMiddlewareArgs<BlockAction<PlainTextInputAction>> & AllMiddlewareArgs;
type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/**
 * Every action id the app makes, in one pattern: one listener matches them all, so a request
 * runs one listener's chain (Bolt runs the middleware of every listener for every request).
 */
export const OUR_ACTIONS = new RegExp(`^(?:${ALL_ACTIONS.join('|')})$`);

const button = (handler: (args: ButtonArgs, ctx: SlackContext) => Promise<void>) => (args: ActionArgs, ctx: SlackContext) => handler(args as ButtonArgs, ctx);

const HANDLERS: Record<string, (args: ActionArgs, ctx: SlackContext) => Promise<void>> = {
  [ANSWER_ACTIONS.fullTimeline]: button(onFullTimeline),
  [ANSWER_ACTIONS.sources]: button(onSources),
  [ANSWER_ACTIONS.share]: button(onShare),
  [ANSWER_ACTIONS.helpful]: button((args, ctx) => onFeedback(args, ctx, 1)),
  [ANSWER_ACTIONS.notHelpful]: button((args, ctx) => onFeedback(args, ctx, -1)),
  [LOOKUP.shareAction]: (args, ctx) => onLookupShare(args as SlackActionMiddlewareArgs<BlockAction<ConversationsSelectAction>> & AllMiddlewareArgs, ctx),
  [ADD_ARTICLE.removeAction]: button(onRemoveArticle),
  [ADD_ARTICLE.moreTextAction]: button(onMoreArticleText),
  [ADD_ARTICLE.urlBlock]: (args, ctx) => onArticleLink(args as LinkArgs, ctx),
  [HOME_ACTIONS.reask]: button(onReask),
};

/**
 * A button or picker of the app's, handed to its handler. One the bot never made does not get
 * here: the app's middleware acknowledges and logs it (`refuseUnanswerable`).
 */
export async function onAction(args: ActionArgs, ctx: SlackContext): Promise<void> {
  return HANDLERS[(args.action as { action_id: string }).action_id]!(args, ctx);
}

/** The answer a button's query has now, or null while the knowledge is loading. */
export function answerOf(ctx: SlackContext, query: string | undefined): Answer | null {
  const kb = ctx.knowledge();
  return kb ? ctx.answers.get(kb, query ?? '') : null;
}
