import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackContext } from '../../context.js';
import { forget } from './uninstalled.js';

type RevokedArgs = SlackEventMiddlewareArgs<'tokens_revoked'> & AllMiddlewareArgs;

/** Tokens were revoked; when the bot's are among them, the installation cannot be used again. */
export async function onTokensRevoked({ event, context }: RevokedArgs, ctx: SlackContext): Promise<void> {
  if ((event.tokens?.bot ?? []).length === 0) return;
  forget(ctx, context, "the bot's tokens were revoked: the installation is deleted");
}
