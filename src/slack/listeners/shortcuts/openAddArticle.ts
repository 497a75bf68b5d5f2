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

/**
 * Opens the "Add an article" modal filled with `fields`, or, for someone who is not an editor, a
 * modal that says whom to ask. Returns the form's view (id and hash) when it opened for an editor.
 */
export async function openAddModal(
  client: WebClient,
  triggerId: string,
  userId: string,
  team: string,
  fields: ArticleFields,
  ctx: SlackContext,
): Promise<{ id: string; hash: string } | null> {
  const editor = await ctx.editors.include(userId, team, client);
  if (!editor) ctx.logger.info({ surface: 'add-article', user: userId }, 'refused to add an article: not an editor');
  const view = editor ? renderAddArticleView(fields) : renderRefusalView(refusal(ctx));
  const opened = await openModal({ client, triggerId, userId, view, name: 'Add an article' }, ctx);
  return editor ? opened : null;
}

/** "Add an article" from Slack's shortcuts menu: an empty modal. */
export async function onAddArticleShortcut(
  { ack, shortcut, client, context }: SlackShortcutMiddlewareArgs & AllMiddlewareArgs,
  ctx: SlackContext,
): Promise<void> {
  await ack();
  await openAddModal(client, shortcut.trigger_id, shortcut.user.id, teamOf(context), EMPTY, ctx);
}
