import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { createSlackApp } from '../src/slack/app.js';
import { createSlackContext } from '../src/slack/context.js';
import { startFakeSlackApi, type FakeSlackApi } from './support/fakeSlackApi.js';
import { seedKnowledgeBase } from './support/seedKnowledge.js';
import { tempStore } from './support/tempStore.js';

/**
 * Socket Mode wiring with no workspace: apps.connections.open (on the fake Web API) hands the
 * app the URL of a local WebSocket server that plays Slack's side of the protocol.
 */
describe('Socket Mode', () => {
  let fake: FakeSlackApi;
  let wss: WebSocketServer;
  let socket: Promise<WebSocket>;

  beforeAll(async () => {
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((r) => wss.once('listening', r));
    socket = new Promise((resolve) =>
      wss.once('connection', (ws) => {
        ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
        resolve(ws);
      }),
    );
    fake = await startFakeSlackApi();
    fake.respondWith('apps.connections.open', { body: { ok: true, url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/` } });
  });

  afterAll(async () => {
    await fake.close();
    await new Promise((r) => wss.close(r));
  });

  it('connects with the app-level token and answers a slash command over the socket', async () => {
    const kb = await seedKnowledgeBase();
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-1-test', SLACK_API_URL: fake.url, PORT: '0' });
    const logger = createLogger({ level: 'silent', pretty: false });
    const store = await tempStore();
    const app = createSlackApp(config, createSlackContext(config, { knowledge: () => kb, store, logger }));
    await app.start();
    try {
      const open = await fake.waitForCall('apps.connections.open');
      expect(open.headers.authorization).toBe('Bearer xapp-1-test');
      const ws = await socket;
      // biome-ignore lint/suspicious/noExplicitAny: the acknowledgement is JSON from the app, read field by field
      const ack = new Promise<Record<string, any>>((resolve) => ws.on('message', (data) => resolve(JSON.parse(String(data)))));
      ws.send(
        JSON.stringify({
          envelope_id: 'env-1',
          type: 'slash_commands',
          accepts_response_payload: true,
          payload: {
            command: '/designation',
            text: 'taliban',
            user_id: 'U1',
            channel_id: 'C1',
            team_id: 'T1',
            response_url: fake.responseUrl('s'),
            trigger_id: 't',
          },
        }),
      );
      const reply = await ack;
      expect(reply.envelope_id).toBe('env-1');
      expect(reply.payload.response_type).toBe('ephemeral');
      expect(JSON.stringify(reply.payload.blocks)).toMatch(/Russia\* on Taliban: removed, 2025-04-17/);
    } finally {
      await app.stop();
      await store.remove();
    }
  });
});
