import { DatabaseError } from '../store/sql.js';
import type { SlackContext } from './context.js';

/** What a person is told when the database could not keep what they did. */
export const NOT_SAVED = 'I could not save that: the database is not answering. Nothing was changed; please try again in a few minutes.';

/** Whether a failure is the database's, thrown by the store or wrapped by Bolt around it. */
export function isDatabaseError(error: unknown): error is Error {
  return error instanceof DatabaseError || (error as { original?: unknown } | null)?.original instanceof DatabaseError;
}

/** Logs and counts a database failure a listener lives with; any other failure is thrown again. */
export function databaseFailed(ctx: SlackContext, surface: string, error: unknown): void {
  if (!isDatabaseError(error)) throw error;
  ctx.metrics.databaseErrors.inc();
  ctx.logger.error({ surface, err: error }, 'the database failed; the request is answered without it');
}

/**
 * A store call an answer can do without: when the database fails, the failure is logged and
 * counted and `fallback` is used, so that questions are still answered from memory.
 */
export async function orWithout<T>(ctx: SlackContext, surface: string, call: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await call();
  } catch (error) {
    databaseFailed(ctx, surface, error);
    return fallback;
  }
}
