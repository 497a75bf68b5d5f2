import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import { HTTPModuleFunctions, HTTPReceiver, isRawBodyError, type HTTPReceiverOptions } from '@slack/bolt';
import type { Logger } from 'pino';
import { installFailurePage } from '../render/installPages.js';

/** Where Slack sends events, commands and interactions. */
export const EVENTS_PATH = '/slack/events';

/** Slack signs with its clock; a timestamp further ahead than this is not one it sent. */
const MAX_FUTURE_SECONDS = 5 * 60;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fields of a body that Bolt reads into when present: objects, or (the second list) objects or null. */
const OBJECT_FIELDS = ['event', 'channel', 'user', 'view', 'container', 'message'];
const NULLABLE_OBJECT_FIELDS = ['team', 'enterprise'];

/**
 * What is wrong with the shape of a request body, or null when Bolt can read it. Bolt reads
 * properties of the body, its event and its payload without checking them: `null`, a list or a
 * string there would throw out of the receiver and stop the process.
 */
export function shapeProblem(raw: string, contentType: string | undefined): string | null {
  let body: unknown;
  if (contentType === 'application/x-www-form-urlencoded') {
    const form = parseForm(raw);
    const repeated = Object.keys(form).find((key) => Array.isArray(form[key]));
    if (repeated !== undefined) return `the field "${repeated}" is given more than once`;
    body = form.payload === undefined ? { ...form } : parseJson(String(form.payload));
    if (body === undefined) return 'the payload is not JSON';
  } else {
    body = parseJson(raw);
    if (body === undefined) return 'the body is not JSON';
  }
  if (!isObject(body)) return `the body is ${describe(body)}, not an object`;
  const wrong =
    OBJECT_FIELDS.find((field) => body[field] !== undefined && !isObject(body[field])) ??
    NULLABLE_OBJECT_FIELDS.find((field) => body[field] !== undefined && body[field] !== null && !isObject(body[field]));
  if (wrong !== undefined) return `"${wrong}" is ${describe(body[wrong])}, not an object`;
  const item = isObject(body.event) ? body.event.item : undefined;
  if (item !== undefined && !isObject(item)) return `"event.item" is ${describe(item)}, not an object`;
  if (!KINDS.some((kind) => kind(body))) return 'it is none of the requests Slack sends (no event, command, actions, view or shortcut)';
  for (const list of ['actions', 'authorizations']) {
    if (body[list] !== undefined && !(Array.isArray(body[list]) && body[list].every(isObject))) return `"${list}" is not a list of objects`;
  }
  return null;
}

/** The requests Slack sends, as Bolt tells them apart (its getTypeAndConversation), and its checks of the URL. */
const KINDS: ((body: Record<string, unknown>) => boolean)[] = [
  (b) => b.event !== undefined || b.command !== undefined || b.name !== undefined || b.actions !== undefined,
  (b) => ['block_suggestion', 'dialog_submission', 'shortcut', 'message_action', 'view_submission', 'view_closed', 'url_verification'].includes(String(b.type)),
  (b) => b.ssl_check === '1',
];

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const describe = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`);

/**
 * Bolt's HTTP receiver, with every request to the events path screened first: a body that is
 * too large (413), shaped so that Bolt could not read it (400), or signed with a timestamp from
 * the future (401) is refused before any listener runs, and nothing a request does can throw out
 * of the receiver. The install path is served here too, so that an install that cannot begin
 * (the database cannot keep its state) gets a page instead of no answer.
 */
export function guardedReceiver(options: HTTPReceiverOptions, logger: Logger): HTTPReceiver {
  const receiver = new HTTPReceiver({ ...options, endpoints: [EVENTS_PATH] });
  const bolt = receiver.requestListener;
  const bodyLimit = options.bodyLimit ?? HTTPModuleFunctions.defaultBodyLimit;
  const installPath = options.installerOptions?.installPath;
  receiver.requestListener = (req, res) => {
    if (req.method === 'GET' && receiver.installer && pathOf(req) === installPath) {
      receiver.installer
        .handleInstallPath(req, res, options.installerOptions?.installPathOptions, { scopes: options.scopes ?? [] })
        .catch((error: unknown) => failedInstallStart(error, res, logger));
      return;
    }
    if (req.method !== 'POST' || pathOf(req) !== EVENTS_PATH) return bolt(req, res);
    screen(req, res, bodyLimit, logger)
      .then((passed) => passed && bolt(req, res))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'a Slack request could not be handled');
        refuse(res, 500);
      });
  };
  return receiver;
}

/**
 * The page for an install that could not begin. Its one step that can fail is keeping the state
 * in the database (Bolt's installer hands the failure back as its own GenerateInstallUrlError).
 */
function failedInstallStart(error: unknown, res: ServerResponse, logger: Logger): void {
  logger.error({ surface: 'install', err: error }, 'an install could not begin: its state could not be kept');
  const page = installFailurePage('database', 'state_not_kept');
  if (res.headersSent) return void res.end();
  res.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page.html);
}

/** Reads the body (Bolt then reads the same buffer) and refuses what must not reach Bolt. */
async function screen(req: IncomingMessage, res: ServerResponse, bodyLimit: number | string, logger: Logger): Promise<boolean> {
  let raw: string;
  try {
    raw = (await HTTPModuleFunctions.bufferIncomingMessage(req, bodyLimit)).rawBody.toString('utf8');
  } catch (error) {
    const tooLarge = isRawBodyError(error) && (error as { statusCode: number }).statusCode === 413;
    logger.warn(
      { bytes: req.headers['content-length'] },
      tooLarge ? 'refused a Slack request: the body is too large' : 'refused a Slack request: the body could not be read',
    );
    refuse(res, tooLarge ? 413 : 400);
    return false;
  }
  const stamp = Number(req.headers['x-slack-request-timestamp']);
  // The wall clock, as Bolt's own check of stale timestamps uses.
  if (Number.isFinite(stamp) && stamp > Date.now() / 1000 + MAX_FUTURE_SECONDS) {
    logger.warn({ timestamp: stamp }, 'refused a Slack request: its timestamp is in the future');
    refuse(res, 401);
    return false;
  }
  const problem = shapeProblem(raw, req.headers['content-type']);
  if (problem !== null) {
    logger.warn({ problem }, 'refused a Slack request: the body is not one Slack sends');
    refuse(res, 400);
    return false;
  }
  return true;
}

function pathOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    return '';
  }
}

function refuse(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status);
  res.end();
}
