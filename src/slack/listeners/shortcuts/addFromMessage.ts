import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { teamOf, type SlackContext } from '../../context.js';
import { fieldsFromMessage } from '../../messageArticle.js';
import { openAddModal } from './openAddArticle.js';

/** "Add to Designation desk" on a message: the modal filled from the message, its link and its unfurls. */
export async function onAddFromMessage(
  { ack, shortcut, client, context }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs,
  ctx: SlackContext,
): Promise<void> {
  await ack();
  await openAddModal(client, shortcut.trigger_id, shortcut.user.id, teamOf(context), fieldsFromMessage(shortcut.message ?? {}), ctx);
}
