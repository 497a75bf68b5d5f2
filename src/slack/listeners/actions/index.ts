import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTIONS, renderBlocks, renderSources, renderTimeline } from '../../../render/blocks.js';
import { LOADING } from '../../replies.js';
import type { SlackContext } from '../../context.js';

/**
 * The buttons under an answer. Each carries the query, so it works minutes later from any
 * replica: the answer is rebuilt (it is deterministic) and sent through the action's response_url.
 */
export function register(app: App, ctx: SlackContext): void {
  const answerOf = (query: string) => {
    const kb = ctx.knowledge();
    return kb ? ctx.answers.get(kb, query) : null;
  };

  app.action<BlockButtonAction>(ACTIONS.fullTimeline, async ({ ack, action, respond }) => {
    await ack();
    const answer = answerOf(action.value ?? '');
    await respond({ response_type: 'ephemeral', replace_original: false, ...(answer ? renderTimeline(answer) : LOADING) });
  });

  app.action<BlockButtonAction>(ACTIONS.sources, async ({ ack, action, respond }) => {
    await ack();
    const answer = answerOf(action.value ?? '');
    await respond({ response_type: 'ephemeral', replace_original: false, ...(answer ? renderSources(answer) : LOADING) });
  });

  app.action<BlockButtonAction>(ACTIONS.share, async ({ ack, action, body, respond }) => {
    await ack();
    const answer = answerOf(action.value ?? '');
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
  });

  for (const [actionId, value] of [[ACTIONS.helpful, 1], [ACTIONS.notHelpful, -1]] as const) {
    app.action<BlockButtonAction>(actionId, async ({ ack, action, body, respond }) => {
      await ack();
      const query = action.value ?? '';
      ctx.store.feedback.record({ query, value, userId: body.user.id, channelId: body.channel?.id ?? null }, ctx.clock());
      ctx.logger.info({ surface: 'feedback', user: body.user.id, rating: value }, 'answer rated');
      const thanks = value === 1 ? 'Thanks: noted that this answer helped.' : 'Thanks: noted that this answer did not help. The ratings are shown with `/designation sources`.';
      await respond({ response_type: 'ephemeral', replace_original: false, text: thanks });
    });
  }
}
