import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { teamOf, type SlackContext } from '../../context.js';
import { forgetInstallation } from '../../installationStore.js';

/**
 * The app was uninstalled from a workspace: its installation (its tokens) is deleted. Its
 * subscriptions stay; each is paused at its next digest, and subscribing again resumes it.
 */
export async function onUninstalled({ context }: SlackEventMiddlewareArgs<'app_uninstalled'> & AllMiddlewareArgs, ctx: SlackContext): Promise<void> {
  const removed = await forgetInstallation(ctx.store, context);
  ctx.logger.info({ surface: 'workspace', team: teamOf(context), removed }, 'the app was uninstalled: its installation is deleted');
}
