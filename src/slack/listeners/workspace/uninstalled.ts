import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { teamOf, type SlackContext } from '../../context.js';

type UninstallArgs = SlackEventMiddlewareArgs<'app_uninstalled'> & AllMiddlewareArgs;

/** Forgets a workspace's installation (its tokens); its subscriptions stay, paused at their next digest, and resume when the app is installed again. */
export function forget(ctx: SlackContext, context: AllMiddlewareArgs['context'], why: string): void {
  const key = { teamId: context.teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall: context.isEnterpriseInstall === true };
  const removed = ctx.store.installations.remove(key);
  ctx.logger.info({ surface: 'workspace', team: teamOf(context), removed }, why);
}

/** The app was uninstalled from a workspace. */
export async function onUninstalled({ context }: UninstallArgs, ctx: SlackContext): Promise<void> {
  forget(ctx, context, 'the app was uninstalled: its installation is deleted');
}
