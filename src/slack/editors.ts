import type { WebClient } from '@slack/web-api';
import { within } from './within.js';

/** A user group's members are asked of Slack again after this long. */
const GROUP_TTL_MS = 5 * 60_000;
/** A listing Slack has not sent in this long counts as failed: a modal must open within 3 seconds. */
const LIST_TIMEOUT_MS = 1500;

const isGroup = (id: string) => id.startsWith('S');

/**
 * Who may add and remove articles from Slack and sees the feedback reports (KNOWLEDGE_EDITORS):
 * user ids, and user groups whose members are read with usergroups.users.list, kept a few
 * minutes. Nobody, when the list is empty.
 */
export class Editors {
  private readonly members = new Map<string, { users: Set<string>; until: number }>();

  constructor(
    private readonly ids: readonly string[],
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Whether the person is an editor. A group Slack cannot list now counts as having no members. */
  async include(userId: string, teamId: string, client: WebClient): Promise<boolean> {
    if (this.ids.includes(userId)) return true;
    for (const group of this.ids.filter(isGroup)) {
      if ((await this.groupMembers(group, teamId, client)).has(userId)) return true;
    }
    return false;
  }

  /** Whom to ask, in mrkdwn: an editor by name, or the editors' group; null when nobody is. */
  contact(): string | null {
    const user = this.ids.find((id) => !isGroup(id));
    if (user !== undefined) return `<@${user}>`;
    const group = this.ids.find(isGroup);
    return group === undefined ? null : `a member of <!subteam^${group}>`;
  }

  private async groupMembers(group: string, teamId: string, client: WebClient): Promise<Set<string>> {
    const key = `${teamId}:${group}`;
    const now = this.clock().getTime();
    const kept = this.members.get(key);
    if (kept && kept.until > now) return kept.users;
    const listed = await within(client.usergroups.users.list({ usergroup: group }), LIST_TIMEOUT_MS).catch(() => null);
    // Not kept when Slack did not say: the next request asks again.
    if (listed === null) return new Set();
    const users = new Set(listed.users ?? []);
    this.members.set(key, { users, until: now + GROUP_TTL_MS });
    return users;
  }
}
