import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BOT_EVENTS, BOT_SCOPES, COMMAND, OAUTH_PATHS, SHORTCUTS } from '../src/render/slackIds.js';
import { APP_EVENTS } from '../src/slack/listeners/events/event.js';
import { CONVERSATION_EVENTS } from '../src/slack/listeners/messages/conversation.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = join(root, 'test/fixtures/slack-manifest-schema');
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

/** Every `$ref` in a schema that points outside it (the top-level schema refs the versioned ones by URL). */
function externalRefs(node: unknown, found = new Set<string>()): Set<string> {
  if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && /^https?:/.test(value)) found.add(value);
      else externalRefs(value, found);
    }
  }
  return found;
}

/** Slack's all-versions manifest schema, with the versioned schemas it refs loaded from the local copy (no network). */
function manifestValidator(): ValidateFunction {
  const ajv = new Ajv({
    allErrors: true,
    // Keywords Slack's schemas use that are not JSON Schema, accepted as no-ops: `_note`, and `regex` on
    // background_color (meant as `pattern`, so only the colour's length is checked).
    keywords: ['regex', '_note'],
    // Only the manifest's optional `$schema` property has a format; ajv-formats is not installed.
    formats: { uri: true },
    // Slack's schemas omit `type` next to some keywords; ajv would log a warning for each, not fail.
    strictTypes: false,
  });
  const top = readJson(join(schemaDir, 'manifest.schema.json'));
  for (const url of externalRefs(top)) {
    ajv.addSchema(readJson(join(schemaDir, 'schemas', basename(url))), url);
  }
  return ajv.compile(top);
}

const validate = manifestValidator();
const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as Record<string, unknown>;

/** The parts of a manifest these tests read (the schema has already checked their types). */
interface ManifestShape {
  features?: {
    slash_commands?: Array<{ command: string; url?: string; usage_hint?: string }>;
    app_home?: { home_tab_enabled?: boolean; messages_tab_enabled?: boolean; messages_tab_read_only_enabled?: boolean };
  };
  oauth_config?: { scopes?: { bot?: string[] } };
  settings?: {
    event_subscriptions?: { request_url?: string; bot_events?: string[] };
    interactivity?: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled?: boolean;
  };
}

describe('manifest.yml', () => {
  it("validates against Slack's manifest schema", () => {
    validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
  });

  const m = manifest as ManifestShape;

  it('declares /designation, the bot events, interactivity and a usable App Home', () => {
    const command = m.features?.slash_commands?.find((c) => c.command === '/designation');
    expect(command?.usage_hint).toMatch(/help/);
    expect(m.settings?.event_subscriptions?.bot_events).toEqual(expect.arrayContaining(['app_mention', 'message.im', 'app_home_opened']));
    expect(m.settings?.interactivity?.is_enabled).toBe(true);
    expect(m.features?.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
  });

  it('requests the scope each command and event needs', () => {
    const scopes = m.oauth_config?.scopes?.bot ?? [];
    const needed: Record<string, string> = {
      app_mention: 'app_mentions:read',
      'message.im': 'im:history',
      'message.channels': 'channels:history',
      'message.groups': 'groups:history',
    };
    for (const event of m.settings?.event_subscriptions?.bot_events ?? []) {
      if (needed[event] !== undefined) expect(scopes, event).toContain(needed[event]);
    }
    expect(scopes).toContain('commands');
    expect(scopes).toContain('chat:write');
  });

  it('declares the ids the app answers to: its command, shortcuts, events and scopes (src/render/slackIds.ts)', () => {
    expect(m.features?.slash_commands?.map((c) => c.command)).toEqual([COMMAND]);
    const shortcuts = (m.features as { shortcuts?: { callback_id: string; type: string }[] } | undefined)?.shortcuts ?? [];
    expect(shortcuts.map((s) => ({ callbackId: s.callback_id, type: s.type }))).toEqual(SHORTCUTS);
    expect(m.settings?.event_subscriptions?.bot_events).toEqual([...BOT_EVENTS]);
    // The OAuth install asks for exactly the scopes the manifest lists.
    expect(m.oauth_config?.scopes?.bot).toEqual([...BOT_SCOPES]);
  });

  it('subscribes to exactly the events the listeners answer', () => {
    const base = (event: string) => event.replace(/\..*$/, '');
    const listened = [APP_EVENTS, CONVERSATION_EVENTS];
    for (const event of BOT_EVENTS)
      expect(
        listened.some((pattern) => pattern.test(base(event))),
        event,
      ).toBe(true);
    // Every event a listener names is subscribed to.
    const named = listened.flatMap((pattern) => pattern.source.match(/[a-z_]{3,}/g) ?? []);
    expect(named.length).toBeGreaterThan(3);
    for (const event of named) expect(BOT_EVENTS.map(base), event).toContain(event);
  });

  it('declares the agent messaging experience and where OAuth sends an installer back', () => {
    const features = m.features as { agent_view?: { agent_description?: string }; assistant_view?: unknown };
    expect(features.agent_view?.agent_description).toMatch(/cited/);
    // New apps can only use agent_view; assistant_view is its deprecated predecessor.
    expect(features.assistant_view).toBeUndefined();
    const redirects = (m.oauth_config as { redirect_urls?: string[] }).redirect_urls ?? [];
    expect(redirects).toHaveLength(1);
    expect(new URL(redirects[0]!).pathname).toBe(OAUTH_PATHS.redirect);
  });

  it('requests the scope of every Web API method the app calls', () => {
    const scopes = m.oauth_config?.scopes?.bot ?? [];
    const needs: Record<string, string[]> = {
      'chat.postMessage': ['chat:write'],
      'users.info': ['users:read'],
      'conversations.history': ['channels:history', 'groups:history'],
      'views.publish': [],
      'views.open': [],
      'views.update': [],
      'auth.test': [],
      'usergroups.users.list': ['usergroups:read'],
      'assistant.threads.setSuggestedPrompts': ['assistant:write'],
      'agents.sessions.setStatus': ['chat:write'],
      'agents.sessions.rename': ['chat:write'],
    };
    const called = new Set<string>();
    for (const file of readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
      for (const match of readFileSync(join(root, 'src', file), 'utf8').matchAll(/client\.((?:[a-z]+\.)+[a-zA-Z]+)\(/g)) called.add(match[1]!);
    }
    expect(called.size).toBeGreaterThan(2);
    for (const method of called) {
      expect(needs[method], `${method}: add it to this table with its scopes`).toBeDefined();
      for (const scope of needs[method]!) expect(scopes, method).toContain(scope);
    }
  });

  it("points every request URL at Bolt's default endpoint /slack/events", () => {
    const urls = [
      ...(m.features?.slash_commands ?? []).map((c) => c.url),
      m.settings?.event_subscriptions?.request_url,
      m.settings?.interactivity?.request_url,
    ];
    for (const url of urls) expect(url).toMatch(/^https:\/\/[^/]+\/slack\/events$/);
  });

  type Mutable = ManifestShape & Record<string, unknown>;
  it.each<[string, (copy: Mutable) => void, Partial<ErrorObject>]>([
    [
      'a non-string usage_hint',
      (copy) => Object.assign(copy.features?.slash_commands?.[0] ?? {}, { usage_hint: 42 }),
      { instancePath: '/features/slash_commands/0/usage_hint', keyword: 'type' },
    ],
    [
      'an unknown top-level key',
      (copy) => Object.assign(copy, { slash_commands: [] }),
      { instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'slash_commands' } },
    ],
    [
      'a bot user without a display name',
      (copy) => Object.assign(copy.features ?? {}, { bot_user: { always_online: true } }),
      { instancePath: '/features/bot_user', keyword: 'required' },
    ],
  ])('rejects a manifest with %s', (_name, mutate, expected) => {
    const copy = structuredClone(m) as Mutable;
    mutate(copy);
    expect(validate(copy)).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining(expected));
  });
});
