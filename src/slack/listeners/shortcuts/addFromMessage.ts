import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { teamOf, type SlackContext } from '../../context.js';
import { renderAddArticleView } from '../../../render/addArticleView.js';
import { fieldsFromLink } from '../../articleFromLink.js';
import { fieldsFromMessage } from '../../messageArticle.js';
import { openAddModal } from './openAddArticle.js';

/**
 * "Add to Designation desk" on a message: the modal filled from the message, its link and its
 * unfurls; then, when the message has a link, from the page itself (the modal opens first: the
 * trigger lasts three seconds, a page may take longer).
 */
export async function onAddFromMessage(
  { ack, shortcut, client, context }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs,
  ctx: SlackContext,
): Promise<void> {
  await ack();
  const fields = fieldsFromMessage(shortcut.message ?? {});
  const opened = await openAddModal(client, shortcut.trigger_id, shortcut.user.id, teamOf(context), fields, ctx);
  if (opened === null || !/^https?:\/\//.test(fields.url)) return;
  try {
    const filled = await fieldsFromLink(fields.url, fields, ctx);
    await client.views.update({ view_id: opened.id, hash: opened.hash, view: renderAddArticleView(filled) });
  } catch (error) {
    // The modal keeps what the message gave; the editor can still add it as it is.
    ctx.logger.warn({ surface: 'add-article', user: shortcut.user.id, err: error }, "a message's link could not fill the modal");
  }
}
