import { randomBytes } from 'node:crypto';
import type { SqlDatabase } from './sql.js';

/**
 * The states of OAuth installs in progress: each handed to Slack once and taken back once.
 * Kept in the database, so that any process may finish an install another began, and a state
 * that was used or has expired installs nothing.
 */
export class OAuthStates {
  constructor(private readonly db: SqlDatabase) {}

  /** A new state for `installOptions` (stored as JSON), valid until `expiresAt`; expired states are forgotten. */
  async issue(installOptions: object, now: Date, expiresAt: Date): Promise<string> {
    const state = randomBytes(24).toString('base64url');
    await this.db.run('DELETE FROM oauth_states WHERE expires_at <= ?', [now.toISOString()]);
    await this.db.run('INSERT INTO oauth_states (state, install_options, expires_at) VALUES (?, ?, ?)', [
      state,
      JSON.stringify(installOptions),
      expiresAt.toISOString(),
    ]);
    return state;
  }

  /** The install options of a state that has not expired, taking it: a second use finds nothing. Null for an unknown, used or expired state. */
  async take(state: string, now: Date): Promise<unknown> {
    const row = await this.db.get<{ install_options: string }>('DELETE FROM oauth_states WHERE state = ? AND expires_at > ? RETURNING install_options', [
      state,
      now.toISOString(),
    ]);
    return row === undefined ? null : (JSON.parse(row.install_options) as unknown);
  }
}
