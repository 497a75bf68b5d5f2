import { renderBlocks } from '../../../render/blocks.js';
import { LOADING } from '../../replies.js';
import type { SlackContext } from '../../context.js';
import { answerOf, type ButtonArgs } from './action.js';

/** "Share in channel": the answer posted for everyone, without its buttons, saying who shared it. */
export async function onShare({ ack, action, body, respond }: ButtonArgs, ctx: SlackContext): Promise<void> {
  await ack();
  const answer = answerOf(ctx, action.value);
  if (!answer) {
    await respond({ response_type: 'ephemeral', replace_original: false, ...LOADING });
    return;
  }
  const shared = renderBlocks(answer, { buttons: false });
  const sharer = /^[UW][A-Z0-9]+$/.test(body.user.id) ? `<@${body.user.id}>` : 'someone';
  shared.blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Shared by ${sharer} · /designation` }] });
  if (body.container?.is_ephemeral) await respond({ delete_original: true });
  await respond({ response_type: 'in_channel', replace_original: false, ...shared });
  ctx.logger.info({ surface: 'share', user: body.user.id }, 'shared an answer');
}
