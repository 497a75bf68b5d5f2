import { WebAPIPlatformError } from '@slack/web-api';
import type { AllMiddlewareArgs, BlockAction, ConversationsSelectAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderBlocks } from '../../../render/blocks.js';
import { renderLookupView } from '../../../render/lookupView.js';
import type { SlackContext } from '../../context.js';

/** Why a share could not be posted, in words for the person who tried, by Slack's error code. */
const CANNOT_POST: Record<string, string> = {
  not_in_channel: 'I am not in that channel: invite me there (/invite @designation), then share again.',
  channel_not_found: 'I cannot see that channel: invite me there (/invite @designation), then share again.',
  is_archived: 'That channel is archived.',
};

/**
 * A channel picked under an answer in the lookup modal: the answer is posted there for
 * everyone, saying who shared it, and the modal says where it went (or why it could not).
 */
export async function onLookupShare(
  { ack, action, body, client }: SlackActionMiddlewareArgs<BlockAction<ConversationsSelectAction>> & AllMiddlewareArgs,
  ctx: SlackContext,
): Promise<void> {
  await ack();
  const view = body.view;
  const kb = ctx.knowledge();
  const channel = action.selected_conversation;
  if (!view || !kb || !/^[CGD][A-Z0-9]+$/.test(channel ?? '')) return;
  const query = view.private_metadata;
  const answer = ctx.answers.get(kb, query);
  const shared = renderBlocks(answer, { buttons: false });
  const sharer = /^[UW][A-Z0-9]+$/.test(body.user.id) ? `<@${body.user.id}>` : 'someone';
  shared.blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Shared by ${sharer} · Look up a designation` }] });
  let note = `Shared in <#${channel}>.`;
  try {
    await client.chat.postMessage({ channel: channel!, ...shared, unfurl_links: false, unfurl_media: false });
    ctx.logger.info({ surface: 'lookup-share', user: body.user.id, channel }, 'shared an answer');
  } catch (error) {
    note = (error instanceof WebAPIPlatformError ? CANNOT_POST[error.data.error] : undefined) ?? 'Slack did not take the message; try again in a moment.';
    ctx.logger.warn({ surface: 'lookup-share', channel, err: error }, 'could not share an answer');
  }
  try {
    await client.views.update({ view_id: view.id, hash: view.hash, view: renderLookupView({ query, answer, note }) });
  } catch (error) {
    // The modal was closed or asked something else meanwhile: the share itself stands.
    ctx.logger.warn({ surface: 'lookup-share', err: error }, 'could not update the lookup modal');
  }
}
