/**
 * Requests shaped and signed as Slack sends them to an app's request URL. Default IDs match the fake Web API
 * (team T1, bot user UBOT); a human user is U1 and a public channel C1.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{rawBody}`, the value of `X-Slack-Signature`. */
export function signSlackRequest(secret: string, timestamp: number | string, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

const TRIGGER_ID = '1111111111.2222222222.abcdef0123456789abcdef0123456789';

let tsCounter = 0;
/** A fresh message timestamp in Slack's `seconds.micros` form. */
export function nextMessageTs(): string {
  return `${Math.floor(Date.now() / 1000)}.${String(++tsCounter % 1_000_000).padStart(6, '0')}`;
}

/** Random, so repeated runs against a persistent de-duplication store do not collide; pass one to test retries. */
function newEventId(): string {
  return `Ev${randomBytes(5).toString('hex').toUpperCase()}`;
}

/** Slash command fields; pass `undefined` for a field to leave it out of the body. */
export interface SlashCommandFields {
  token?: string;
  team_id?: string;
  team_domain?: string;
  channel_id?: string;
  channel_name?: string;
  user_id?: string;
  user_name?: string;
  command?: string;
  text?: string;
  api_app_id?: string;
  is_enterprise_install?: string;
  /** Required: point it at FakeSlackApi.responseUrl(id) so respond() is recorded instead of going to Slack. */
  response_url: string;
  trigger_id?: string;
}

/** Slack's field order; the defaults object alone would not fix it, since spreading appends the caller's new keys. */
const SLASH_COMMAND_FIELDS = [
  'token',
  'team_id',
  'team_domain',
  'channel_id',
  'channel_name',
  'user_id',
  'user_name',
  'command',
  'text',
  'api_app_id',
  'is_enterprise_install',
  'response_url',
  'trigger_id',
] as const satisfies ReadonlyArray<keyof SlashCommandFields>;

/** The form-encoded body of a slash command, fields in the order Slack sends them. */
export function slashCommandBody(fields: SlashCommandFields): string {
  const all: SlashCommandFields = {
    token: 'verification-token',
    team_id: 'T1',
    team_domain: 'testteam',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: 'U1',
    user_name: 'alice',
    command: '/designation',
    text: '',
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    trigger_id: TRIGGER_ID,
    ...fields,
  };
  const params = new URLSearchParams();
  for (const key of SLASH_COMMAND_FIELDS) {
    const value = all[key];
    if (value !== undefined) params.append(key, value);
  }
  return params.toString();
}

export interface EnvelopeOptions {
  /** Defaults to a random `Ev...` id; reuse one to simulate a redelivery. */
  event_id?: string;
  team_id?: string;
  api_app_id?: string;
}

export interface EventEnvelope {
  token: string;
  team_id: string;
  api_app_id: string;
  event: Record<string, unknown>;
  type: 'event_callback';
  event_id: string;
  event_time: number;
  authorizations: Array<{
    enterprise_id: null;
    team_id: string;
    user_id: string;
    is_bot: boolean;
    is_enterprise_install: boolean;
  }>;
  is_ext_shared_channel: boolean;
  event_context: string;
}

function envelope(event: Record<string, unknown>, { event_id, team_id = 'T1', api_app_id = 'A1' }: EnvelopeOptions): EventEnvelope {
  return {
    token: 'verification-token',
    team_id,
    api_app_id,
    event: { ...event, team: team_id },
    type: 'event_callback',
    event_id: event_id ?? newEventId(),
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(`${team_id}:${api_app_id}`).toString('base64url')}`,
  };
}

export interface MessageOptions extends EnvelopeOptions {
  /** The text as Slack delivers it: mentions are `<@U...>`, and an app_mention's text contains `<@UBOT>`. */
  text: string;
  user?: string;
  channel?: string;
  ts?: string;
  thread_ts?: string;
}

function messageFields({ text, user = 'U1', channel, ts = nextMessageTs(), thread_ts }: MessageOptions, defaultChannel: string) {
  return { user, text, ts, channel: channel ?? defaultChannel, event_ts: ts, ...(thread_ts === undefined ? {} : { thread_ts }) };
}

/** A `message` event in the bot's DM (`channel_type: 'im'`, channel D1 by default). */
export function messageImEvent(options: MessageOptions): EventEnvelope {
  return envelope({ type: 'message', channel_type: 'im', ...messageFields(options, 'D1') }, options);
}

/** An `app_mention` event (channel C1 by default). */
export function appMentionEvent(options: MessageOptions): EventEnvelope {
  return envelope({ type: 'app_mention', ...messageFields(options, 'C1') }, options);
}

export interface AppHomeOpenedOptions extends EnvelopeOptions {
  user?: string;
  channel?: string;
  tab?: 'home' | 'messages';
}

/** An `app_home_opened` event (user U1, their DM with the bot D1, home tab by default). */
export function appHomeOpenedEvent({ user = 'U1', channel = 'D1', tab = 'home', ...rest }: AppHomeOpenedOptions = {}): EventEnvelope {
  return envelope({ type: 'app_home_opened', user, channel, tab, event_ts: nextMessageTs() }, rest);
}

export interface BlockActionOptions {
  action_id: string;
  value?: string;
  block_id?: string;
  /** Where the button was: a message in channel_id, an ephemeral message, or the App Home tab. Default 'message'. */
  container?: 'message' | 'ephemeral' | 'home';
  user_id?: string;
  user_name?: string;
  channel_id?: string;
  message_ts?: string;
  /** The message holding the button (container 'message'), delivered to listeners as `body.message`. */
  message?: Record<string, unknown>;
  /** Slack sends one for message and ephemeral containers (never for App Home); leave it out and none is sent. */
  response_url?: string;
  trigger_id?: string;
}

/** A `block_actions` payload for one button click, form-encoded as `payload=<JSON>` like Slack sends it. */
export function blockActionsBody(options: BlockActionOptions): string {
  const {
    action_id,
    value,
    block_id = 'actions',
    container = 'message',
    user_id = 'U1',
    user_name = 'alice',
    channel_id = container === 'home' ? 'D1' : 'C1',
    message_ts = nextMessageTs(),
    response_url,
    trigger_id = TRIGGER_ID,
  } = options;
  const where =
    container === 'home'
      ? {
          container: { type: 'view', view_id: 'VHOME' },
          view: { id: 'VHOME', type: 'home', team_id: 'T1', app_id: 'A1', bot_id: 'BBOT', blocks: [], state: { values: {} } },
        }
      : {
          container: { type: 'message', message_ts, channel_id, is_ephemeral: container === 'ephemeral' },
          channel: { id: channel_id, name: 'general' },
          // Slack does not include the message of an ephemeral container.
          ...(container === 'message'
            ? { message: options.message ?? { type: 'message', user: 'UBOT', bot_id: 'BBOT', text: '', ts: message_ts, blocks: [] } }
            : {}),
        };
  const payload = {
    type: 'block_actions',
    user: { id: user_id, username: user_name, name: user_name, team_id: 'T1' },
    api_app_id: 'A1',
    token: 'verification-token',
    trigger_id,
    team: { id: 'T1', domain: 'testteam' },
    enterprise: null,
    is_enterprise_install: false,
    ...where,
    state: { values: {} },
    ...(response_url === undefined ? {} : { response_url }),
    actions: [
      {
        type: 'button',
        action_id,
        block_id,
        text: { type: 'plain_text', text: action_id, emoji: true },
        ...(value === undefined ? {} : { value }),
        action_ts: nextMessageTs(),
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A global shortcut's payload, form-encoded as Slack sends it. */
export function globalShortcutBody(callback_id: string, user_id = 'U1'): string {
  const payload = {
    type: 'shortcut',
    token: 'verification-token',
    action_ts: nextMessageTs(),
    team: { id: 'T1', domain: 'testteam' },
    user: { id: user_id, username: 'alice', team_id: 'T1' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id,
    trigger_id: TRIGGER_ID,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A message shortcut's payload (`message_action`) on `message` in channel C1, form-encoded as Slack sends it. */
export function messageShortcutBody(callback_id: string, message: Record<string, unknown>, user_id = 'U1'): string {
  const ts = nextMessageTs();
  const payload = {
    type: 'message_action',
    token: 'verification-token',
    action_ts: nextMessageTs(),
    team: { id: 'T1', domain: 'testteam' },
    user: { id: user_id, name: 'alice', username: 'alice', team_id: 'T1' },
    channel: { id: 'C1', name: 'general' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id,
    trigger_id: TRIGGER_ID,
    response_url: 'https://hooks.slack.com/app/T1/1/message-action',
    message_ts: ts,
    message: { type: 'message', user: 'U9', ts, ...message },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A modal as Slack sends it back: the view the app opened, with an id, a hash and the state of its inputs. */
export function openedView(view: Record<string, unknown>, values: Record<string, Record<string, Record<string, unknown>>> = {}): Record<string, unknown> {
  return { id: 'VMODAL', hash: '1712345678.abcdef', team_id: 'T1', app_id: 'A1', bot_id: 'BBOT', private_metadata: '', ...view, state: { values } };
}

/** A `view_submission` payload of that view, form-encoded. */
export function viewSubmissionBody(view: Record<string, unknown>, user_id = 'U1'): string {
  const payload = {
    type: 'view_submission',
    token: 'verification-token',
    team: { id: 'T1', domain: 'testteam' },
    user: { id: user_id, username: 'alice', name: 'alice', team_id: 'T1' },
    api_app_id: 'A1',
    trigger_id: TRIGGER_ID,
    view,
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A `block_actions` payload for a channel picked in a conversations_select of a modal, form-encoded. */
export function viewConversationSelectBody(view: Record<string, unknown>, action_id: string, selected_conversation: string, user_id = 'U1'): string {
  return viewActionBody(view, { type: 'conversations_select', action_id, block_id: 'share', selected_conversation }, user_id);
}

/** A `block_actions` payload for a button pressed in a modal, form-encoded. */
export function viewButtonBody(view: Record<string, unknown>, action_id: string, value: string, user_id = 'U1'): string {
  return viewActionBody(view, { type: 'button', action_id, block_id: 'actions', value, text: { type: 'plain_text', text: action_id } }, user_id);
}

/** A `block_actions` payload for a link entered (Enter pressed) in a modal's url input, form-encoded. */
export function viewUrlInputBody(view: Record<string, unknown>, action_id: string, value: string, user_id = 'U1'): string {
  return viewActionBody(view, { type: 'url_text_input', action_id, block_id: action_id, value }, user_id);
}

/** A `block_actions` payload for an element of a modal, with the modal's state, form-encoded. */
function viewActionBody(view: Record<string, unknown>, action: Record<string, unknown>, user_id: string): string {
  const payload = {
    type: 'block_actions',
    user: { id: user_id, username: 'alice', name: 'alice', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'verification-token',
    trigger_id: TRIGGER_ID,
    team: { id: 'T1', domain: 'testteam' },
    enterprise: null,
    is_enterprise_install: false,
    container: { type: 'view', view_id: view.id },
    view,
    actions: [{ ...action, action_ts: nextMessageTs() }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface PostSignedOptions {
  secret: string;
  /** Default: application/json for an object body, application/x-www-form-urlencoded for a string body. */
  contentType?: string;
  /** Unix seconds sent and signed; default now. */
  timestamp?: number;
  retryNum?: number;
  retryReason?: string;
  /** Sent instead of the computed signature (to test rejection). */
  signature?: string;
}

export interface PostedResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON; throws if it is not JSON (Bolt acks with an empty body unless given content). */
  json(): unknown;
}

/** POSTs `body` (objects are sent as JSON) to `url` with Slack's signature headers. */
export async function postSigned(url: string, body: string | object, options: PostSignedOptions): Promise<PostedResponse> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? (typeof body === 'string' ? 'application/x-www-form-urlencoded' : 'application/json'),
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? signSlackRequest(options.secret, timestamp, raw),
  };
  if (options.retryNum !== undefined) headers['x-slack-retry-num'] = String(options.retryNum);
  if (options.retryReason !== undefined) headers['x-slack-retry-reason'] = options.retryReason;
  const response = await fetch(url, { method: 'POST', headers, body: raw });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
}
