import type { App } from '@slack/bolt';
import { FEEDBACK } from '../../../render/slackIds.js';
import type { SlackContext } from '../../context.js';
import { onFeedbackSubmit } from './submitFeedback.js';

export function register(app: App, ctx: SlackContext): void {
  app.view(FEEDBACK.view, (args) => onFeedbackSubmit(args, ctx));
}
