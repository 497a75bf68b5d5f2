import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { App } from '@slack/bolt';
import { loadConfig } from '../../src/config.js';
import type { KnowledgeBase } from '../../src/index/knowledgeBase.js';
import { createLogger } from '../../src/log.js';
import { createSlackApp } from '../../src/slack/app.js';
import { createSlackContext } from '../../src/slack/context.js';
import type { Store } from '../../src/store/store.js';
import type { Logger } from 'pino';
import { startFakeSlackApi, type FakeSlackApi } from './fakeSlackApi.js';
import { postSigned, type PostedResponse } from './slackRequests.js';
import { tempStore } from './tempStore.js';

export const SECRET = 'test-signing-secret-0123456789';

export interface RunningApp {
  app: App;
  fake: FakeSlackApi;
  base: string;
  store: Store;
  /** POSTs a body to /slack/events, signed with the app's signing secret unless told otherwise. */
  post(body: string | object, options?: { retryNum?: number; timestamp?: number; signature?: string }): Promise<PostedResponse>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** The database; a fresh temporary SQLite file (removed at stop) unless given. */
  store: Store;
  clock: () => Date;
  /** More configuration, as environment variables (SLACK_API_TIMEOUT_MS, say). */
  env: Record<string, string>;
  /** The app's logger; silent unless given. */
  logger: Logger;
}

/** The real Bolt app in HTTP mode on a loopback port, its Web API pointed at a local fake. */
export async function startSlackApp(knowledge: () => KnowledgeBase | null, options: Partial<HarnessOptions> = {}): Promise<RunningApp> {
  const clock = options.clock ?? (() => new Date());
  const fake = await startFakeSlackApi({ clock });
  const temp = options.store ? null : await tempStore();
  const store = options.store ?? temp!;
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, PORT: '0', ...options.env });
  const logger = options.logger ?? createLogger({ level: 'silent', pretty: false });
  const app = createSlackApp(config, createSlackContext(config, { knowledge, store, clock, logger }));
  const server = (await app.start(0)) as Server;
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    app,
    fake,
    base,
    store,
    post: (body, options = {}) => postSigned(`${base}/slack/events`, body, { secret: SECRET, ...options }),
    stop: async () => {
      await app.stop();
      await fake.close();
      await temp?.remove();
    },
  };
}
