import type { AllMiddlewareArgs, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { renderLookupView } from '../../../render/lookupView.js';
import type { SlackContext } from '../../context.js';
import { openModal } from '../../openModal.js';

/** "Look up a designation" from Slack's shortcuts: a modal with an empty query field. */
export async function onLookupShortcut({ ack, shortcut, client }: SlackShortcutMiddlewareArgs & AllMiddlewareArgs, ctx: SlackContext): Promise<void> {
  await ack();
  await openModal(
    { client, triggerId: shortcut.trigger_id, userId: shortcut.user.id, view: renderLookupView({ query: '', answer: null }), name: 'Look up a designation' },
    ctx,
  );
}
