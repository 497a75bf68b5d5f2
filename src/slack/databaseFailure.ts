import { DatabaseError } from '../store/sql.js';
import type { SlackContext } from './context.js';

/**
 * What a person is told when the database could not keep what they did: to try again later
 * when it is not answering, or to tell whoever runs the bot when it cannot be written at all.
 */
export function notSaved(error: unknown): string {
  return isReadOnly(error)
    ? 'I could not save that: the database is read-only, and waiting will not change that. Nothing was changed; please tell whoever runs the bot.'
    : 'I could not save that: the database is not answering. Nothing was changed; please try again in a few minutes.';
}

/** Whether a failure is a database's that answers but cannot be written: waiting will not help. */
export function isReadOnly(error: unknown): boolean {
  return databaseErrorOf(error)?.readOnly === true;
}

/** The database's failure, thrown by the store or wrapped by Bolt around it; null for any other failure. */
function databaseErrorOf(error: unknown): DatabaseError | null {
  if (error instanceof DatabaseError) return error;
  const original = (error as { original?: unknown } | null)?.original;
  return original instanceof DatabaseError ? original : null;
}

/** Whether a failure is the database's, thrown by the store or wrapped by Bolt around it. */
export function isDatabaseError(error: unknown): error is Error {
  return databaseErrorOf(error) !== null;
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
