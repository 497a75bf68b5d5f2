import type { WebClient } from '@slack/web-api';
import { within } from './within.js';

/** The user's IANA time zone from users.info, or null when Slack does not say in time. */
export async function timeZoneOf(client: WebClient, user: string): Promise<string | null> {
  try {
    const info = await within(client.users.info({ user }), 2000);
    const tz = info?.user?.tz;
    return tz && isTimeZone(tz) ? tz : null;
  } catch {
    return null;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
