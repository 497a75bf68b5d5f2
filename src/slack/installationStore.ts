import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Store } from '../store/store.js';

const keyOf = (q: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined }) => ({
  teamId: q.teamId,
  enterpriseId: q.enterpriseId,
  isEnterpriseInstall: q.isEnterpriseInstall === true,
});

/** Bolt's InstallationStore over the database: one installation per workspace (or per organisation, for an org-wide install). */
export function databaseInstallationStore(store: Store, clock: () => Date = () => new Date()): InstallationStore {
  return {
    async storeInstallation(installation) {
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
