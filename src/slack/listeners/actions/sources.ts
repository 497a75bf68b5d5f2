import { renderSources } from '../../../render/blocks.js';
import { LOADING } from '../../replies.js';
import type { SlackContext } from '../../context.js';
import { answerOf, type ButtonArgs } from './action.js';

/** "Sources": every article the answer cites, to the asker alone. */
export async function onSources({ ack, action, respond }: ButtonArgs, ctx: SlackContext): Promise<void> {
  await ack();
  const answer = answerOf(ctx, action.value);
  await respond({ response_type: 'ephemeral', replace_original: false, ...(answer ? renderSources(answer) : LOADING) });
}
