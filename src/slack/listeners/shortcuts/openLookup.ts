import type { AllMiddlewareArgs, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { renderLookupView } from '../../../render/lookupView.js';
import type { SlackContext } from '../../context.js';
import { openModal } from '../../openModal.js';

/** "Look up a designation" from Slack's shortcuts: a modal with an empty query field. */
export async function onLookupShortcut({ ack, shortcut, client }: SlackShortcutMiddlewareArgs & AllMiddlewareArgs, ctx: SlackContext): Promise<void> {
  await ack();
  await openModal(client, shortcut.trigger_id, shortcut.user.id, renderLookupView({ query: '', answer: null }), 'Look up a designation', ctx);
}
