import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { teamOf, type SlackContext } from '../../context.js';
import { forgetInstallation } from '../../installationStore.js';

/** Tokens were revoked: when the bot's are among them, the installation cannot be used again, and is deleted. */
export async function onTokensRevoked({ event, context }: SlackEventMiddlewareArgs<'tokens_revoked'> & AllMiddlewareArgs, ctx: SlackContext): Promise<void> {
  if ((event.tokens?.bot ?? []).length === 0) return;
  const removed = await forgetInstallation(ctx.store, context);
  ctx.logger.info({ surface: 'workspace', team: teamOf(context), removed }, "the bot's tokens were revoked: the installation is deleted");
}
