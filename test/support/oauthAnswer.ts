import { BOT_SCOPES } from '../../src/render/slackIds.js';
import type { RecordedCall } from './fakeSlackApi.js';

/**
 * Slack's answer to `oauth.v2.access` for the code it handed back (`code-T1` for workspace T1):
 * each workspace gets a token of its own. The fields in `leave` are taken out, as an incomplete
 * answer would lack them.
 */
export function tokenAnswer(leave: string[] = []) {
  return (call: Pick<RecordedCall, 'body'>) => {
    const team = String(call.body.code).replace('code-', '');
    const body: Record<string, unknown> = {
      ok: true,
      app_id: 'A1',
      authed_user: { id: `U${team}` },
      scope: BOT_SCOPES.join(','),
      token_type: 'bot',
      access_token: `xoxb-${team.toLowerCase()}-token`,
      bot_user_id: 'UBOT',
      team: { id: team, name: `Team ${team}` },
      enterprise: null,
      is_enterprise_install: false,
    };
    for (const field of leave) delete body[field];
    return { body };
  };
}
