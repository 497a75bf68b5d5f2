import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.js';
import { OUR_SHORTCUTS, onShortcut } from './shortcut.js';

/** "Look up a designation" (global), "Add an article" (global) and "Add to Designation desk" (on a message): each opens a modal. */
export function register(app: App, ctx: SlackContext): void {
  app.shortcut(OUR_SHORTCUTS, (args) => onShortcut(args, ctx));
}
