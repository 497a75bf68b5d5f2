import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.js';
import { onTokensRevoked } from './tokensRevoked.js';
import { onUninstalled } from './uninstalled.js';

export function register(app: App, ctx: SlackContext): void {
  app.event('app_uninstalled', (args) => onUninstalled(args, ctx));
  app.event('tokens_revoked', (args) => onTokensRevoked(args, ctx));
}
