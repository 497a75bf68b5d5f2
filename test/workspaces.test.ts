import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { digestFor, DigestSender } from '../src/digest/sendDue.js';
import { articleVersions } from '../src/digest/versions.js';
import { createLogger } from '../src/log.js';
import type { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { BOT_SCOPES, OAUTH_PATHS } from '../src/render/slackIds.js';
import { deliveryClients, slackDigestTransport } from '../src/slack/digestTransport.js';
import { tokenAnswer } from './support/oauthAnswer.js';
import { seedKnowledgeBase } from './support/seedKnowledge.js';
import { startSlackApp, type RunningApp } from './support/slackAppHarness.js';
import { messageImEvent, slashCommandBody } from './support/slackRequests.js';

/** The app as distributed: no bot token, Slack's OAuth install flow instead. */
const OAUTH_ENV = {
  SLACK_BOT_TOKEN: '',
  SLACK_CLIENT_ID: '1111.2222',
  SLACK_CLIENT_SECRET: 'client-secret-0123',
};

const silent = createLogger({ level: 'silent', pretty: false });
let kb: KnowledgeBase;
let slack: RunningApp;

beforeAll(async () => {
  kb = await seedKnowledgeBase();
  slack = await startSlackApp(() => kb, { env: OAUTH_ENV });
});
afterAll(() => slack.stop());
beforeEach(() => {
  slack.fake.reset();
  slack.fake.respondWith('oauth.v2.access', tokenAnswer());
});

const tokenOf = (call: { headers: Record<string, unknown> }) => String(call.headers.authorization);

/** Installs the app in a workspace as a person would: /slack/install, Slack's consent page, back to the redirect URL. */
async function install(team: string): Promise<Response> {
  const start = await fetch(`${slack.base}${OAUTH_PATHS.install}`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const consent = new URL(start.headers.get('location')!);
  expect(consent.origin + consent.pathname).toBe('https://slack.com/oauth/v2/authorize');
  expect(consent.searchParams.get('client_id')).toBe(OAUTH_ENV.SLACK_CLIENT_ID);
  expect(consent.searchParams.get('scope')!.split(',')).toEqual([...BOT_SCOPES]);
  const state = consent.searchParams.get('state')!;
  const cookie = start.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return fetch(`${slack.base}${OAUTH_PATHS.redirect}?code=code-${team}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
}

describe('installs in many workspaces', () => {
  it('installs through OAuth, then answers each workspace with its own token', async () => {
    for (const team of ['T1', 'T2']) {
      const done = await install(team);
      expect(done.status).toBe(200);
      expect(await done.text()).toMatch(/Thank you!|success/i);
    }
    expect(slack.fake.callsTo('oauth.v2.access').map((c) => c.body.code)).toEqual(['code-T1', 'code-T2']);

    for (const team of ['T1', 'T2']) {
      await slack.post(messageImEvent({ text: 'taliban', team_id: team, channel: `D${team}` }));
      const reply = await slack.fake.waitForCall('chat.postMessage', { where: (c) => c.body.channel === `D${team}` });
      expect(tokenOf(reply)).toBe(`Bearer xoxb-${team.toLowerCase()}-token`);
      expect(JSON.stringify(reply.body.blocks)).toMatch(/Russia\* on Taliban: removed/);
    }
  });

  it("never shows one workspace another's subscriptions", async () => {
    await slack.post(slashCommandBody({ team_id: 'T1', channel_id: 'C7', text: 'digest subscribe daily 08:00', response_url: slack.fake.responseUrl('sub') }));
    const subscribed = await slack.fake.waitForCall('response_url:sub');
    expect(JSON.stringify(subscribed.body)).toMatch(/subscribed this channel to a daily designation digest at 08:00/);
    expect(tokenOf(slack.fake.callsTo('users.info')[0]!)).toBe('Bearer xoxb-t1-token');

    const inT1 = await slack.post(slashCommandBody({ team_id: 'T1', channel_id: 'C7', text: 'digest list', response_url: slack.fake.responseUrl('l1') }));
    expect(inT1.text).toMatch(/Daily designation digest at 08:00/);
    const inT2 = await slack.post(slashCommandBody({ team_id: 'T2', channel_id: 'C7', text: 'digest list', response_url: slack.fake.responseUrl('l2') }));
    expect(inT2.text).toMatch(/This channel has no digest subscriptions/);
    expect(inT2.text).not.toMatch(/08:00/);

    // The digest goes out with the subscribing workspace's token; a workspace the app left is paused, not posted to.
    const transport = slackDigestTransport(
      deliveryClients({ botToken: '', oauth: loadConfig(OAUTH_ENV, 'none').oauth, slackApiUrl: slack.fake.url }, slack.store, silent),
    );
    const [sub] = await slack.store.subscriptions.inChannel('T1', 'C7');
    const window = { since: '2020-01-01T00:00:00.000Z', until: new Date().toISOString() };
    await transport.post(sub!, await digestFor(kb, slack.store, window, []), { subscriptionId: sub!.id, slot: window.until });
    expect(tokenOf(await slack.fake.waitForCall('chat.postMessage', { where: (c) => c.body.channel === 'C7' }))).toBe('Bearer xoxb-t1-token');
    const elsewhere = { ...sub!, teamId: 'T9' };
    await expect(
      transport.post(elsewhere, await digestFor(kb, slack.store, window, []), { subscriptionId: sub!.id, slot: window.until }),
    ).rejects.toMatchObject({
      message: 'app_uninstalled',
      kind: 'pause',
    });
  });

  it('deletes the installation when the app is uninstalled, and answers that workspace no more', async () => {
    const key = { teamId: 'T2', enterpriseId: undefined, isEnterpriseInstall: false };
    expect(await slack.store.installations.find(key)).toMatchObject({ team: { id: 'T2' }, bot: { token: 'xoxb-t2-token' } });
    const res = await slack.post({
      token: 'x',
      team_id: 'T2',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: 'EvUNINSTALL1',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'app_uninstalled' },
    });
    expect(res.status).toBe(200);
    await expect.poll(() => slack.store.installations.find(key)).toBeNull();
    expect(await slack.store.installations.find({ ...key, teamId: 'T1' })).not.toBeNull();

    await slack.post(messageImEvent({ text: 'taliban', team_id: 'T2', channel: 'DT2' }));
    await slack.post(messageImEvent({ text: 'taliban', team_id: 'T1', channel: 'DT1' }));
    await slack.fake.waitForCall('chat.postMessage', { where: (c) => c.body.channel === 'DT1' });
    expect(slack.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'DT2')).toEqual([]);
  });

  it('pauses, on its next run, the digest of a workspace that uninstalled the app after a failed delivery', async () => {
    await install('T4');
    const sub = (await slack.store.subscriptions.subscribe(
      { teamId: 'T4', channelId: 'C4', cadence: 'daily', weekday: null, atTime: '08:00', timeZone: 'UTC', topics: [], createdBy: 'UT4' },
      new Date(Date.now() - 3 * 86_400_000),
    ))!;
    await slack.store.ledger.record(articleVersions(kb, kb.articles), new Date(Date.now() - 86_400_000));
    const sender = new DigestSender({
      store: slack.store,
      knowledge: () => kb,
      transport: slackDigestTransport(
        deliveryClients({ botToken: '', oauth: loadConfig(OAUTH_ENV, 'none').oauth, slackApiUrl: slack.fake.url }, slack.store, silent),
      ),
      logger: silent,
      sleep: async () => {},
    });
    slack.fake.respondWith('chat.postMessage', { body: { ok: false, error: 'invalid_blocks' } });
    expect((await sender.sendDue()).find((r) => r.subscription.id === sub.id)?.outcome).toBe('failed');
    await slack.store.installations.remove({ teamId: 'T4', enterpriseId: undefined, isEnterpriseInstall: false });
    await sender.sendDue();
    expect(await slack.store.subscriptions.get(sub.id)).toMatchObject({ pausedAt: expect.any(String), pauseReason: 'app_uninstalled' });
  });

  it("deletes the installation when the bot's tokens are revoked, not a user's", async () => {
    await install('T3');
    const key = { teamId: 'T3', enterpriseId: undefined, isEnterpriseInstall: false };
    const revoked = (tokens: object, id: string) => ({
      token: 'x',
      team_id: 'T3',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: id,
      event_time: 1,
      event: { type: 'tokens_revoked', tokens },
    });
    await slack.post(revoked({ oauth: ['UT3'] }, 'EvREVOKE1'));
    expect(await slack.store.installations.find(key)).not.toBeNull();
    await slack.post(revoked({ bot: ['UBOT'] }, 'EvREVOKE2'));
    await expect.poll(() => slack.store.installations.find(key)).toBeNull();
  });
});

describe('the configuration of installs', () => {
  it('takes OAuth instead of a bot token, and says what is wrong with a half-set or mixed configuration', () => {
    expect(loadConfig({ ...OAUTH_ENV, SLACK_SIGNING_SECRET: 'signing-secret-1' }).oauth).toEqual({
      clientId: '1111.2222',
      clientSecret: 'client-secret-0123',
    });
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'signing-secret-1' }).oauth).toBeNull();
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ SLACK_SIGNING_SECRET: 'signing-secret-1', ...env });
        return [];
      } catch (error) {
        return (error as { problems: string[] }).problems;
      }
    };
    expect(problems({ SLACK_CLIENT_ID: '1111.2222' })).toEqual([expect.stringMatching(/are needed together .* \(only SLACK_CLIENT_ID set\)/)]);
    expect(problems({ ...OAUTH_ENV, SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN is for a single workspace/)]);
    expect(problems({ ...OAUTH_ENV, SLACK_APP_TOKEN: 'xapp-1' })).toEqual([expect.stringMatching(/need HTTP request URLs: unset SLACK_APP_TOKEN/)]);
    expect(problems({})).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN is required .* or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for installs/)]);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', KNOWLEDGE_EDITORS: 'U1, alice' })[0]).toMatch(/KNOWLEDGE_EDITORS.*must list user ids/);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'signing-secret-1', KNOWLEDGE_EDITORS: 'U1, S7,W3' }).knowledgeEditors).toEqual([
      'U1',
      'S7',
      'W3',
    ]);
  });
});
