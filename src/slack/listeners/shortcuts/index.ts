import type { App, BlockAction, ConversationsSelectAction } from '@slack/bolt';
import { LOOKUP } from '../../../render/slackIds.js';
import type { SlackContext } from '../../context.js';
import { onLookupShortcut } from './openLookup.js';
import { onLookupShare } from './shareLookup.js';
import { onLookupSubmit } from './submitLookup.js';

/** "Look up a designation", a global shortcut: a modal that answers, and shares the answer in a channel. */
export function register(app: App, ctx: SlackContext): void {
  app.shortcut(LOOKUP.shortcut, onLookupShortcut);
  app.view(LOOKUP.view, (args) => onLookupSubmit(args, ctx));
  app.action<BlockAction<ConversationsSelectAction>>(LOOKUP.shareAction, (args) => onLookupShare(args, ctx));
}
