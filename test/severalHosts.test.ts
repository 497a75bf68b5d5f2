import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_EVENT } from '../src/render/slackIds.js';
import { type AppProcess, startAppProcess, until } from './support/appProcess.js';
import { type FakeSlackApi, type RecordedCall, startFakeSlackApi } from './support/fakeSlackApi.js';
import { SEED_DIR } from './support/seedKnowledge.js';
import { appMentionEvent, messageImEvent, postSigned, slashCommandBody } from './support/slackRequests.js';
import { DATABASES, type TempStore, tempStore } from './support/tempStore.js';

const SECRET = 'several-hosts-signing-secret-7';
const postgres = DATABASES.find((d) => d.kind === 'postgres')!;

const isDigest = (call: RecordedCall) => (call.body.metadata as { event_type?: string } | undefined)?.event_type === DIGEST_EVENT;

/**
 * Three real app processes, as on three hosts: each with its own copy of the knowledge folder
 * and its own snapshot, all on one PostgreSQL database, behind one load balancer.
 */
describe.skipIf(postgres.skip)(`three app processes on one ${postgres.name} database`, () => {
  let fake: FakeSlackApi;
  let store: TempStore;
  let hosts: AppProcess[];
  let folders: string[];
  /** The subscription's slot: the first whole minute far enough off for the processes to be up. */
  let slot: Date;
  let subscriptionId: number;

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    store = await tempStore('postgres');
    const now = Date.now();
    slot = new Date(Math.ceil((now + 25_000) / 60_000) * 60_000);
    const sub = await store.subscriptions.subscribe(
      {
        teamId: 'T1',
        channelId: 'C77',
        cadence: 'daily',
        weekday: null,
        atTime: slot.toISOString().slice(11, 16),
        timeZone: 'UTC',
        topics: [],
        createdBy: 'U1',
      },
      new Date(now),
    );
    subscriptionId = sub!.id;
    folders = [1, 2, 3].map(() => {
      const folder = mkdtempSync(join(tmpdir(), 'designation-host-'));
      cpSync(SEED_DIR, join(folder, 'knowledge'), { recursive: true });
      return folder;
    });
    hosts = await Promise.all(
      folders.map((folder, i) =>
        startAppProcess(
          {
            SLACK_BOT_TOKEN: `xoxb-host-${i + 1}`,
            SLACK_SIGNING_SECRET: SECRET,
            SLACK_API_URL: fake.url,
            DATABASE_URL: store.options.url!,
            KNOWLEDGE_DIR: join(folder, 'knowledge'),
            SNAPSHOT_PATH: join(folder, 'knowledge.snapshot'),
            DIGEST_LEASE_SECONDS: '5',
            LOG_LEVEL: 'warn',
          },
          60_000,
        ),
      ),
    );
  }, 90_000);

  afterAll(async () => {
    await Promise.all((hosts ?? []).map((host) => (host.child.exitCode === null ? host.kill() : undefined)));
    await fake.close();
    await store.remove();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('posts the digest once when the process posting it is killed mid-delivery, and the others finish the job', async () => {
    // The digest reaches Slack, but the process that sent it dies before hearing back.
    let answer = () => {};
    const heard = new Promise<void>((resolve) => (answer = resolve));
    fake.respondOnce('chat.postMessage', async () => {
      await heard;
      return { delivered: true, body: { ok: true } };
    });
    const post = await fake.waitForCall('chat.postMessage', { where: isDigest, timeoutMs: slot.getTime() - Date.now() + 70_000 });
    const poster = hosts.findIndex((_, i) => post.headers.authorization === `Bearer xoxb-host-${i + 1}`);
    expect(poster).toBeGreaterThanOrEqual(0);
    await hosts[poster]!.kill();
    answer();

    // A survivor finds the lease abandoned at its next run, finds the message in the channel, and records it.
    await until(async () => (await store.deliveries.get(subscriptionId, slot.toISOString()))?.state === 'sent', 100_000);
    expect(fake.callsTo('chat.postMessage').filter(isDigest)).toHaveLength(1);
    const history = await fetch(`${fake.url}conversations.history`, {
      method: 'POST',
      body: new URLSearchParams({ channel: 'C77', include_all_metadata: 'true' }),
    });
    const messages = ((await history.json()) as { messages: { metadata?: { event_type?: string } }[] }).messages;
    expect(messages.filter((m) => m.metadata?.event_type === DIGEST_EVENT)).toHaveLength(1);

    const survivors = hosts.filter((_, i) => i !== poster);
    for (const host of survivors) {
      const res = await postSigned(`${host.base}/slack/events`, slashCommandBody({ text: 'taliban', response_url: fake.responseUrl('q') }), { secret: SECRET });
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.json())).toMatch(/\*Russia\* on Taliban: removed, 2025-04-17/);
    }
  }, 180_000);

  it('answers an event Slack retries to another process once, and a follow-up in the subject of its thread wherever it lands', async () => {
    const alive = hosts.filter((host) => host.child.exitCode === null && host.child.signalCode === null);
    const [first, second] = alive as [AppProcess, AppProcess];
    const event = messageImEvent({ text: 'IS-K', channel: 'D42' });
    await postSigned(`${first.base}/slack/events`, event, { secret: SECRET });
    await fake.waitForCall('chat.postMessage', { where: (c) => c.body.channel === 'D42', timeoutMs: 10_000 });
    expect((await postSigned(`${second.base}/slack/events`, event, { secret: SECRET, retryNum: 1 })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'D42')).toHaveLength(1);

    const mention = appMentionEvent({ text: '<@UBOT> taliban', channel: 'C78' });
    await postSigned(`${first.base}/slack/events`, mention, { secret: SECRET });
    const threadTs = (mention.event as { ts: string }).ts;
    await fake.waitForCall('chat.postMessage', { where: (c) => c.body.channel === 'C78', timeoutMs: 10_000 });
    // The thread's subject is written once the answer is posted; a person's follow-up comes later than this.
    await until(async () => (await store.threads.of('T1', 'C78', threadTs)) !== undefined);
    const followUp = appMentionEvent({ text: 'and Kazakhstan?', channel: 'C78', thread_ts: threadTs });
    followUp.event = { ...followUp.event, type: 'message', channel_type: 'channel' };
    await postSigned(`${second.base}/slack/events`, followUp, { secret: SECRET });
    await until(async () => fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C78').length === 2, 10_000);
    const answers = fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C78');
    expect(answers[1]!.body.thread_ts).toBe(threadTs);
    expect(JSON.stringify(answers[1]!.body.blocks)).toMatch(/\*Kazakhstan\* on Taliban: removed, 2023/);
  }, 60_000);
});
