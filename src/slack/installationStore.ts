import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Store } from '../store/store.js';

const keyOf = (q: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined }) => ({
  teamId: q.teamId,
  enterpriseId: q.enterpriseId,
  isEnterpriseInstall: q.isEnterpriseInstall === true,
});

/** Slack's answer to an install lacked what the bot needs to work there: nothing is stored. */
export class IncompleteInstallError extends Error {
  readonly code = 'incomplete_installation';
}

/** What an installation lacks to be of use, or null: the bot's token, and the workspace (or organisation) it is for. */
function missingPart(installation: Installation): string | null {
  if (!installation.bot?.token) return 'the bot token';
  if (installation.isEnterpriseInstall ? !installation.enterprise?.id : !installation.team?.id) return 'the workspace';
  return null;
}

/**
 * Bolt's InstallationStore over the database: one installation per workspace (or per organisation,
 * for an org-wide install). An installation without a bot token or a workspace is refused.
 */
export function databaseInstallationStore(store: Store, clock: () => Date = () => new Date()): InstallationStore {
  return {
    async storeInstallation(installation) {
      const missing = missingPart(installation);
      if (missing !== null) throw new IncompleteInstallError(`Slack's answer to the install lacked ${missing}; nothing was stored`);
      const key = keyOf({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall });
      await store.installations.save(key, installation, clock());
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const found = await store.installations.find(keyOf(query));
      if (found === null)
        throw new Error(`the app is not installed in ${query.isEnterpriseInstall ? `organisation ${query.enterpriseId}` : `workspace ${query.teamId}`}`);
      return found as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await store.installations.remove(keyOf(query));
    },
  };
}

/**
 * The bot token of a workspace's installation, or null when the app is not installed there.
 * Installs are per workspace: the manifest does not enable org-wide deployment.
 */
export async function installedBotToken(store: Store, teamId: string): Promise<string | null> {
  const found = (await store.installations.find({ teamId, enterpriseId: undefined, isEnterpriseInstall: false })) as Installation | null;
  return found?.bot?.token ?? null;
}

/** Forgets the installation a request came from; true when there was one. */
export function forgetInstallation(store: Store, context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }): Promise<boolean> {
  return store.installations.remove(keyOf(context));
}
