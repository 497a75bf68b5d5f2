import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.js';
import { OUR_VIEWS, onViewSubmission } from './view.js';

/** The submissions of the lookup, add-article and feedback modals. */
export function register(app: App, ctx: SlackContext): void {
  app.view(OUR_VIEWS, (args) => onViewSubmission(args, ctx));
}
