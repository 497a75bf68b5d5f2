import type { SqlDatabase } from './sql.js';

/** Which install a request belongs to: a workspace's, or an organisation-wide one. */
export interface InstallKey {
  teamId: string | undefined;
  enterpriseId: string | undefined;
  /** An org-wide install, found by its enterprise id alone. */
  isEnterpriseInstall: boolean;
}

const keyOf = (k: InstallKey) => (k.isEnterpriseInstall ? `E:${k.enterpriseId ?? ''}` : `T:${k.teamId ?? ''}`);

/**
 * The app's installations in each workspace, as Slack's OAuth flow hands them over (tokens
 * included). Stored as the JSON Bolt gives, so that nothing here depends on Slack's types.
 */
export class Installations {
  constructor(private readonly db: SqlDatabase) {}

  async save(key: InstallKey, installation: object, now: Date): Promise<void> {
    await this.db.run(
      `INSERT INTO installations (install_key, team_id, enterprise_id, installation, installed_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (install_key) DO UPDATE SET installation = excluded.installation, installed_at = excluded.installed_at`,
      [keyOf(key), key.teamId ?? null, key.enterpriseId ?? null, JSON.stringify(installation), now.toISOString()],
    );
  }

  /** The installation, or null when the app is not installed there. */
  async find(key: InstallKey): Promise<unknown> {
    const row = await this.db.get<{ installation: string }>('SELECT installation FROM installations WHERE install_key = ?', [keyOf(key)]);
    return row === undefined ? null : (JSON.parse(row.installation) as unknown);
  }

  /** Forgets the installation; true when there was one. */
  async remove(key: InstallKey): Promise<boolean> {
    return (await this.db.run('DELETE FROM installations WHERE install_key = ?', [keyOf(key)])) > 0;
  }
}
