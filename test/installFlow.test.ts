import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { OAUTH_PATHS } from '../src/render/slackIds.js';
import { databaseStateStore, STATE_LIFETIME_SECONDS } from '../src/slack/installFlow.js';
import { tokenAnswer } from './support/oauthAnswer.js';
import { seedKnowledgeBase } from './support/seedKnowledge.js';
import { startSlackApp, type RunningApp } from './support/slackAppHarness.js';
import { tempStore } from './support/tempStore.js';

/** The app as distributed: Slack's OAuth install flow; calls to Slack given up after a second. */
const OAUTH_ENV = { SLACK_BOT_TOKEN: '', SLACK_CLIENT_ID: '1111.2222', SLACK_CLIENT_SECRET: 'client-secret-0123', SLACK_API_TIMEOUT_MS: '1000' };

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

/** A person starting an install: the state Slack is handed and the browser's cookie. */
async function begin(): Promise<{ state: string; cookie: string }> {
  const start = await fetch(`${slack.base}${OAUTH_PATHS.install}`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
  const cookie = start.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { state, cookie };
}

/** Slack sending the person back with `query`; the page as they see it. */
async function back(query: string, cookie: string): Promise<{ status: number; page: string; ms: number }> {
  const started = Date.now();
  const res = await fetch(`${slack.base}${OAUTH_PATHS.redirect}?${query}`, { headers: { cookie }, signal: AbortSignal.timeout(20_000) });
  return { status: res.status, page: await res.text(), ms: Date.now() - started };
}

const installed = (team: string) => slack.store.installations.find({ teamId: team, enterpriseId: undefined, isEnterpriseInstall: false });

describe('the install flow', () => {
  it('installs once per state: the same state and cookie again install nothing and replace no token', async () => {
    const { state, cookie } = await begin();
    const query = `code=code-T1&state=${encodeURIComponent(state)}`;
    expect((await back(query, cookie)).page).toMatch(/Thank you!/);
    expect(await installed('T1')).toMatchObject({ bot: { token: 'xoxb-t1-token' } });

    // An attacker who captured the redirect replays it with another code, to put a token of theirs in place.
    const replay = await back(`code=code-T1-evil&state=${encodeURIComponent(state)}`, cookie);
    expect(replay.status).toBe(400);
    expect(replay.page).toMatch(/This install link has expired or was already used/);
    expect(replay.page).toContain(`href="${OAUTH_PATHS.install}"`);
    expect(slack.fake.callsTo('oauth.v2.access').map((c) => c.body.code)).toEqual(['code-T1']);
    expect(await installed('T1')).toMatchObject({ bot: { token: 'xoxb-t1-token' } });
  });

  it('says that a cancelled install was cancelled, with a link to start again, and stores nothing', async () => {
    const { state, cookie } = await begin();
    const cancelled = await back(`error=access_denied&state=${encodeURIComponent(state)}`, cookie);
    expect(cancelled.status).toBe(200);
    expect(cancelled.page).toMatch(/The install was cancelled/);
    expect(cancelled.page).toContain(`href="${OAUTH_PATHS.install}"`);
    expect(cancelled.page).not.toMatch(/Oops/);
    expect(slack.fake.callsTo('oauth.v2.access')).toEqual([]);
  });

  it('gives up at once when Slack answers the token exchange with 500, and says so', async () => {
    slack.fake.respondWith('oauth.v2.access', { status: 500, body: { ok: false } });
    const { state, cookie } = await begin();
    const failed = await back(`code=code-T5&state=${encodeURIComponent(state)}`, cookie);
    expect(failed.ms).toBeLessThan(10_000);
    expect(failed.status).toBe(502);
    expect(failed.page).toMatch(/Slack did not complete the install/);
    expect(slack.fake.callsTo('oauth.v2.access')).toHaveLength(1);
    expect(await installed('T5')).toBeNull();
  });

  it('gives up, after its timeout, an exchange Slack never answers', async () => {
    slack.fake.respondWith('oauth.v2.access', () => new Promise(() => {}));
    const { state, cookie } = await begin();
    const failed = await back(`code=code-T6&state=${encodeURIComponent(state)}`, cookie);
    expect(failed.ms).toBeLessThan(10_000);
    expect(failed.status).toBe(502);
    expect(await installed('T6')).toBeNull();
  });

  it('stores nothing from an answer without a bot token or without a workspace', async () => {
    for (const [team, leave] of [
      ['T7', ['access_token']],
      ['T8', ['team']],
    ] as const) {
      slack.fake.respondWith('oauth.v2.access', tokenAnswer([...leave]));
      const { state, cookie } = await begin();
      const failed = await back(`code=code-${team}&state=${encodeURIComponent(state)}`, cookie);
      expect(failed.status).toBe(502);
      expect(failed.page).toMatch(/Slack did not finish the install/);
      expect(failed.page).not.toMatch(/Thank you/);
      expect(await installed(team)).toBeNull();
    }
    // Nothing under an empty workspace id either.
    expect(await installed('')).toBeNull();
  });
});

describe('an install that cannot begin', () => {
  it('gets a page when the database cannot keep its state, instead of no answer', async () => {
    const store = await tempStore();
    const down = await startSlackApp(() => kb, { env: OAUTH_ENV, store });
    try {
      await store.close();
      const res = await fetch(`${down.base}${OAUTH_PATHS.install}`, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/The install could not go ahead.*database cannot be written now/s);
    } finally {
      await down.stop();
      await store.remove();
    }
  });

  it('says Slack did not complete an install it sent back with an error other than a cancel', async () => {
    const { state, cookie } = await begin();
    const failed = await back(`error=invalid_scope&state=${encodeURIComponent(state)}`, cookie);
    expect(failed.status).toBe(502);
    expect(failed.page).toMatch(/Slack did not complete the install/);
    expect(failed.page).not.toMatch(/expired/);
  });
});

describe('install states', () => {
  it('expire after their lifetime, and each is taken once', async () => {
    const states = databaseStateStore(slack.store);
    const issued = new Date('2026-12-06T10:00:00Z');
    const late = await states.generateStateParam({ scopes: ['chat:write'] }, issued);
    const early = await states.generateStateParam({ scopes: ['chat:write'] }, issued);
    await expect(states.verifyStateParam(new Date(issued.getTime() + (STATE_LIFETIME_SECONDS + 1) * 1000), late)).rejects.toThrow(/expired/);
    await expect(states.verifyStateParam(new Date(issued.getTime() + 1000), early)).resolves.toEqual({ scopes: ['chat:write'] });
    await expect(states.verifyStateParam(new Date(issued.getTime() + 2000), early)).rejects.toThrow(/used already/);
    await expect(states.verifyStateParam(issued, 'made-up')).rejects.toThrow(/unknown/);
  });
});
