import type { WebClient } from '@slack/web-api';

/** The user's IANA time zone from users.info, or null when Slack does not say in time. */
export async function timeZoneOf(client: WebClient, user: string): Promise<string | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 2000).unref());
  try {
    const info = await Promise.race([client.users.info({ user }), timeout]);
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
