import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { ADD_ARTICLE, ALL_ACTIONS, COMMAND, HOME_ACTIONS, LOOKUP, SHORTCUTS, VIEWS } from '../render/slackIds.js';
import type { SlackContext } from './context.js';
import { orWithout } from './databaseFailure.js';
import { isSlackUrl } from './outbound.js';
import { kindOf, surfaceOf } from './surface.js';

/** Drops an Events API delivery whose event_id was already handled (Slack's retries). */
export function dropRetries(ctx: SlackContext): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    const surface = surfaceOf(body as Fields);
    // Without the database a retry may be answered twice, which is better than not answering.
    if (typeof eventId === 'string' && !(await orWithout(ctx, surface, () => ctx.store.seenEvents.firstTime(eventId), true))) {
      ctx.logger.info({ eventId }, 'ignored a retried event already handled');
      ctx.metrics.requests.inc({ surface, outcome: 'duplicate' });
      return;
    }
    await next();
  };
}

/** Counts each request the listeners take, by surface, as handled or failed (a listener threw). */
export function countRequests(ctx: SlackContext): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const surface = surfaceOf(body as Fields);
    try {
      await next();
    } catch (error) {
      ctx.metrics.requests.inc({ surface, outcome: 'failed' });
      throw error;
    }
    ctx.metrics.requests.inc({ surface, outcome: 'handled' });
  };
}

type Fields = Record<string, unknown>;
const text = (value: unknown) => typeof value === 'string';
const id = (value: unknown) => typeof value === 'string' && value.length > 0;
const object = (value: unknown) => typeof value === 'object' && value !== null;

/** The first of the fields that fails its check, as a problem, or null. */
function need(fields: Fields, checks: Record<string, (v: unknown) => boolean>, prefix = ''): string | null {
  const bad = Object.entries(checks).find(([name, ok]) => !ok(fields[name]));
  return bad ? `${prefix}${bad[0]} is missing or not valid` : null;
}

/**
 * What a button or picker that does not reply through its message's response_url needs: the lookup
 * modal's channel picker, and the article modal's "More room" button and Link field, update their
 * modal; a button in the App Home answers in the DM.
 */
const ANSWERED_IN: Record<string, (body: Fields) => string | null> = {
  [LOOKUP.shareAction]: (body) => need((body.view ?? {}) as Fields, { id, private_metadata: text }, 'view.'),
  [ADD_ARTICLE.moreTextAction]: (body) => need((body.view ?? {}) as Fields, { id, state: object }, 'view.'),
  [ADD_ARTICLE.urlBlock]: (body) => need((body.view ?? {}) as Fields, { id, state: object }, 'view.'),
  [HOME_ACTIONS.reask]: () => null,
};

/**
 * What a request lacks that its listener needs, or null. Slack always sends these; a request
 * without them (or with a response_url that is not Slack's) is not one Slack sent as it should.
 */
export function missingField(body: Fields, origins: string[]): string | null {
  const slackUrl = (value: unknown) => isSlackUrl(value, origins);
  if (body.command !== undefined) return need(body, { command: id, user_id: id, channel_id: id, text, response_url: slackUrl });
  if (body.actions !== undefined) {
    const action = (body.actions as Fields[])[0] ?? {};
    const where = (ANSWERED_IN[String(action.action_id)] ?? ((b: Fields) => need(b, { response_url: slackUrl })))(body);
    return where ?? need((body.user ?? {}) as Fields, { id }, 'user.') ?? need(action, { action_id: id }, 'actions[0].');
  }
  if (body.type === 'shortcut' || body.type === 'message_action') return need(body, { trigger_id: id });
  if (body.type === 'view_submission')
    return need((body.user ?? {}) as Fields, { id }, 'user.') ?? need((((body.view ?? {}) as Fields).state as Fields) ?? {}, { values: object }, 'view.state.');
  const event = body.event as Fields | undefined;
  if (event === undefined) return null;
  if (event.type === 'message' || event.type === 'app_mention') {
    return need(event, { channel: id, ts: id, ...(event.text !== undefined || event.type === 'app_mention' ? { text } : {}) }, 'event.');
  }
  if (event.type === 'app_home_opened') return need(event, { user: id }, 'event.');
  return need(event, { type: id }, 'event.');
}

const KNOWN_ACTIONS = new Set(ALL_ACTIONS);
const KNOWN_SHORTCUTS = new Set<string>(SHORTCUTS.map((s) => s.callbackId));
const KNOWN_VIEWS = new Set(VIEWS);

/**
 * What no listener here answers: another command, a button, shortcut or view the bot did not
 * make. Acknowledged at once, so Slack is not kept waiting for its 3-second timeout.
 */
function unanswered(body: Fields): string | null {
  if (body.command !== undefined) return body.command === COMMAND ? null : `the command ${String(body.command)} is not this app's`;
  if (body.actions !== undefined) {
    const action = String((body.actions as Fields[])[0]?.action_id);
    return KNOWN_ACTIONS.has(action) ? null : `the action ${action} is not one of this app's buttons`;
  }
  if (body.type === 'shortcut' || body.type === 'message_action')
    return KNOWN_SHORTCUTS.has(String(body.callback_id)) ? null : `the shortcut ${String(body.callback_id)} is not this app's`;
  if (body.type === 'view_submission') {
    const callbackId = (body.view as Fields | undefined)?.callback_id;
    return KNOWN_VIEWS.has(String(callbackId)) ? null : `the view ${String(callbackId)} is not this app's`;
  }
  return body.event === undefined ? `requests of type ${String(body.type)} are not handled` : null;
}

/**
 * Refuses a request its listener could not answer, with a message: the person who typed a
 * command sees what was wrong, and the log says so. A request no listener answers is
 * acknowledged at once. Everything else goes on to the listeners.
 */
export function refuseUnanswerable(ctx: SlackContext, origins: string[]): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as Fields;
    const problem = unanswered(body) ?? missingField(body, origins);
    if (problem === null) return args.next();
    ctx.logger.warn({ problem }, 'refused a Slack request this app does not answer');
    // By kind only: the ids of a request refused are not the app's, and would make a label per request.
    ctx.metrics.requests.inc({ surface: kindOf(body), outcome: 'refused' });
    if (!('ack' in args) || typeof args.ack !== 'function') return;
    const ack = args.ack as (response?: object) => Promise<void>;
    if (body.command !== undefined) await ack({ response_type: 'ephemeral', text: `This request could not be answered: ${problem}.` });
    else await ack();
  };
}
