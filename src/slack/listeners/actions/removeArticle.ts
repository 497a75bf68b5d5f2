import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ADDED_PATH, removeAddedArticle } from '../../../knowledge/addedArticle.js';
import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import { teamOf, type SlackContext } from '../../context.js';
import { databaseFailed, isReadOnly, notSaved } from '../../databaseFailure.js';

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
    await say(notSaved(error));
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
  let existed: boolean;
  try {
    existed = await removeAddedArticle(ctx.knowledgeDir, path);
  } catch (error) {
    ctx.logger.error({ surface: 'add-article', user, path, err: error }, 'could not delete an article added from Slack');
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return void (await say(`The file could not be deleted (${code}); the article stays. Try again, or tell whoever runs the bot.`));
  }
  // The file is gone first: should the database not answer now, Remove again notes it (the file is already gone then).
  try {
    await ctx.store.added.markRemoved(path, ctx.clock());
  } catch (error) {
    databaseFailed(ctx, 'add-article', error);
    const later = isReadOnly(error) ? 'the database is read-only: tell whoever runs the bot' : 'the database is not answering: press Remove again later';
    return void (await say(`Removed from the knowledge base, but the removal is not noted yet: ${later}.`));
  }
  ctx.logger.info({ surface: 'add-article', user, path, existed }, 'article added from Slack removed');
  await respond({ replace_original: true, text: `Removed “${escapeMrkdwn(added.title)}” (\`${escapeMrkdwn(path)}\`) from the knowledge base.` });
}
