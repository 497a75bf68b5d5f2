import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppProcess, type AppProcess } from './support/appProcess.js';
import { startFakeSlackApi, type FakeSlackApi } from './support/fakeSlackApi.js';
import { ANSWER_ACTIONS, BOT_SCOPES, OAUTH_PATHS } from '../src/render/slackIds.js';
import { appMentionEvent, blockActionsBody, messageImEvent, postSigned, slashCommandBody } from './support/slackRequests.js';
import { DATABASES, type TempStore, tempStore } from './support/tempStore.js';

const SECRET = 'start-test-signing-secret-42';
const TOKEN = 'xoxb-123-456-secretbottoken';
const ROOT = new URL('..', import.meta.url).pathname;

/** The app on a SQLite file, as `npm start` runs it. */
function startApp(fake: FakeSlackApi, databasePath: string): Promise<AppProcess> {
  return startAppProcess({
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.url,
    LOG_LEVEL: 'debug',
    DATABASE_PATH: databasePath,
    SNAPSHOT_PATH: `${databasePath}.snapshot`,
  });
}

describe('npm start in HTTP mode', () => {
  let fake: FakeSlackApi;
  let app: AppProcess;
  let dataDir: string;

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    dataDir = mkdtempSync(join(tmpdir(), 'designation-start-'));
    app = await startApp(fake, join(dataDir, 'designation.db'));
  });

  afterAll(async () => {
    if (app.child.exitCode === null) app.child.kill('SIGKILL');
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers a signed /designation within Slack's 3 seconds, a DM in the DM and a mention in a thread", async () => {
    const started = Date.now();
    const base = app.base;
    const res = await postSigned(`${base}/slack/events`, slashCommandBody({ text: 'taliban', response_url: fake.responseUrl('c') }), { secret: SECRET });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json())).toMatch(/Russia\* on Taliban: removed, 2025-04-17/);

    await postSigned(`${base}/slack/events`, messageImEvent({ text: 'kazakhstan' }), { secret: SECRET });
    expect((await fake.waitForCall('chat.postMessage', { timeoutMs: 5000 })).body.channel).toBe('D1');
    const mention = appMentionEvent({ text: '<@UBOT> IS-K', channel: 'C3' });
    await postSigned(`${base}/slack/events`, mention, { secret: SECRET });
    const call = await fake.waitForCall('chat.postMessage', { timeoutMs: 5000, where: (c) => c.body.channel === 'C3' });
    expect(call.body.thread_ts).toBe((mention.event as { ts: string }).ts);
  });

  it('keeps a subscription made in Slack across a restart', async () => {
    const subscribe = slashCommandBody({ text: 'digest subscribe weekly tue 07:45 taliban', channel_id: 'C9', response_url: fake.responseUrl('sub') });
    await postSigned(`${app.base}/slack/events`, subscribe, { secret: SECRET });
    expect(JSON.stringify((await fake.waitForCall('response_url:sub', { timeoutMs: 5000 })).body)).toMatch(
      /weekly designation digest on Tuesdays at 07:45 on Taliban/,
    );

    expect(await app.stop()).toBe(0);
    app = await startApp(fake, join(dataDir, 'designation.db'));
    const list = await postSigned(
      `${app.base}/slack/events`,
      slashCommandBody({ text: 'digest list', channel_id: 'C9', response_url: fake.responseUrl('l') }),
      { secret: SECRET },
    );
    expect(JSON.stringify(list.json())).toMatch(/Weekly designation digest on Tuesdays at 07:45 on Taliban \(Europe\/Berlin\)/);
  });

  it('logs JSON lines without the token or the signing secret, and exits 0 on SIGTERM', async () => {
    expect(await app.stop()).toBe(0);
    const output = app.output();
    const lines = output.trim().split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(output).toMatch(/knowledge base loaded/);
    expect(output).toMatch(/"component":"bolt"/);
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain(SECRET);
  });
});

describe('configuration', () => {
  it('names every missing or invalid variable on its own line and exits 2', async () => {
    const child = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: {
        ...process.env,
        SLACK_BOT_TOKEN: 'not-a-token',
        SLACK_SIGNING_SECRET: '',
        SLACK_APP_TOKEN: '',
        PORT: 'eighty',
        SLACK_API_URL: 'ftp://x',
        APP_PROCESSES: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    const lines = stderr.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^config: SLACK_BOT_TOKEN must be a bot token/),
        expect.stringMatching(/^config: PORT /),
        expect.stringMatching(/^config: APP_PROCESSES must be at least 1/),
        expect.stringMatching(/^config: SLACK_API_URL must be an http\(s\) URL/),
        expect.stringMatching(/^config: SLACK_SIGNING_SECRET is required in HTTP mode/),
      ]),
    );
  });
});

const postgres = DATABASES.find((d) => d.kind === 'postgres')!;

describe.skipIf(postgres.skip)(`npm start with DATABASE_URL pointed at ${postgres.name}`, () => {
  const OAUTH = { SLACK_CLIENT_ID: '3333.4444', SLACK_CLIENT_SECRET: 'client-secret-5678' };
  let fake: FakeSlackApi;
  let store: TempStore;
  let app: AppProcess;
  let dataDir: string;
  const start = () =>
    startAppProcess({
      ...OAUTH,
      SLACK_BOT_TOKEN: '',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.url,
      DATABASE_URL: store.options.url!,
      SNAPSHOT_PATH: join(dataDir, 'knowledge.snapshot'),
    });
  const post = (body: string | object) => postSigned(`${app.base}/slack/events`, body, { secret: SECRET });

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    fake.respondWith('oauth.v2.access', {
      body: {
        ok: true,
        app_id: 'A1',
        authed_user: { id: 'U1' },
        scope: BOT_SCOPES.join(','),
        token_type: 'bot',
        access_token: 'xoxb-pg-team-token',
        bot_user_id: 'UBOT',
        team: { id: 'T1', name: 'Team T1' },
        enterprise: null,
        is_enterprise_install: false,
      },
    });
    store = await tempStore('postgres');
    dataDir = mkdtempSync(join(tmpdir(), 'designation-start-pg-'));
    app = await start();
  }, 40_000);

  afterAll(async () => {
    if (app.child.exitCode === null) await app.kill();
    await fake.close();
    await store.remove();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every subscription, rating and installation across a restart, with no other setting', async () => {
    // Installed through OAuth: the installation is stored in PostgreSQL.
    const begin = await fetch(`${app.base}${OAUTH_PATHS.install}`, { redirect: 'manual' });
    const state = new URL(begin.headers.get('location')!).searchParams.get('state')!;
    const cookie = begin.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect((await fetch(`${app.base}${OAUTH_PATHS.redirect}?code=c1&state=${encodeURIComponent(state)}`, { headers: { cookie } })).status).toBe(200);

    await post(slashCommandBody({ text: 'digest subscribe daily 06:15 taliban', channel_id: 'C21', response_url: fake.responseUrl('sub') }));
    expect(JSON.stringify((await fake.waitForCall('response_url:sub', { timeoutMs: 5000 })).body)).toMatch(/daily designation digest at 06:15 on Taliban/);
    await post(blockActionsBody({ action_id: ANSWER_ACTIONS.helpful, value: 'taliban', container: 'ephemeral', response_url: fake.responseUrl('rate') }));
    expect((await fake.waitForCall('response_url:rate', { timeoutMs: 5000 })).body.text).toMatch(/^Thanks/);

    expect(await app.stop()).toBe(0);
    fake.reset();
    app = await start();

    const list = await post(slashCommandBody({ text: 'digest list', channel_id: 'C21', response_url: fake.responseUrl('l') }));
    expect(JSON.stringify(list.json())).toMatch(/Daily designation digest at 06:15 on Taliban/);
    const sources = await post(slashCommandBody({ text: 'sources', response_url: fake.responseUrl('s') }));
    expect(JSON.stringify(sources.json())).toMatch(/1 👍 · 0 👎/);
    await post(messageImEvent({ text: 'IS-K', channel: 'D21' }));
    const reply = await fake.waitForCall('chat.postMessage', { where: (c) => c.body.channel === 'D21', timeoutMs: 5000 });
    expect(reply.headers.authorization).toBe('Bearer xoxb-pg-team-token');
  }, 60_000);
});
