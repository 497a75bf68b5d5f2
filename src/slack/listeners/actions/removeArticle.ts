import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ADDED_PATH, removeAddedArticle } from '../../../knowledge/addedArticle.js';
import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import { teamOf, type SlackContext } from '../../context.js';
import { databaseFailed, NOT_SAVED } from '../../databaseFailure.js';

/**
 * "Remove" under the confirmation of an added article: an editor who added it deletes the file
 * (the watcher drops it from the knowledge base), the ledger notes when, and the confirmation
 * says so. Anyone else is told why not, and the article stays.
 */
type RemoveArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

export async function onRemoveArticle(args: RemoveArgs, ctx: SlackContext): Promise<void> {
  const { ack, action, respond } = args;
  await ack();
  const path = action.value ?? '';
  const say = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
  try {
    await remove(path, say, args, ctx);
  } catch (error) {
    databaseFailed(ctx, 'add-article', error);
    await say(NOT_SAVED);
  }
}

async function remove(path: string, say: (text: string) => Promise<unknown>, { body, client, respond, context }: RemoveArgs, ctx: SlackContext): Promise<void> {
  const added = ADDED_PATH.test(path) ? await ctx.store.added.get(path) : null;
  if (added === null) return void (await say('That article was not added from Slack, so it cannot be removed from here.'));
  if (added.removedAt !== null) return void (await say(`That article was already removed, ${added.removedAt.slice(0, 10)}.`));
  const user = body.user.id;
  if (added.userId !== user || !(await ctx.editors.include(user, teamOf(context), client))) {
    return void (await say(`Only <@${added.userId}>, who added it, can remove it (while an editor).`));
  }
  // Noted first: an article whose removal cannot be noted stays, and can be removed again later.
  await ctx.store.added.markRemoved(path, ctx.clock());
  const existed = await removeAddedArticle(ctx.knowledgeDir, path);
  ctx.logger.info({ surface: 'add-article', user, path, existed }, 'article added from Slack removed');
  await respond({ replace_original: true, text: `Removed “${escapeMrkdwn(added.title)}” (\`${escapeMrkdwn(path)}\`) from the knowledge base.` });
}
