import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { ADD_ARTICLE, LOOKUP, SHORTCUTS } from '../../../render/slackIds.js';
import type { SlackContext } from '../../context.js';
import { onAddFromMessage } from './addFromMessage.js';
import { onAddArticleShortcut } from './openAddArticle.js';
import { onLookupShortcut } from './openLookup.js';

type ShortcutArgs = SlackShortcutMiddlewareArgs & AllMiddlewareArgs;

/** Every shortcut callback id of the app's, in one pattern: one listener for all. */
export const OUR_SHORTCUTS = new RegExp(`^(?:${SHORTCUTS.map((s) => s.callbackId).join('|')})$`);

const HANDLERS: Record<string, (args: ShortcutArgs, ctx: SlackContext) => Promise<void>> = {
  [LOOKUP.shortcut]: onLookupShortcut,
  [ADD_ARTICLE.globalShortcut]: onAddArticleShortcut,
  [ADD_ARTICLE.messageShortcut]: (args, ctx) => onAddFromMessage(args as SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs, ctx),
};

/** A shortcut from Slack's menus, handed to its handler. */
export async function onShortcut(args: ShortcutArgs, ctx: SlackContext): Promise<void> {
  return HANDLERS[args.shortcut.callback_id]!(args, ctx);
}
