/**
 * The promise's value, or null when it has not settled within `ms`: for a Web API call whose answer
 * is worth waiting for only so long (Slack wants a modal opened within 3 seconds). A rejection
 * within the time is passed on.
 */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), ms).unref());
  return Promise.race([promise, timeout]);
}
