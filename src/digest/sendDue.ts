import type { Logger } from 'pino';
import type { KnowledgeBase } from '../index/knowledgeBase.js';
import type { Delivery } from '../store/deliveries.js';
import type { Store } from '../store/store.js';
import type { Subscription } from '../store/subscriptions.js';
import { buildDigest } from './buildDigest.js';
import { latestSlot } from './schedule.js';
import { isEmptyDigest, type Digest } from './types.js';

/** How a failed post should be handled: tried again, the subscription paused, or given up for now. */
export type FailureKind = 'retry' | 'pause' | 'fail';

/** A post that failed, classified by the transport. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
    /** For rate limits: how long Slack asked us to wait. */
    readonly retryAfterMs: number | null = null,
    /** Whether the message may have been posted all the same (a server error, a lost response). */
    readonly maybePosted = false,
  ) {
    super(message);
  }
}

/** Identifies one digest: posted with the message, so a post can be found again after a crash. */
export interface DigestKey {
  subscriptionId: number;
  slot: string;
}

/** Where digests go, rendered as the place needs: Slack in production (src/slack/digestTransport.ts). */
export interface DigestTransport {
  /** Posts the subscription's digest to its channel and returns the message's ts; throws a DeliveryError. */
  post(subscription: Subscription, digest: Digest, key: DigestKey): Promise<string>;
  /** The ts of a message for `key` posted to the channel since `after`, or null if there is none. */
  findPosted(subscription: Subscription, key: DigestKey, after: Date): Promise<string | null>;
  /** Tells the person who set the subscription something directly (a DM in its workspace). */
  notify(subscription: Subscription, text: string): Promise<void>;
}

export type DeliveryOutcome = 'sent' | 'empty' | 'not-due' | 'already-done' | 'in-progress' | 'recovered' | 'paused' | 'failed' | 'waiting-for-knowledge';

export interface DeliveryReport {
  subscription: Subscription;
  slot: string | null;
  outcome: DeliveryOutcome;
  error?: string;
}

export interface DigestSenderOptions {
  store: Store;
  knowledge: () => KnowledgeBase | null;
  transport: DigestTransport;
  logger: Logger;
  clock: () => Date;
  sleep: (ms: number) => Promise<void>;
  /** Post a digest that says "nothing new" rather than skipping it (DIGEST_POST_EMPTY). */
  postEmpty: boolean;
  /** Tries per digest per run for errors worth retrying (default 5), backing off from `backoffMs` (1 s). */
  maxAttempts: number;
  backoffMs: number;
  /** A digest leased this long ago and never marked sent was abandoned by a crash (default 2 min). */
  staleAfterMs: number;
  /** Told the outcome of every subscription's run (default: nobody). */
  observe: (report: DeliveryReport) => void;
}

const DEFAULTS = {
  clock: () => new Date(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  postEmpty: false,
  maxAttempts: 5,
  backoffMs: 1000,
  staleAfterMs: 120_000,
  observe: () => {},
};

/** A digest refused for a reason retrying will not fix (bad auth, a missing scope) pauses after this many runs. */
const FAILED_RUNS_BEFORE_PAUSE = 3;

const PAUSE_NOTES: Record<string, string> = {
  channel_not_found: 'the channel no longer exists or I cannot see it',
  not_in_channel: 'I am not a member of the channel (invite me with `/invite`)',
  is_archived: 'the channel is archived',
  app_uninstalled: 'the app is no longer installed in this workspace',
};

/** What the knowledge base learned between two instants, for some topics. */
export async function digestFor(kb: KnowledgeBase, store: Store, window: { since: string; until: string }, topics: string[]): Promise<Digest> {
  const seen = await store.ledger.seen(kb.articles, window.since);
  const replaced = await store.listVersions.replaced(
    kb.lists.map((list) => ({ ...list, copies: kb.copiesBefore(list) })),
    window.since,
    window.until,
  );
  return buildDigest(kb, seen, { ...window, topics, replaced });
}

/**
 * Posts the digests that are due, each exactly once per scheduled slot: a slot is leased in
 * the delivery log before posting and marked sent after, and the lease is renewed before each
 * retry. Before anything is posted again (after a crash, a failed run, or an error after which
 * the message may have gone through) the channel is searched for it. Rate limits, server
 * errors and network errors are retried with backoff; a channel that is gone, archived or
 * without the bot pauses its subscription and tells the subscriber, as does an error that
 * persists over several runs.
 */
export class DigestSender {
  private readonly options: DigestSenderOptions;

  constructor(options: Pick<DigestSenderOptions, 'store' | 'knowledge' | 'transport' | 'logger'> & Partial<DigestSenderOptions>) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Posts every digest due at `now`, one subscription after another; one that fails does not stop the others. */
  async sendDue(now: Date = this.options.clock()): Promise<DeliveryReport[]> {
    const reports: DeliveryReport[] = [];
    for (const subscription of await this.options.store.subscriptions.active()) {
      try {
        reports.push(await this.deliver(subscription, now));
      } catch (error) {
        this.options.logger.error({ subscription: subscription.id, err: error }, 'digest could not be prepared; it will be tried again on the next run');
        reports.push({ subscription, slot: null, outcome: 'failed', error: String(error) });
      }
      this.options.observe(reports.at(-1)!);
    }
    return reports;
  }

  private async deliver(sub: Subscription, now: Date): Promise<DeliveryReport> {
    const { store, logger, staleAfterMs } = this.options;
    const slotTime = latestSlot(sub, now);
    if (slotTime === null) return { subscription: sub, slot: null, outcome: 'not-due' };
    const slot = slotTime.toISOString();
    const report = (outcome: DeliveryOutcome, error?: string): DeliveryReport => ({ subscription: sub, slot, outcome, ...(error ? { error } : {}) });
    const stale = (d: Delivery) => now.getTime() - Date.parse(d.updatedAt) >= staleAfterMs;

    // A lease a crash left on an earlier slot: its post either happened (then the next digest
    // starts after it) or not (then the window of this one covers it).
    for (const old of await store.deliveries.abandonedBefore(sub.id, slot)) {
      if (!stale(old)) return report('in-progress');
      const found = await this.findPosted(sub, old.slot);
      if (found === undefined) return report('failed', 'could not check whether an interrupted digest was posted');
      if (found !== null) await store.deliveries.markSent(sub.id, old.slot, found, now);
      else await store.deliveries.markFailed(sub.id, old.slot, 'interrupted before posting; a later digest covers its window', now);
    }

    const row = await store.deliveries.get(sub.id, slot);
    if (row?.state === 'sent' || row?.state === 'empty') return report('already-done');
    if (row?.state === 'sending' && !stale(row)) return report('in-progress');
    if (row !== null) {
      // An earlier try may have reached Slack even though it was not recorded (a crash, a lost response).
      const found = await this.findPosted(sub, slot);
      if (found === undefined) return report('failed', 'could not check whether an earlier try was posted');
      if (found !== null) {
        await store.deliveries.markSent(sub.id, slot, found, now);
        logger.info({ subscription: sub.id, channel: sub.channelId, slot }, 'digest found posted after an interrupted delivery');
        return report('recovered');
      }
    }
    return this.compose(sub, slot, row, now, report);
  }

  /** What the slot's window brought, leased and posted; an empty digest recorded (or posted, with postEmpty), an alert with no change left be. */
  private async compose(sub: Subscription, slot: string, row: Delivery | null, now: Date, report: (o: DeliveryOutcome, e?: string) => DeliveryReport) {
    const { store } = this.options;
    const kb = this.options.knowledge();
    if (kb === null) return report('waiting-for-knowledge');
    const window = { since: row?.since ?? (await store.deliveries.lastUntil(sub.id)) ?? sub.createdAt, until: now.toISOString() };
    const digest = await digestFor(kb, store, window, sub.topics);
    if (sub.cadence === 'instant') {
      // An alert tells of changed status lines only, and is due only when there is one: a minute
      // without is recorded nowhere (its window is the next alert's), not as a row a minute.
      if (digest.statusChanges.length === 0) return report('not-due');
    } else if (isEmptyDigest(digest) && !this.options.postEmpty) {
      await store.deliveries.recordEmpty(sub.id, slot, window, now);
      return report('empty');
    }
    if (!(await store.deliveries.lease(sub.id, slot, window, now, row))) return report('in-progress');
    return this.post(sub, slot, sub.cadence === 'instant' ? alertOf(digest) : digest, now.toISOString(), report);
  }

  /** Posts a leased digest, retrying what is worth retrying while the lease is still this sender's. */
  private async post(sub: Subscription, slot: string, digest: Digest, leasedAt: string, report: (o: DeliveryOutcome, e?: string) => DeliveryReport) {
    const { store, transport, logger, clock } = this.options;
    const where = { subscription: sub.id, channel: sub.channelId, slot };
    const key = { subscriptionId: sub.id, slot };
    let held = leasedAt;
    let ts: string | null = null;
    for (let attempt = 1; ts === null; attempt++) {
      if (attempt > 1) {
        const renewedAt = clock();
        if (!(await store.deliveries.renew(sub.id, slot, held, renewedAt))) return report('in-progress');
        held = renewedAt.toISOString();
      }
      try {
        ts = await transport.post(sub, digest, key);
      } catch (caught) {
        const next = await this.afterFailedPost(sub, slot, caught, attempt, report);
        if ('done' in next) return next.done;
        ts = next.posted;
      }
    }
    // Outside the try: a post that went through is never retried, even if recording it fails.
    await store.deliveries.markSent(sub.id, slot, ts, clock());
    logger.info({ ...where, ts }, 'digest posted');
    return report('sent');
  }

  /**
   * What follows a failed post: another try after a wait (`posted` is the ts of a post that went
   * through after all, else null), or the report the delivery ends with (failed, or paused).
   */
  private async afterFailedPost(
    sub: Subscription,
    slot: string,
    caught: unknown,
    attempt: number,
    report: (o: DeliveryOutcome, e?: string) => DeliveryReport,
  ): Promise<{ posted: string | null } | { done: DeliveryReport }> {
    const { store, logger, maxAttempts, backoffMs, staleAfterMs, clock, sleep } = this.options;
    const error = caught instanceof DeliveryError ? caught : new DeliveryError(String(caught), 'fail');
    const wait = error.retryAfterMs ?? backoffMs * 2 ** (attempt - 1);
    // A wait that would outlast the lease is left to a later run, so no other process takes the lease meanwhile.
    if (error.kind === 'retry' && attempt < maxAttempts && wait < staleAfterMs / 2) {
      logger.warn({ subscription: sub.id, channel: sub.channelId, slot, attempt, waitMs: wait, error: error.message }, 'digest post failed; retrying');
      await sleep(wait);
      if (!error.maybePosted) return { posted: null };
      const found = await this.findPosted(sub, slot);
      if (found === undefined) return { done: await this.fail(sub, slot, `${error.message}; and could not check whether it was posted`, report) };
      return { posted: found };
    }
    const persisting = error.kind === 'fail' && ((await store.deliveries.get(sub.id, slot))?.attempts ?? 0) >= FAILED_RUNS_BEFORE_PAUSE;
    if (error.kind === 'pause' || persisting) {
      await store.deliveries.markFailed(sub.id, slot, error.message, clock());
      await this.pause(sub, error.message);
      return { done: report('paused', error.message) };
    }
    return { done: await this.fail(sub, slot, error.message, report) };
  }

  private async fail(sub: Subscription, slot: string, message: string, report: (o: DeliveryOutcome, e?: string) => DeliveryReport): Promise<DeliveryReport> {
    await this.options.store.deliveries.markFailed(sub.id, slot, message, this.options.clock());
    this.options.logger.error(
      { subscription: sub.id, channel: sub.channelId, slot, error: message },
      'digest not posted; it will be tried again on the next run',
    );
    return report('failed', message);
  }

  private async pause(sub: Subscription, reason: string): Promise<void> {
    const { store, transport, logger, clock } = this.options;
    await store.subscriptions.pause(sub.id, reason, clock());
    logger.warn({ subscription: sub.id, channel: sub.channelId, reason }, 'digest subscription paused');
    const why = PAUSE_NOTES[reason] ?? reason;
    const note =
      `I could not post the ${sub.cadence} designation digest to <#${sub.channelId}>: ${why}. ` +
      'The subscription is paused; subscribe again in that channel with `/designation digest subscribe` to resume it.';
    try {
      await transport.notify(sub, note);
    } catch (error) {
      logger.warn({ subscription: sub.id, user: sub.createdBy, error: String(error) }, 'could not tell the subscriber about the pause');
    }
  }

  /**
   * The ts of the slot's digest if Slack has it, null if it does not, undefined if Slack could
   * not say (then nothing is posted: a later run asks again, unless the subscription was paused).
   */
  private async findPosted(sub: Subscription, slot: string): Promise<string | null | undefined> {
    // No digest for a slot is posted before its scheduled time; a few minutes allow for clock skew.
    const after = new Date(Date.parse(slot) - 5 * 60_000);
    try {
      return await this.options.transport.findPosted(sub, { subscriptionId: sub.id, slot }, after);
    } catch (error) {
      // Nothing can be posted there until someone acts (the app was uninstalled, say): paused, as a failed post would be.
      if (error instanceof DeliveryError && error.kind === 'pause') await this.pause(sub, error.message);
      else this.options.logger.error({ subscription: sub.id, slot, error: String(error) }, 'could not check whether a digest was posted');
      return undefined;
    }
  }
}

/** What an instant alert shows of a digest: the status lines that changed, each with what it said before. */
function alertOf(digest: Digest): Digest {
  return { ...digest, events: [], articles: [], listChanges: [] };
}
