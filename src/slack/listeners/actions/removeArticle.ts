import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ADDED_PATH, removeAddedArticle } from '../../../knowledge/addedArticle.js';
import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import { teamOf, type SlackContext } from '../../context.js';

/**
 * "Remove" under the confirmation of an added article: an editor who added it deletes the file
 * (the watcher drops it from the knowledge base), the ledger notes when, and the confirmation
 * says so. Anyone else is told why not, and the article stays.
 */
export async function onRemoveArticle(
  { ack, action, body, client, respond, context }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs,
  ctx: SlackContext,
): Promise<void> {
  await ack();
  const path = action.value ?? '';
  const added = ADDED_PATH.test(path) ? ctx.store.added.get(path) : null;
  const say = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
  if (added === null) return void (await say('That article was not added from Slack, so it cannot be removed from here.'));
  if (added.removedAt !== null) return void (await say(`That article was already removed, ${added.removedAt.slice(0, 10)}.`));
  const user = body.user.id;
  if (added.userId !== user || !(await ctx.editors.include(user, teamOf(context), client))) {
    return void (await say(`Only <@${added.userId}>, who added it, can remove it (while an editor).`));
  }
  const existed = await removeAddedArticle(ctx.knowledgeDir, path);
  ctx.store.added.markRemoved(path, ctx.clock());
  ctx.logger.info({ surface: 'add-article', user, path, existed }, 'article added from Slack removed');
  await respond({ replace_original: true, text: `Removed “${escapeMrkdwn(added.title)}” (\`${escapeMrkdwn(path)}\`) from the knowledge base.` });
}
