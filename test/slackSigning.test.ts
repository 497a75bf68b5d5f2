import type { AddressInfo } from 'node:net';
import { App, LogLevel, verifySlackRequest, webApi } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from './support/fakeSlackApi.js';
import { appMentionEvent, blockActionsBody, postSigned, signSlackRequest, slashCommandBody } from './support/slackRequests.js';

/** The example on Slack's "Verifying requests from Slack" page. */
const VECTOR = {
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: 1531420618,
  body:
    'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar' +
    '&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=' +
    '&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN' +
    '&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};

const verifyVector = (body: string, nowSeconds = VECTOR.timestamp + 10): void =>
  verifySlackRequest({
    signingSecret: VECTOR.secret,
    body,
    headers: { 'x-slack-signature': VECTOR.signature, 'x-slack-request-timestamp': VECTOR.timestamp },
    nowMilliseconds: nowSeconds * 1000,
  });

describe('Slack request signing', () => {
  it('reproduces the published signature', () => {
    expect(signSlackRequest(VECTOR.secret, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
  });

  it('builds slash command bodies byte for byte as Slack encodes them', () => {
    const body = slashCommandBody({
      token: 'xyzz0WbapA4vBCDEFasx0q6G',
      team_id: 'T1DC2JH3J',
      team_domain: 'testteamnow',
      channel_id: 'G8PSS9T3V',
      channel_name: 'foobar',
      user_id: 'U2CERLKJA',
      user_name: 'roadrunner',
      command: '/webhook-collect',
      text: '',
      api_app_id: undefined,
      is_enterprise_install: undefined,
      trigger_id: '398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
      response_url: 'https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN',
    });
    expect(body).toBe(VECTOR.body);
  });

  it("is accepted by Bolt's verifySlackRequest, which rejects tampered and stale requests", () => {
    expect(() => verifyVector(VECTOR.body)).not.toThrow();
    expect(() => verifyVector(VECTOR.body.replace('text=', 'text=x'))).toThrow(/signature mismatch/);
    expect(() => verifyVector(VECTOR.body, VECTOR.timestamp + 6 * 60)).toThrow(/stale/);
  });
});

describe('fake Slack Web API', () => {
  let fake: FakeSlackApi;
  const client = (): InstanceType<typeof webApi.WebClient> =>
    new webApi.WebClient('xoxb-test', {
      slackApiUrl: fake.url,
      retryConfig: webApi.retryPolicies.rapidRetryPolicy,
      logLevel: LogLevel.ERROR,
    });

  beforeAll(async () => {
    fake = await startFakeSlackApi();
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());

  it('records WebClient calls with form-encoded blocks decoded', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Hamas*: designated' } }];
    const result = await client().chat.postMessage({ channel: 'C1', text: 'Hamas: designated', blocks });

    expect(result).toMatchObject({ ok: true, channel: 'C1', ts: expect.stringMatching(/^\d+\.\d{6}$/) });
    const [call] = fake.callsTo('chat.postMessage');
    expect(call?.body).toEqual({ channel: 'C1', text: 'Hamas: designated', blocks });
    expect(call?.headers.authorization).toBe('Bearer xoxb-test');
    expect(call?.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('scripts a 429 with Retry-After that WebClient waits out and retries', async () => {
    fake.respondOnce('chat.postMessage', { status: 429, headers: { 'Retry-After': '1' }, body: { ok: false, error: 'ratelimited' } });
    const web = client();
    const rateLimited: number[] = [];
    web.on(webApi.WebClientEvent.RATE_LIMITED, (seconds: number) => rateLimited.push(seconds));

    const started = Date.now();
    const result = await web.chat.postMessage({ channel: 'C1', text: 'hello' });

    expect(result.ok).toBe(true);
    expect(rateLimited).toEqual([1]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900); // rapidRetryPolicy alone would retry at once
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('scripts platform errors', async () => {
    fake.respondWith('conversations.info', { body: { ok: false, error: 'channel_not_found' } });
    await expect(client().conversations.info({ channel: 'C404' })).rejects.toMatchObject({
      code: webApi.ErrorCode.PlatformError,
      data: { error: 'channel_not_found' },
    });
  });

  it('records posts to response URLs', async () => {
    const pending = fake.waitForCall('response_url:r1');
    await fetch(fake.responseUrl('r1'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'done', response_type: 'ephemeral' }),
    });
    expect((await pending).body).toEqual({ text: 'done', response_type: 'ephemeral' });
  });
});

describe('Bolt app driven by signed requests and the fake API', () => {
  const secret = 'test-signing-secret';
  let fake: FakeSlackApi;
  let app: App;
  let eventsUrl: string;
  const retryNums: Array<number | undefined> = [];

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    app = new App({
      token: 'xoxb-test',
      signingSecret: secret,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.url, retryConfig: webApi.retryPolicies.rapidRetryPolicy },
    });
    app.command('/designation', async ({ ack, respond, command }) => {
      await ack();
      await respond({ text: `you asked: ${command.text}` });
    });
    app.event('app_mention', async ({ event, say, context }) => {
      retryNums.push(context.retryNum);
      await say({ text: 'on it', thread_ts: event.ts });
    });
    app.action('share', async ({ ack, respond }) => {
      await ack();
      await respond({ response_type: 'in_channel', text: 'shared' });
    });
    const server = await app.start(0);
    eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(async () => {
    await app.stop();
    await fake.close();
  });

  it('acks a slash command and responds through its response_url', async () => {
    const res = await postSigned(eventsUrl, slashCommandBody({ text: 'Hamas', response_url: fake.responseUrl('cmd') }), { secret });
    expect(res.status).toBe(200);
    expect((await fake.waitForCall('response_url:cmd')).body).toEqual({ text: 'you asked: Hamas' });
  });

  it('rejects a request with a bad signature', async () => {
    const res = await postSigned(eventsUrl, slashCommandBody({ response_url: fake.responseUrl('bad') }), {
      secret,
      signature: 'v0=0000',
    });
    expect(res.status).toBe(401);
  });

  it('passes retry headers of Events API redeliveries to listeners', async () => {
    const res = await postSigned(eventsUrl, appMentionEvent({ text: '<@UBOT> hi', ts: '1700000001.000001' }), {
      secret,
      retryNum: 1,
      retryReason: 'http_timeout',
    });
    expect(res.status).toBe(200);
    const call = await fake.waitForCall('chat.postMessage');
    expect(call.body).toMatchObject({ channel: 'C1', text: 'on it', thread_ts: '1700000001.000001' });
    expect(retryNums).toEqual([1]);
  });

  it('routes a block_actions payload to its action listener', async () => {
    const body = blockActionsBody({ action_id: 'share', value: 'answer-1', response_url: fake.responseUrl('act') });
    expect((await postSigned(eventsUrl, body, { secret })).status).toBe(200);
    expect((await fake.waitForCall('response_url:act')).body).toEqual({ response_type: 'in_channel', text: 'shared' });
  });
});
