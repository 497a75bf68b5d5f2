import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiverOptions, InstallURLOptions, StateStore } from '@slack/bolt';
import type { Logger } from 'pino';
import { installFailurePage, type InstallFailure } from '../render/installPages.js';
import type { Store } from '../store/store.js';
import { isDatabaseError } from './databaseFailure.js';
import { IncompleteInstallError } from './installationStore.js';
import { codeOf } from './webApiError.js';

/** How long an install link works: Bolt's state cookie lasts as long. */
export const STATE_LIFETIME_SECONDS = 600;

/** @slack/oauth's code for a state it could not verify (`ErrorCode.InvalidStateError`): the flow shows it as an expired link. */
const INVALID_STATE = 'slack_oauth_invalid_state';

/** Thrown for a state that is unknown, used or expired, with the code Bolt's installer gives its own. */
class InvalidStateError extends Error {
  readonly code = INVALID_STATE;
}

/**
 * Bolt's state store over the database: each state is a random token that installs once, within
 * its lifetime (Bolt's default store signs the state, and a signed state can be replayed).
 */
export function databaseStateStore(store: Store, lifetimeSeconds = STATE_LIFETIME_SECONDS): StateStore {
  return {
    generateStateParam: (installOptions: InstallURLOptions, now: Date) =>
      store.oauthStates.issue(installOptions, now, new Date(now.getTime() + lifetimeSeconds * 1000)),
    async verifyStateParam(now: Date, state: string) {
      const options = await store.oauthStates.take(state, now);
      if (options === null) throw new InvalidStateError('the install link is unknown, was used already, or has expired');
      return options as InstallURLOptions;
    },
  };
}

/** @slack/oauth's codes (`ErrorCode`) for an install that did not finish, by what the person is told. */
const FAILURES: Record<string, InstallFailure> = {
  slack_oauth_installer_authorization_error: 'cancelled',
  slack_oauth_missing_state: 'expired',
  [INVALID_STATE]: 'expired',
};

/** What became of a failed install, from the error the installer hands its failure callback. */
function failureOf(error: Error & { code?: string }): InstallFailure {
  const code = error.code ?? '';
  if (error instanceof IncompleteInstallError) return 'incomplete';
  if (isDatabaseError(error)) return 'database';
  return FAILURES[code] ?? 'slack';
}

/** The installer's answer to an install that did not finish: a page that says what happened and how to try again. */
export function installCallbacks(logger: Logger): NonNullable<NonNullable<HTTPReceiverOptions['installerOptions']>['callbackOptions']> {
  return {
    failure: (error: Error & { code?: string }, _options: InstallURLOptions, _req: IncomingMessage, res: ServerResponse) => {
      const failure = failureOf(error);
      logger[failure === 'cancelled' ? 'info' : 'warn']({ surface: 'install', failure, code: error.code, err: error }, 'an install did not finish');
      const page = installFailurePage(failure, failure === 'cancelled' ? '' : codeOf(error));
      res.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page.html);
    },
  };
}
