/**
 * Where a request came from, in a word a log reader can search for: the command, the event type,
 * the action, shortcut or view callback id.
 *
 * @example
 * surfaceOf({ command: '/designation' }) // 'command /designation'
 */
/** The kinds of request Slack sends, as `surfaceOf` begins. */
const KINDS = new Set(['command', 'event', 'action', 'shortcut', 'view']);

/** The kind of a request alone ("command", "event", ...; "other"), for a request refused before its id is known to be the app's. */
export function kindOf(body: Record<string, unknown>): string {
  const kind = surfaceOf(body).split(' ')[0]!;
  return KINDS.has(kind) ? kind : 'other';
}

export function surfaceOf(body: Record<string, unknown>): string {
  if (typeof body.command === 'string') return `command ${body.command}`;
  const event = body.event as { type?: unknown } | undefined;
  if (event !== undefined) return `event ${String(event.type)}`;
  const actions = body.actions as { action_id?: unknown }[] | undefined;
  if (actions !== undefined) return `action ${String(actions[0]?.action_id)}`;
  if (body.type === 'shortcut' || body.type === 'message_action') return `shortcut ${String(body.callback_id)}`;
  if (body.type === 'view_submission' || body.type === 'view_closed')
    return `view ${String((body.view as { callback_id?: unknown } | undefined)?.callback_id)}`;
  return String(body.type ?? 'unknown');
}
