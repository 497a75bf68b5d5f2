import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { ANSWER_ACTIONS } from '../src/render/slackIds.js';
import { capturedLogger } from './support/logCapture.js';
import { seedKnowledgeBase } from './support/seedKnowledge.js';
import { SECRET, startSlackApp, type RunningApp } from './support/slackAppHarness.js';
import { blockActionsBody, messageImEvent, postSigned, slashCommandBody } from './support/slackRequests.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await seedKnowledgeBase();
});

/** A command that must be answered: proof the app still serves. */
async function answersACommand(slack: RunningApp): Promise<void> {
  const res = await slack.post(slashCommandBody({ text: 'taliban', response_url: slack.fake.responseUrl('alive') }));
  expect(res.status).toBe(200);
  expect(res.text).toMatch(/Taliban/);
}

describe('requests Bolt cannot read', () => {
  let slack: RunningApp;
  beforeAll(async () => {
    slack = await startSlackApp(() => kb);
  });
  afterAll(() => slack.stop());

  it.each([
    ['a JSON null', 'null', 'application/json'],
    ['a JSON list', '[1,2]', 'application/json'],
    ['a JSON string', '"event"', 'application/json'],
    ['a payload of null', 'payload=null', 'application/x-www-form-urlencoded'],
    ['a payload that is a number', 'payload=7', 'application/x-www-form-urlencoded'],
    ['an event that is null', '{"type":"event_callback","event":null}', 'application/json'],
    ['an event whose item is a string', '{"type":"event_callback","event":{"type":"reaction_added","item":"x"}}', 'application/json'],
    [
      'actions with a null channel',
      `payload=${encodeURIComponent('{"type":"block_actions","actions":[{}],"channel":null}')}`,
      'application/x-www-form-urlencoded',
    ],
  ])('refuses %s, signed, with 400 and goes on serving', async (_, body, contentType) => {
    const res = await postSigned(`${slack.base}/slack/events`, body, { secret: SECRET, contentType });
    expect(res.status).toBe(400);
    await answersACommand(slack);
  });

  it('survives any signed body, JSON, form or payload, and answers the next request', async () => {
    const form = fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 2 })), { maxKeys: 5 });
    const bodies = fc.oneof(
      fc.jsonValue().map((value) => ({ body: JSON.stringify(value) ?? 'null', contentType: 'application/json' })),
      form.map((fields) => {
        const params = new URLSearchParams();
        for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) params.append(key, v);
        return { body: params.toString(), contentType: 'application/x-www-form-urlencoded' };
      }),
      fc.jsonValue().map((value) => ({
        body: new URLSearchParams({ payload: JSON.stringify(value) ?? 'null' }).toString(),
        contentType: 'application/x-www-form-urlencoded',
      })),
      fc
        .record(
          {
            type: fc.constantFrom('event_callback', 'block_actions', 'url_verification'),
            event: fc.jsonValue(),
            actions: fc.jsonValue(),
            command: fc.jsonValue(),
          },
          { requiredKeys: ['type'] },
        )
        .map((value) => ({ body: JSON.stringify(value), contentType: 'application/json' })),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async ({ body, contentType }) => {
        const res = await postSigned(`${slack.base}/slack/events`, body, { secret: SECRET, contentType });
        expect(res.status).toBeLessThan(600);
      }),
      { numRuns: 150 },
    );
    await answersACommand(slack);
  }, 60_000);

  it('refuses a timestamp more than five minutes ahead, and takes one a minute ahead', async () => {
    const now = Math.floor(Date.now() / 1000);
    const body = slashCommandBody({ text: 'taliban', response_url: slack.fake.responseUrl('future') });
    expect((await slack.post(body, { timestamp: now + 6 * 60 })).status).toBe(401);
    expect((await slack.post(body, { timestamp: now + 60 })).status).toBe(200);
  });

  it('refuses a form field given twice', async () => {
    const body = `${slashCommandBody({ text: 'taliban', response_url: slack.fake.responseUrl('twice') })}&text=again`;
    expect((await slack.post(body)).status).toBe(400);
  });

  it.each(['user_id', 'channel_id', 'text'] as const)('answers a command without %s with a message that names it', async (field) => {
    const res = await slack.post(slashCommandBody({ text: 'taliban', response_url: slack.fake.responseUrl('missing'), [field]: undefined }));
    expect(res.status).toBe(200);
    expect(res.text).toContain(`${field} is missing`);
  });

  it('refuses a body without a command, event or payload at once, and acknowledges what no listener answers', async () => {
    const started = Date.now();
    expect((await slack.post(slashCommandBody({ text: 'taliban', response_url: slack.fake.responseUrl('none'), command: undefined }))).status).toBe(400);
    const other = await slack.post(slashCommandBody({ text: 'taliban', response_url: slack.fake.responseUrl('other'), command: '/weather' }));
    expect(other.text).toContain('/weather is not');
    expect((await slack.post(blockActionsBody({ action_id: 'not_ours', response_url: slack.fake.responseUrl('x') }))).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000); // not Bolt's 3-second wait for an acknowledgement
  });
});

describe('response_url', () => {
  let slack: RunningApp;
  let elsewhere: Server;
  let received = 0;
  beforeAll(async () => {
    slack = await startSlackApp(() => kb);
    elsewhere = createServer((_req, res) => {
      received++;
      res.end('ok');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await slack.stop();
    await new Promise((resolve) => elsewhere.close(resolve));
  });

  const foreign = () => `http://localhost:${(elsewhere.address() as AddressInfo).port}/commands/T1/1/x`;

  it('is never posted to when its host is not Slack', async () => {
    const command = await slack.post(slashCommandBody({ text: 'digest subscribe daily', response_url: foreign() }));
    expect(command.text).toContain('response_url is missing or not valid');
    const button = await slack.post(blockActionsBody({ action_id: ANSWER_ACTIONS.sources, value: 'taliban', response_url: foreign() }));
    expect(button.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toBe(0);
  });

  it("is posted to when it is Slack's", async () => {
    await slack.post(blockActionsBody({ action_id: ANSWER_ACTIONS.sources, value: 'taliban', response_url: slack.fake.responseUrl('ours') }));
    await slack.fake.waitForCall('response_url:ours');
  });
});

describe('a Slack Web API that hangs', () => {
  let slack: RunningApp;
  let release: () => void;
  beforeEach(async () => {
    slack = await startSlackApp(() => kb, { env: { SLACK_API_TIMEOUT_MS: '1000' } });
    const hung = new Promise<void>((resolve) => (release = resolve));
    slack.fake.respondWith('chat.postMessage', async () => {
      await hung;
      return { body: { ok: true, channel: 'D1', ts: '1.1' } };
    });
  });
  afterEach(async () => {
    release();
    await slack.stop();
  });

  it('bounds the calls waiting on it, and after it recovers a DM is answered within seconds', async () => {
    const burst = await Promise.all(Array.from({ length: 150 }, (_, i) => slack.post(messageImEvent({ text: `taliban ${i}` }))));
    expect(burst.every((res) => res.status === 200)).toBe(true);
    const health = async () => (await (await fetch(`${slack.base}/healthz`)).json()) as { slack: { inFlight: number; waiting: number; refused: number } };
    await expect.poll(async () => (await health()).slack.refused, { timeout: 3000 }).toBeGreaterThan(0);
    const during = await health();
    expect(during.slack.inFlight).toBeLessThanOrEqual(16);
    expect(during.slack.waiting).toBeLessThanOrEqual(64);

    slack.fake.reset(); // Slack answers again; the calls stuck at the outage stay stuck until they time out
    const started = Date.now();
    await slack.post(messageImEvent({ text: 'taliban', channel: 'D9' }));
    await slack.fake.waitForCall('chat.postMessage', { where: (c) => c.body.channel === 'D9', timeoutMs: 10_000 });
    expect(Date.now() - started).toBeLessThan(6000);
  }, 30_000);
});

describe('a Slack Web API that rate-limits', () => {
  let slack: RunningApp;
  beforeEach(async () => {
    slack = await startSlackApp(() => kb);
  });
  afterEach(() => slack.stop());

  const answered = (channel: string) => slack.fake.waitForCall('chat.postMessage', { where: (c) => c.body.channel === channel, timeoutMs: 10_000 });

  // Before the fix, Bolt's client held the workspace's whole queue for as long as Slack asked.
  it.each([
    ['an hour', '3600'],
    ['15 seconds', '15'],
  ])('gives up a call limited for %s, and the next DM is answered at once', async (_, retryAfter) => {
    slack.fake.respondOnce('chat.postMessage', { status: 429, headers: { 'retry-after': retryAfter }, body: { ok: false, error: 'ratelimited' } });
    await slack.post(messageImEvent({ text: 'taliban', channel: 'D1' }));
    await slack.fake.waitForCall('chat.postMessage', { where: (c) => c.body.channel === 'D1' });
    const started = Date.now();
    await slack.post(messageImEvent({ text: 'IS-K', channel: 'D2' }));
    await answered('D2');
    expect(Date.now() - started).toBeLessThan(5000);
    const health = (await (await fetch(`${slack.base}/healthz`)).json()) as { slack: { rateLimited: number } };
    expect(health.slack.rateLimited).toBe(1);
  });

  it('sends a call limited for a second again after the wait: the answer arrives', async () => {
    slack.fake.respondOnce('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
    const started = Date.now();
    await slack.post(messageImEvent({ text: 'taliban', channel: 'D3' }));
    await expect.poll(() => slack.fake.callsTo('chat.postMessage').length, { timeout: 5000 }).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(JSON.stringify(slack.fake.callsTo('chat.postMessage')[1]!.body.blocks)).toMatch(/Taliban/);
  });
});

describe('logged errors', () => {
  it('keep the message and stack of a failed Web API call, with tokens redacted', async () => {
    const { logger, lines } = capturedLogger();
    const slack = await startSlackApp(() => kb, { logger });
    try {
      slack.fake.respondWith('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
      await slack.post(messageImEvent({ text: 'taliban' }));
      await expect.poll(() => lines.find((l) => l.msg === 'a Slack listener failed'), { timeout: 5000 }).toBeDefined();
      const line = lines.find((l) => l.msg === 'a Slack listener failed') as { err: { message: string; stack: string; code: string }; surface: string };
      expect(line.surface).toBe('event message');
      expect(line.err.message).toContain('channel_not_found');
      expect(line.err.stack).toMatch(/\n\s+at /);
      expect(line.err.code).toBe('slack_webapi_platform_error');

      logger.error({ err: new Error('the call with xoxb-123-secret failed') }, 'failed');
      await expect.poll(() => lines.at(-1)?.msg).toBe('failed');
      expect(JSON.stringify(lines.at(-1))).not.toContain('xoxb-123-secret');
      expect((lines.at(-1) as { err: { message: string } }).err.message).toContain('[redacted]');
    } finally {
      await slack.stop();
    }
  });
});
