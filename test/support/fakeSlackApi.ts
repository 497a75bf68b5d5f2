/**
 * A local fake of Slack's Web API: a real HTTP server on 127.0.0.1 that records every call and answers with
 * scriptable responses. Hand `url` to Bolt as `clientOptions.slackApiUrl` (or to WebClient as `slackApiUrl`).
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  /** Web API method such as `chat.postMessage`, or `response_url:<id>` for posts to a {@link FakeSlackApi.responseUrl}. */
  method: string;
  /**
   * Decoded body: JSON bodies as sent; form bodies as strings, except JSON-valued fields (see JSON_FORM_FIELDS);
   * any other content type (e.g. multipart file uploads) as `{ raw }`.
   */
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
}

export interface FakeResponse {
  /** HTTP status, 200 unless given. */
  status?: number;
  headers?: Record<string, string>;
  body: object;
  /** For chat.postMessage: the message is delivered (shows in conversations.history) whatever the response says. */
  delivered?: boolean;
}

/** A fixed response, or a function of the call (may be async, e.g. to simulate a slow Slack). */
export type Responder = FakeResponse | ((call: RecordedCall) => FakeResponse | Promise<FakeResponse>);

export interface WaitOptions {
  /** Rejects after this long; default 2000 ms. */
  timeoutMs?: number;
  /** Only calls for which this returns true count. */
  where?: (call: RecordedCall) => boolean;
}

export interface FakeSlackApi {
  /** Base URL ending in `/api/`. */
  readonly url: string;
  /** Every call since start or the last reset(), in arrival order. */
  readonly calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /**
   * Resolves with the first call to `method` (matching `where`) since the last reset(), including calls that
   * arrived before waitForCall was called. A call counts as soon as it is recorded, before it is answered.
   */
  waitForCall(method: string, options?: WaitOptions): Promise<RecordedCall>;
  /** Answers every later call to `method` with `responder` (replacing the default). */
  respondWith(method: string, responder: Responder): void;
  /** Queues `responder` for the next call to `method` only; queued responses go before respondWith's. */
  respondOnce(method: string, responder: Responder): void;
  /** A URL on this server; posts to it are recorded with method `response_url:<id>`. */
  responseUrl(id: string): string;
  /** Forgets recorded calls and scripted responses. Message timestamps keep increasing. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * @slack/web-api sends form-encoded bodies and JSON-encodes every non-primitive argument; these are the fields a
 * bot passes as objects. Only these are decoded, so a free-text field such as `text: "[1]"` stays a string.
 */
const JSON_FORM_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata', 'unfurls', 'user_auth_blocks']);

const BOT = { user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'designation' } as const;

interface Waiter {
  method: string;
  where: ((call: RecordedCall) => boolean) | undefined;
  resolve: (call: RecordedCall) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export interface FakeSlackApiOptions {
  /** The time message timestamps are taken from; tests that set the bot's clock pass the same one. */
  clock: () => Date;
}

export async function startFakeSlackApi({ clock = () => new Date() }: Partial<FakeSlackApiOptions> = {}): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const persistent = new Map<string, Responder>();
  const queued = new Map<string, Responder[]>();
  const waiters = new Set<Waiter>();
  let tsCounter = 0;
  /** Messages chat.postMessage accepted, for conversations.history; kept across reset() like Slack would. */
  const posted: { channel: string; ts: string; text: unknown; metadata: unknown }[] = [];

  /** Slack-shaped message timestamps from the clock, strictly increasing. */
  let lastSecond = 0;
  const nextTs = (): string => {
    lastSecond = Math.max(lastSecond, Math.floor(clock().getTime() / 1000));
    return `${lastSecond}.${String(++tsCounter).padStart(6, '0')}`;
  };

  /** Puts a chat.postMessage body into the channel's history; returns its ts. */
  const deliver = (b: Record<string, unknown>): string => {
    const ts = nextTs();
    posted.push({ channel: String(b.channel), ts, text: b.text, metadata: b.metadata });
    return ts;
  };

  const defaultResponse = (call: RecordedCall): FakeResponse => {
    const b = call.body;
    switch (call.method) {
      case 'auth.test':
        return { body: { ok: true, url: 'https://fake.slack.test/', team: 'Test Team', ...BOT } };
      case 'chat.postMessage': {
        const ts = deliver(b);
        return {
          body: {
            ok: true,
            channel: b.channel,
            ts,
            message: { type: 'message', user: BOT.user_id, bot_id: BOT.bot_id, text: b.text, blocks: b.blocks, ts },
          },
        };
      }
      // Newest first, after `oldest`, `limit` a page (cursor: the offset); metadata only when asked for, as Slack does.
      case 'conversations.history': {
        const oldest = Number(b.oldest ?? 0);
        const limit = Number(b.limit ?? 100);
        const offset = Number(b.cursor ?? 0);
        const all = posted.filter((m) => m.channel === b.channel && Number(m.ts) > oldest).reverse();
        const messages = all.slice(offset, offset + limit).map((m) => ({
          type: 'message',
          user: BOT.user_id,
          bot_id: BOT.bot_id,
          ts: m.ts,
          text: m.text,
          ...(b.include_all_metadata === 'true' && m.metadata ? { metadata: m.metadata } : {}),
        }));
        const more = offset + limit < all.length;
        return { body: { ok: true, messages, has_more: more, response_metadata: { next_cursor: more ? String(offset + limit) : '' } } };
      }
      // Slack answers chat.postEphemeral with `message_ts`, not `ts`.
      case 'chat.postEphemeral':
        return { body: { ok: true, message_ts: nextTs() } };
      // chat.update echoes the ts of the message it updated.
      case 'chat.update':
        return { body: { ok: true, channel: b.channel, ts: b.ts, text: b.text } };
      case 'views.publish':
        return { body: { ok: true, view: { id: 'VHOME', type: 'home', ...asObject(b.view) } } };
      // A modal opened or updated comes back with its id and a new hash, as views.update needs them.
      case 'views.open':
        return { body: { ok: true, view: { id: 'VMODAL', hash: `${nextTs()}.hash`, ...asObject(b.view) } } };
      case 'views.update':
        return { body: { ok: true, view: { id: b.view_id ?? 'VMODAL', hash: `${nextTs()}.hash`, ...asObject(b.view) } } };
      case 'users.info': {
        const id = typeof b.user === 'string' ? b.user : 'U1';
        const name = `user-${id.toLowerCase()}`;
        return {
          body: {
            ok: true,
            user: {
              id,
              team_id: BOT.team_id,
              name,
              real_name: name,
              is_bot: false,
              tz: 'Europe/Berlin',
              tz_label: 'Central European Time',
              tz_offset: 3600,
              profile: { display_name: name, real_name: name },
            },
          },
        };
      }
      case 'conversations.info': {
        const id = typeof b.channel === 'string' ? b.channel : 'C1';
        const isIm = id.startsWith('D');
        return {
          body: {
            ok: true,
            channel: isIm ? { id, is_im: true, user: 'U1' } : { id, name: 'general', is_channel: true, is_private: false, is_im: false, is_member: true },
          },
        };
      }
      // Port 1 on localhost: nothing listens there, so a Socket Mode client fails to connect and retries.
      case 'apps.connections.open':
        return { body: { ok: true, url: 'ws://127.0.0.1:1/link' } };
      default:
        return { body: { ok: true } };
    }
  };

  const pickResponder = (method: string): Responder | undefined => {
    const queue = queued.get(method);
    if (queue !== undefined && queue.length > 0) return queue.shift();
    return persistent.get(method);
  };

  const record = (call: RecordedCall): void => {
    calls.push(call);
    for (const waiter of waiters) {
      if (waiter.method === call.method && (waiter.where?.(call) ?? true)) {
        clearTimeout(waiter.timer);
        waiters.delete(waiter);
        waiter.resolve(call);
      }
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = path.startsWith('/api/')
      ? path.slice('/api/'.length)
      : path.startsWith('/response/')
        ? `response_url:${decodeURIComponent(path.slice('/response/'.length))}`
        : undefined;
    if (method === undefined || method === '') {
      send(res, { status: 404, body: { ok: false, error: 'unknown_path' } });
      return;
    }
    const call: RecordedCall = { method, body: parseBody(await readBody(req), req.headers['content-type']), headers: req.headers };
    record(call);
    const responder = pickResponder(method);
    const response = responder === undefined ? defaultResponse(call) : typeof responder === 'function' ? await responder(call) : responder;
    if (response.delivered && method === 'chat.postMessage') deliver(call.body);
    send(res, response);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, { status: 500, body: { ok: false, error: `fake_slack_api: ${String(error)}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/api/`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    waitForCall: (method, { timeoutMs = 2000, where } = {}) => {
      const seen = calls.find((c) => c.method === method && (where?.(c) ?? true));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise<RecordedCall>((resolve, reject) => {
        const waiter: Waiter = {
          method,
          where,
          resolve,
          reject,
          timer: setTimeout(() => {
            waiters.delete(waiter);
            const got = calls.map((c) => c.method).join(', ') || 'none';
            reject(new Error(`no call to ${method} within ${timeoutMs} ms (calls so far: ${got})`));
          }, timeoutMs),
        };
        waiters.add(waiter);
      });
    },
    respondWith: (method, responder) => {
      persistent.set(method, responder);
    },
    respondOnce: (method, responder) => {
      queued.set(method, [...(queued.get(method) ?? []), responder]);
    },
    responseUrl: (id) => `${origin}/response/${encodeURIComponent(id)}`,
    reset: () => {
      calls.length = 0;
      persistent.clear();
      queued.clear();
    },
    close: async () => {
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error('fake Slack API closed'));
      }
      waiters.clear();
      // fetch keeps connections alive; without this close() would wait for them to time out.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.startsWith('application/json')) return asObject(JSON.parse(raw));
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    const body: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(raw)) {
      body[key] = JSON_FORM_FIELDS.has(key) ? tryJson(value) : value;
    }
    return body;
  }
  return { raw };
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function send(res: ServerResponse, { status = 200, headers = {}, body }: FakeResponse): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
