import type { AllMiddlewareArgs, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { renderLookupView } from '../../../render/lookupView.js';

/** "Look up a designation" from Slack's shortcuts: a modal with an empty query field. */
export async function onLookupShortcut({ ack, shortcut, client }: SlackShortcutMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
  await ack();
  await client.views.open({ trigger_id: shortcut.trigger_id, view: renderLookupView({ query: '', answer: null }) });
}
