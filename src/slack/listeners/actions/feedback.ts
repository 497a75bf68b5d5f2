import { renderFeedbackView } from '../../../render/feedbackView.js';
import { teamOf, type SlackContext } from '../../context.js';
import { databaseFailed, notSaved } from '../../databaseFailure.js';
import type { ButtonArgs } from './action.js';

/**
 * "Helpful" (1) or "Not helpful" (-1): the rating recorded at once. 👍 is thanked; 👎 opens a
 * modal asking why (the rating stands if it is closed unanswered), or, when Slack no longer
 * lets the modal open, is thanked too.
 */
export async function onFeedback(args: ButtonArgs, ctx: SlackContext, value: 1 | -1): Promise<void> {
  const { ack, action, body, respond, client } = args;
  await ack();
  const query = action.value ?? '';
  const channelId = body.channel?.id ?? null;
  const rating = { teamId: teamOf(args.context), query, value, userId: body.user.id, channelId };
  // The database's failure, or null once the rating is kept.
  const failure = ctx.store.feedback.record(rating, ctx.clock()).then(
    () => null,
    (error: unknown) => {
      databaseFailed(ctx, 'feedback', error);
      return error;
    },
  );
  // The modal opens while the rating is written: its trigger_id lasts 3 seconds, and the database may be slow.
  let opened = false;
  if (value === -1) {
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: renderFeedbackView({ query, channelId }) });
      opened = true;
    } catch (error) {
      ctx.logger.warn({ surface: 'feedback', err: error }, 'could not open the feedback modal');
    }
  }
  const failed = await failure;
  if (failed !== null) return void (await respond({ response_type: 'ephemeral', replace_original: false, text: notSaved(failed) }));
  ctx.logger.info({ surface: 'feedback', user: body.user.id, rating: value }, 'answer rated');
  if (opened) return;
  const thanks =
    value === 1 ? 'Thanks: noted that this answer helped.' : 'Thanks: noted that this answer did not help. The ratings are shown with `/designation sources`.';
  await respond({ response_type: 'ephemeral', replace_original: false, text: thanks });
}
