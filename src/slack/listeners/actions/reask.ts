import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerFor, LOADING } from '../../replies.js';
import type { SlackContext } from '../../context.js';

/** "Ask again" on a report in the App Home: the query is answered afresh in the editor's DM with the bot. */
export async function onReask(
  { ack, action, body, client }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs,
  ctx: SlackContext,
): Promise<void> {
  await ack();
  const kb = ctx.knowledge();
  const payload = kb ? answerFor(ctx.answers, kb, action.value ?? '').payload : LOADING;
  await client.chat.postMessage({ channel: body.user.id, ...payload, unfurl_links: false, unfurl_media: false });
  ctx.logger.info({ surface: 'home-reask', user: body.user.id }, 'asked a reported query again');
}
