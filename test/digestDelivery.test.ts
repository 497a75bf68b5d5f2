import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestFor, DigestSender } from '../src/digest/sendDue.js';
import { articleVersions } from '../src/digest/versions.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import type { Article } from '../src/knowledge/types.js';
import { ANSWER_ACTIONS, DIGEST_EVENT } from '../src/render/slackIds.js';
import { deliveryClient, slackDigestTransport } from '../src/slack/digestTransport.js';
import type { Store } from '../src/store/store.js';
import { capturedLogger } from './support/logCapture.js';
import { SEED_DIR } from './support/seedKnowledge.js';
import { startSlackApp, type RunningApp } from './support/slackAppHarness.js';
import { blockActionsBody, slashCommandBody } from './support/slackRequests.js';
import { DATABASES, tempStore, type TempStore } from './support/tempStore.js';

/** Daily at 09:00 Europe/Berlin (the fake users.info time zone) is 08:00 UTC in November. */
const NINE_BERLIN = '2026-11-23T08:00:00.000Z';

for (const database of DATABASES) {
  describe.skipIf(database.skip)(`digests and ratings on ${database.name}`, () => {
    let now: Date;
    const clock = () => now;
    const at = (iso: string) => {
      now = new Date(iso);
    };

    let kb: KnowledgeBase;
    let late: Article;
    let slack: RunningApp;
    let store: TempStore;
    let sleeps: number[];
    let log: ReturnType<typeof capturedLogger>;
    let responses = 0;

    beforeEach(async () => {
      at('2026-11-23T07:00:00Z');
      const knowledge = await loadKnowledge(SEED_DIR);
      late = knowledge.articles.find((a) => a.published === '2025-04-17')!;
      kb = new KnowledgeBase(
        knowledge.entities,
        knowledge.articles.filter((a) => a !== late),
      );
      store = await tempStore(database.kind);
      await store.ledger.record(articleVersions(kb, kb.articles), now);
      slack = await startSlackApp(() => kb, { store, clock });
      sleeps = [];
      log = capturedLogger();
    });
    afterEach(async () => {
      await slack.stop();
      await store.remove();
    });

    function sender(from: Store = store): DigestSender {
      const transport = slackDigestTransport(deliveryClient('xoxb-test-token', { slackApiUrl: slack.fake.url }));
      return new DigestSender({ store: from, knowledge: () => kb, transport, logger: log.logger, clock, sleep: async (ms) => void sleeps.push(ms) });
    }

    /** The Supreme Court ruling arrives in the knowledge base now. */
    async function addRuling(): Promise<void> {
      kb.upsert(late);
      await store.ledger.record(articleVersions(kb, [late]), now);
    }

    /** Sends `/designation <text>` in a channel, signed; returns the acknowledgement and, for deferred replies, the response_url post. */
    async function command(text: string, channel = 'C1', user = 'U1') {
      const id = `r${++responses}`;
      const res = await slack.post(slashCommandBody({ text, channel_id: channel, user_id: user, response_url: slack.fake.responseUrl(id) }));
      expect(res.status).toBe(200);
      return { ack: res.text === '' ? null : (res.json() as Record<string, unknown>), later: () => slack.fake.waitForCall(`response_url:${id}`) };
    }

    const digestPosts = () =>
      slack.fake.callsTo('chat.postMessage').filter((c) => (c.body.metadata as { event_type?: string } | undefined)?.event_type === DIGEST_EVENT);

    describe('instant alerts', () => {
      it('posts a changed status line with what it said before, once, whichever senders run, and nothing when nothing changed', async () => {
        const reply = (await (await command('digest subscribe instant taliban', 'C7')).later()).body;
        expect(JSON.stringify(reply)).toMatch(/instant alert of status changes on Taliban .*posted within a minute/);
        at('2026-11-23T07:01:10Z');
        expect((await sender().sendDue()).map((r) => r.outcome)).toEqual(['not-due']);
        await addRuling();
        at('2026-11-23T07:02:05Z');
        // Two processes sending at once, on one database.
        const other = await store.reopen();
        const runs = await Promise.all([sender().sendDue(), sender(other).sendDue()]);
        await other.close();
        expect(
          runs
            .flat()
            .map((r) => r.outcome)
            .sort(),
        ).toEqual(['in-progress', 'sent']);
        const posts = () => digestPosts().filter((c) => c.body.channel === 'C7');
        expect(posts()).toHaveLength(1);
        const shown = JSON.stringify(posts()[0]!.body.blocks);
        expect(shown).toMatch(/Status alert/);
        expect(shown).toMatch(/\*Russia\* on Taliban: removed, 2025-04-17 \(was removal pending\) \[1\]/);
        // The alert tells of status lines only: not the digest's dated events.
        expect(shown).not.toMatch(/Dated events|New articles/);
        at('2026-11-23T07:03:05Z');
        expect((await sender().sendDue()).map((r) => r.outcome)).toEqual(['not-due']);
        expect(posts()).toHaveLength(1);
      });

      it('refuses a day or a time for an instant alert', async () => {
        const { ack } = await command('digest subscribe instant 08:00 taliban');
        expect(JSON.stringify(ack)).toMatch(/takes topics, not a day or a time/);
      });
    });

    describe('subscribing with /designation digest', () => {
      it("subscribes the channel in the subscriber's time zone and says when the first digest comes", async () => {
        const { later } = await command('digest subscribe daily 09:00');
        const reply = (await later()).body;
        expect(reply.response_type).toBe('in_channel');
        expect(JSON.stringify(reply)).toMatch(/daily designation digest at 09:00 on every topic \(Europe\/Berlin, your time zone\)/);
        expect(JSON.stringify(reply)).toMatch(/The first one comes Mon 23 Nov 2026, 09:00 Europe\/Berlin/);
        expect(slack.fake.callsTo('users.info')[0]!.body.user).toBe('U1');
        expect(await store.subscriptions.inChannel('T1', 'C1')).toMatchObject([
          { cadence: 'daily', atTime: '09:00', timeZone: 'Europe/Berlin', topics: [], createdBy: 'U1' },
        ]);
      });

      it('takes a weekday and topics by any alias, and survives a restart', async () => {
        await (await command('digest subscribe weekly fri 08:30 taliban, IS-K')).later();
        const reopened = await store.reopen();
        const [sub] = await reopened.subscriptions.inChannel('T1', 'C1');
        await reopened.close();
        expect(sub).toMatchObject({ cadence: 'weekly', weekday: 5, atTime: '08:30' });
        expect(sub!.topics.map((id) => kb.entity(id)!.name).sort()).toEqual(['Islamic State – Khorasan Province', 'Taliban']);
      });

      it.each([
        ['digest subscribe hourly', /`hourly` is not daily, weekly or instant/],
        ['digest subscribe daily 25:00', /`25:00` is not a time of day/],
        ['digest subscribe daily monday', /for one day a week, use `weekly`/],
        ['digest subscribe daily 08:00 quidditch', /I do not know the topic "quidditch"/],
        ['digest resubscribe', /`resubscribe` is not a digest command/],
      ])('refuses "%s" and says what was wrong, with usage', async (text, problem) => {
        const { ack } = await command(text);
        expect(ack).toMatchObject({ response_type: 'ephemeral' });
        expect(ack?.text).toMatch(problem);
        expect(ack?.text).toMatch(/digest subscribe weekly \[day\]/);
        expect(await store.subscriptions.inChannel('T1', 'C1')).toEqual([]);
      });

      it("lists, narrows and removes the channel's subscriptions", async () => {
        await (await command('digest subscribe daily 07:15 taliban IS-K')).later();
        await (await command('digest subscribe weekly')).later();
        const list = JSON.stringify((await command('digest list')).ack);
        expect(list).toMatch(
          /Daily designation digest at 07:15 on Taliban, Islamic State – Khorasan Province \(Europe\/Berlin\) · next: Tue 24 Nov 2026, 07:15/,
        );
        expect(list).toMatch(/Weekly designation digest on Mondays at 09:00 on every topic/);

        const narrowed = JSON.stringify((await command('digest unsubscribe taliban')).ack);
        expect(narrowed).toMatch(/the daily digest now covers Islamic State – Khorasan Province/);
        expect((await store.subscriptions.inChannel('T1', 'C1')).map((s) => s.topics.length)).toEqual([1, 0]);

        const stopped = (await command('digest unsubscribe')).ack;
        expect(stopped).toMatchObject({ response_type: 'in_channel' });
        expect(await store.subscriptions.inChannel('T1', 'C1')).toEqual([]);
      });

      it('previews the next digest only to the asker', async () => {
        await (await command('digest subscribe daily')).later();
        at('2026-11-23T07:30:00Z');
        await addRuling();
        const { ack } = await command('digest preview');
        expect(ack).toMatchObject({ response_type: 'ephemeral' });
        expect(JSON.stringify(ack)).toMatch(/\*Russia\* on Taliban: removed, 2025-04-17 \(was removal pending\)/);
        expect(digestPosts()).toHaveLength(0);
      });
    });

    describe('sending digests', () => {
      async function subscribedAndNews(text = 'digest subscribe daily 09:00') {
        await (await command(text)).later();
        at('2026-11-23T07:30:00Z');
        await addRuling();
        return (await store.subscriptions.inChannel('T1', 'C1'))[0]!;
      }

      it('posts a due digest once per period, with what was added since the last one', async () => {
        await subscribedAndNews();
        at('2026-11-23T07:59:00Z');
        expect((await sender().sendDue()).map((r) => r.outcome)).toEqual(['not-due']);
        at('2026-11-23T08:00:30Z');
        expect((await sender().sendDue()).map((r) => r.outcome)).toEqual(['sent']);
        at('2026-11-23T11:00:00Z');
        expect((await sender().sendDue()).map((r) => r.outcome)).toEqual(['already-done']);

        const posts = digestPosts();
        expect(posts).toHaveLength(1);
        expect(posts[0]!.body.channel).toBe('C1');
        const shown = JSON.stringify(posts[0]!.body.blocks);
        expect(shown).toMatch(/\*Russia\* on Taliban: removed, 2025-04-17 \(was removal pending\)/);
        expect(shown).toMatch(/Russia's Supreme Court removes Taliban/);
        expect(shown).not.toMatch(/Russia to remove Taliban from its terrorist list/); // known before the subscription
        expect(await store.deliveries.get((await store.subscriptions.inChannel('T1', 'C1'))[0]!.id, NINE_BERLIN)).toMatchObject({ state: 'sent' });

        // The next day nothing is new: no post.
        at('2026-11-24T08:00:30Z');
        expect((await sender().sendDue()).map((r) => r.outcome)).toEqual(['empty']);
        expect(digestPosts()).toHaveLength(1);
      });

      it('does not post again after a restart in the middle of the period', async () => {
        await subscribedAndNews();
        at('2026-11-23T08:01:00Z');
        await sender().sendDue();
        await store.close();
        const restarted = await store.reopen();
        at('2026-11-23T15:00:00Z');
        expect((await sender(restarted).sendDue()).map((r) => r.outcome)).toEqual(['already-done']);
        await restarted.close();
        expect(digestPosts()).toHaveLength(1);
      });

      it('after a crash between posting and recording, finds the post and does not repeat it', async () => {
        const sub = await subscribedAndNews();
        at('2026-11-23T08:00:10Z');
        // What the sender does before it records the post, then the process dies.
        const window = { since: sub.createdAt, until: now.toISOString() };
        expect(await store.deliveries.lease(sub.id, NINE_BERLIN, window, now, null)).toBe(true);
        const transport = slackDigestTransport(deliveryClient('xoxb-test-token', { slackApiUrl: slack.fake.url }));
        const ts = await transport.post(sub, await digestFor(kb, store, window, []), { subscriptionId: sub.id, slot: NINE_BERLIN });

        const restarted = await store.reopen();
        at('2026-11-23T08:01:00Z');
        expect((await sender(restarted).sendDue()).map((r) => r.outcome)).toEqual(['in-progress']); // too soon to call it abandoned
        at('2026-11-23T08:05:00Z');
        expect((await sender(restarted).sendDue()).map((r) => r.outcome)).toEqual(['recovered']);
        expect(await restarted.deliveries.get(sub.id, NINE_BERLIN)).toMatchObject({ state: 'sent', messageTs: ts });
        await restarted.close();
        expect(digestPosts()).toHaveLength(1);
      });

      it('after a crash between leasing and posting, posts the digest once', async () => {
        const sub = await subscribedAndNews();
        at('2026-11-23T08:00:10Z');
        await store.deliveries.lease(sub.id, NINE_BERLIN, { since: sub.createdAt, until: now.toISOString() }, now, null);
        at('2026-11-23T08:05:00Z');
        expect((await sender().sendDue()).map((r) => r.outcome)).toEqual(['sent']);
        expect(slack.fake.callsTo('conversations.history')).toHaveLength(1);
        expect(digestPosts()).toHaveLength(1);
        expect(JSON.stringify(digestPosts()[0]!.body.blocks)).toMatch(/Supreme Court removes Taliban/);
      });

      it('does not post twice in a period when the channel subscribes again for an earlier time', async () => {
        await subscribedAndNews();
        at('2026-11-23T08:00:30Z');
        await sender().sendDue();
        at('2026-11-23T09:00:00Z');
        await (await command('digest subscribe daily 08:30')).later(); // 08:30 Berlin today has passed
        at('2026-11-23T09:01:00Z');
        expect((await sender().sendDue()).map((r) => r.outcome)).toEqual(['not-due']);
        expect(digestPosts()).toHaveLength(1);
      });

      it('settles a lease a crash left on an earlier slot before the next digest, so its news is not repeated', async () => {
        const sub = await subscribedAndNews();
        at('2026-11-23T08:00:10Z');
        const window = { since: sub.createdAt, until: now.toISOString() };
        await store.deliveries.lease(sub.id, NINE_BERLIN, window, now, null);
        const transport = slackDigestTransport(deliveryClient('xoxb-test-token', { slackApiUrl: slack.fake.url }));
        await transport.post(sub, await digestFor(kb, store, window, []), { subscriptionId: sub.id, slot: NINE_BERLIN });
        // The process died before recording; it comes back the next morning.
        at('2026-11-24T08:00:30Z');
        expect((await sender().sendDue()).map((r) => r.outcome)).toEqual(['empty']);
        expect(await store.deliveries.get(sub.id, NINE_BERLIN)).toMatchObject({ state: 'sent' });
        expect(digestPosts()).toHaveLength(1);
      });

      it('finds an interrupted digest further back than one page of channel history', async () => {
        const sub = await subscribedAndNews();
        at('2026-11-23T08:00:10Z');
        const window = { since: sub.createdAt, until: now.toISOString() };
        await store.deliveries.lease(sub.id, NINE_BERLIN, window, now, null);
        const client = deliveryClient('xoxb-test-token', { slackApiUrl: slack.fake.url });
        await slackDigestTransport(client).post(sub, await digestFor(kb, store, window, []), { subscriptionId: sub.id, slot: NINE_BERLIN });
        for (let i = 0; i < 450; i++) await client.chat.postMessage({ channel: 'C1', text: `chatter ${i}` });
        at('2026-11-23T08:10:00Z');
        expect((await sender().sendDue()).map((r) => r.outcome)).toEqual(['recovered']);
        expect(slack.fake.callsTo('conversations.history').length).toBe(3);
        expect(digestPosts()).toHaveLength(1);
      });

      it('sends one catch-up digest after days of downtime, not one per missed day', async () => {
        await subscribedAndNews();
        at('2026-11-26T10:00:00Z');
        expect((await sender().sendDue()).map((r) => r.outcome)).toEqual(['sent']);
        at('2026-11-26T20:00:00Z');
        await sender().sendDue();
        expect(digestPosts()).toHaveLength(1);
      });

      it('waits as long as a 429 asks, then posts', async () => {
        await subscribedAndNews();
        slack.fake.respondOnce('chat.postMessage', { status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } });
        at('2026-11-23T08:00:30Z');
        expect((await sender().sendDue()).map((r) => r.outcome)).toEqual(['sent']);
        expect(sleeps).toEqual([7000]);
        expect(digestPosts()).toHaveLength(2); // the refused one and the one that went through
        expect(log.lines.some((l) => l.msg === 'digest post failed; retrying' && l.waitMs === 7000)).toBe(true);
      });

      it('leaves a rate limit longer than its lease may be held to the next run, without waiting', async () => {
        const sub = await subscribedAndNews();
        slack.fake.respondOnce('chat.postMessage', { status: 429, headers: { 'retry-after': '300' }, body: { ok: false, error: 'ratelimited' } });
        at('2026-11-23T08:00:30Z');
        expect((await sender().sendDue())[0]).toMatchObject({ outcome: 'failed', error: 'rate limited' });
        expect(sleeps).toEqual([]);
        expect(await store.deliveries.get(sub.id, NINE_BERLIN)).toMatchObject({ state: 'failed' });
        at('2026-11-23T08:06:00Z');
        expect((await sender().sendDue()).map((r) => r.outcome)).toEqual(['sent']);
        expect(digestPosts()).toHaveLength(2); // the refused one and the one that went through
      });

      it('does not post again when an error came back but the message went through', async () => {
        await subscribedAndNews();
        slack.fake.respondOnce('chat.postMessage', { status: 502, body: { ok: false }, delivered: true });
        at('2026-11-23T08:00:30Z');
        expect((await sender().sendDue()).map((r) => r.outcome)).toEqual(['sent']);
        expect(sleeps).toEqual([1000]);
        expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(1);
        expect(slack.fake.callsTo('conversations.history')).toHaveLength(1);
      });

      it('records a network failure and posts once Slack can be reached', async () => {
        const sub = await subscribedAndNews();
        const unreachable = new DigestSender({
          store,
          knowledge: () => kb,
          transport: slackDigestTransport(deliveryClient('xoxb-test-token', { slackApiUrl: 'http://127.0.0.1:1/api/' })),
          logger: log.logger,
          clock,
          sleep: async (ms) => void sleeps.push(ms),
        });
        at('2026-11-23T08:00:30Z');
        const [report] = await unreachable.sendDue();
        expect(report).toMatchObject({ outcome: 'failed' });
        expect(report!.error).toMatch(/network error/);
        expect(await store.deliveries.get(sub.id, NINE_BERLIN)).toMatchObject({ state: 'failed' });
        at('2026-11-23T08:01:30Z');
        expect((await sender().sendDue()).map((r) => r.outcome)).toEqual(['sent']);
        expect(digestPosts()).toHaveLength(1);
      });

      it('pauses after an error retrying cannot fix persists over several runs', async () => {
        const sub = await subscribedAndNews();
        slack.fake.respondWith('chat.postMessage', (call) =>
          call.body.channel === 'C1' ? { body: { ok: false, error: 'invalid_blocks' } } : { body: { ok: true, ts: '1.1' } },
        );
        const outcomes: string[] = [];
        for (const minute of ['01', '02', '03']) {
          at(`2026-11-23T08:${minute}:00Z`);
          outcomes.push(...(await sender().sendDue()).map((r) => r.outcome));
        }
        expect(outcomes).toEqual(['failed', 'failed', 'paused']);
        expect(await store.subscriptions.get(sub.id)).toMatchObject({ pauseReason: 'invalid_blocks' });
      });

      it('retries server and network errors with backoff; a digest that still fails is recorded and sent on the next run', async () => {
        const sub = await subscribedAndNews();
        slack.fake.respondWith('chat.postMessage', { status: 503, body: { ok: false } });
        at('2026-11-23T08:00:30Z');
        expect((await sender().sendDue())[0]).toMatchObject({ outcome: 'failed', error: 'HTTP 503' });
        expect(sleeps).toEqual([1000, 2000, 4000, 8000]);
        expect(await store.deliveries.get(sub.id, NINE_BERLIN)).toMatchObject({ state: 'failed', error: 'HTTP 503' });

        slack.fake.reset(); // Slack is back
        at('2026-11-23T08:01:00Z');
        expect((await sender().sendDue()).map((r) => r.outcome)).toEqual(['sent']);
        expect(digestPosts()).toHaveLength(1);
        expect(await store.deliveries.get(sub.id, NINE_BERLIN)).toMatchObject({ state: 'sent', attempts: 2 });
      });

      it.each(['channel_not_found', 'not_in_channel', 'is_archived'])('pauses on %s and tells the subscriber', async (error) => {
        const sub = await subscribedAndNews();
        slack.fake.respondWith('chat.postMessage', (call) =>
          call.body.channel === 'C1' ? { body: { ok: false, error } } : { body: { ok: true, channel: call.body.channel, ts: '1.000001' } },
        );
        at('2026-11-23T08:00:30Z');
        expect((await sender().sendDue())[0]).toMatchObject({ outcome: 'paused', error });
        expect(await store.subscriptions.get(sub.id)).toMatchObject({ pauseReason: error });
        const note = slack.fake.callsTo('chat.postMessage').find((c) => c.body.channel === 'U1');
        expect(note?.body.text).toMatch(/could not post the daily designation digest to <#C1>.*paused/);
        expect(log.lines.some((l) => l.msg === 'digest subscription paused' && l.reason === error)).toBe(true);

        at('2026-11-24T08:00:30Z');
        expect(await sender().sendDue()).toEqual([]); // paused: not tried
        expect(JSON.stringify((await command('digest list')).ack)).toMatch(new RegExp(`paused since .*: ${error}`));

        slack.fake.reset();
        await (await command('digest subscribe daily 09:00')).later(); // subscribing again resumes
        at('2026-11-25T08:00:30Z');
        expect((await sender().sendDue()).map((r) => r.outcome)).toEqual(['sent']);
        expect(JSON.stringify(digestPosts()[0]!.body.blocks)).toMatch(/Supreme Court removes Taliban/); // nothing lost
      });
    });

    describe('rating answers', () => {
      it('stores 👍 / 👎 with the query and shows the ratings with /designation sources', async () => {
        for (const [user, action] of [
          ['U1', ANSWER_ACTIONS.helpful],
          ['U2', ANSWER_ACTIONS.notHelpful],
          ['U2', ANSWER_ACTIONS.notHelpful],
        ] as const) {
          const id = `fb${++responses}`;
          await slack.post(
            blockActionsBody({ action_id: action, value: 'who banned IS-K?', user_id: user, container: 'ephemeral', response_url: slack.fake.responseUrl(id) }),
          );
          // 👍 is thanked; 👎 asks why, in a modal (test/feedbackReports.test.ts).
          if (action === ANSWER_ACTIONS.helpful) expect((await slack.fake.waitForCall(`response_url:${id}`)).body.text).toMatch(/^Thanks/);
          else
            expect(
              (await slack.fake.waitForCall('views.open', { where: (c) => JSON.stringify(c.body.view).includes('who banned IS-K?') })).body.view,
            ).toBeDefined();
          slack.fake.reset();
        }
        expect(await store.feedback.summary('T1')).toEqual({ up: 1, down: 1, leastHelpful: [{ query: 'who banned IS-K?', up: 1, down: 1 }] });
        const sources = JSON.stringify((await command('sources')).ack);
        expect(sources).toMatch(/1 👍 · 1 👎 \(50% helpful, 2 ratings\)/);
        expect(sources).toMatch(/Rated down most: “who banned IS-K\?” \(1 👎\)/);
      });
    });
  });
}
