import type { AllMiddlewareArgs, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ArticleFields } from '../../../knowledge/addedArticle.js';
import { renderAddArticleView, renderRefusalView } from '../../../render/addArticleView.js';
import { teamOf, type SlackContext } from '../../context.js';
import { openModal } from '../../openModal.js';

const EMPTY: ArticleFields = { title: '', outlet: '', url: '', published: '', text: '' };

/** Why the person may not add articles, in mrkdwn: with whom to ask, when anyone can. */
function refusal(ctx: SlackContext): string {
  const contact = ctx.editors.contact();
  return contact === null
    ? 'Nobody can add articles from Slack here yet: whoever runs the bot lists the editors in KNOWLEDGE_EDITORS.'
    : `Only the editors of the knowledge base can add articles. Ask ${contact} to add this one.`;
}

/** Opens the "Add an article" modal filled with `fields`, or, for someone who is not an editor, a modal that says whom to ask. */
export async function openAddModal(
  client: WebClient,
  triggerId: string,
  userId: string,
  team: string,
  fields: ArticleFields,
  ctx: SlackContext,
): Promise<void> {
  const editor = await ctx.editors.include(userId, team, client);
  if (!editor) ctx.logger.info({ surface: 'add-article', user: userId }, 'refused to add an article: not an editor');
  await openModal(client, triggerId, userId, editor ? renderAddArticleView(fields) : renderRefusalView(refusal(ctx)), 'Add an article', ctx);
}

/** "Add an article" from Slack's shortcuts menu: an empty modal. */
export async function onAddArticleShortcut(
  { ack, shortcut, client, context }: SlackShortcutMiddlewareArgs & AllMiddlewareArgs,
  ctx: SlackContext,
): Promise<void> {
  await ack();
  await openAddModal(client, shortcut.trigger_id, shortcut.user.id, teamOf(context), EMPTY, ctx);
}
