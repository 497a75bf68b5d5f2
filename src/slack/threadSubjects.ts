/**
 * What each thread the bot answered is about, so that a follow-up such as "when was the
 * ruling?" keeps the thread's subject. Bounded: the oldest threads are forgotten first.
 */
export class ThreadSubjects {
  private readonly subjects = new Map<string, string[]>();

  constructor(private readonly capacity = 10_000) {}

  remember(channel: string, threadTs: string, subjects: string[]): void {
    const key = `${channel}:${threadTs}`;
    const merged = [...new Set([...(this.subjects.get(key) ?? []), ...subjects])];
    this.subjects.delete(key);
    this.subjects.set(key, merged);
    if (this.subjects.size > this.capacity) this.subjects.delete(this.subjects.keys().next().value!);
  }

  /** The thread's subjects, or undefined when the bot has not answered in that thread. */
  of(channel: string, threadTs: string): string[] | undefined {
    return this.subjects.get(`${channel}:${threadTs}`);
  }
}

/**
 * Event ids already handled, so that a delivery Slack retries (same `event_id`) is answered once.
 * Bounded by count; Slack retries within minutes.
 */
export class SeenEvents {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 50_000) {}

  /** True the first time an id is offered, false after. */
  firstTime(eventId: string): boolean {
    if (this.seen.has(eventId)) return false;
    this.seen.add(eventId);
    if (this.seen.size > this.capacity) this.seen.delete(this.seen.values().next().value!);
    return true;
  }
}
