import { renderTimeline } from '../../../render/blocks.js';
import { LOADING } from '../../replies.js';
import type { SlackContext } from '../../context.js';
import { answerOf, type ButtonArgs } from './action.js';

/** "Full timeline": every dated event of the answer, to the asker alone. */
export async function onFullTimeline({ ack, action, respond }: ButtonArgs, ctx: SlackContext): Promise<void> {
  await ack();
  const answer = answerOf(ctx, action.value);
  await respond({ response_type: 'ephemeral', replace_original: false, ...(answer ? renderTimeline(answer) : LOADING) });
}
