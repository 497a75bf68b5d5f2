import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { renderLookupView } from '../../../render/lookupView.js';
import { LOOKUP } from '../../../render/slackIds.js';
import { teamOf, type SlackContext } from '../../context.js';
import { slackTextToQuery } from '../../slackText.js';

/**
 * The modal's query submitted: the modal is replaced by one showing the answer (the
 * acknowledgement's `response_action: update`, which is views.update without a second call),
 * the query field kept for the next question. An empty query, or knowledge still loading, is
 * said on the field itself.
 */
export async function onLookupSubmit({ ack, view, body, context }: SlackViewMiddlewareArgs & AllMiddlewareArgs, ctx: SlackContext): Promise<void> {
  const typed = view.state.values[LOOKUP.queryBlock]?.[LOOKUP.queryAction]?.value ?? '';
  const query = slackTextToQuery(typed);
  const kb = ctx.knowledge();
  const problem = query === '' ? 'Type an entity or a question.' : kb === null ? 'The knowledge base is still loading; try again in a moment.' : null;
  if (problem !== null) {
    await ack({ response_action: 'errors', errors: { [LOOKUP.queryBlock]: problem } });
    return;
  }
  const answer = ctx.answers.get(kb!, query);
  ctx.store.asked.record(teamOf(context), answer.subjects, ctx.clock());
  await ack({ response_action: 'update', view: renderLookupView({ query, answer }) });
  ctx.logger.info({ surface: 'lookup', user: body.user.id }, 'answered a lookup');
}
