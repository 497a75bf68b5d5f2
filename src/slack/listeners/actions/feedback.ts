import { teamOf, type SlackContext } from '../../context.js';
import type { ButtonArgs } from './answerButton.js';

/** "Helpful" (1) or "Not helpful" (-1): the rating recorded, and thanks to the asker alone. */
export async function onFeedback(args: ButtonArgs, ctx: SlackContext, value: 1 | -1): Promise<void> {
  const { ack, action, body, respond } = args;
  await ack();
  const query = action.value ?? '';
  ctx.store.feedback.record({ teamId: teamOf(args.context), query, value, userId: body.user.id, channelId: body.channel?.id ?? null }, ctx.clock());
  ctx.logger.info({ surface: 'feedback', user: body.user.id, rating: value }, 'answer rated');
  const thanks = value === 1 ? 'Thanks: noted that this answer helped.' : 'Thanks: noted that this answer did not help. The ratings are shown with `/designation sources`.';
  await respond({ response_type: 'ephemeral', replace_original: false, text: thanks });
}
