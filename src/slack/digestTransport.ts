import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError, WebClient, type WebClientOptions } from '@slack/web-api';
import { DeliveryError, type DigestKey, type DigestTransport } from '../digest/sendDue.js';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { SlackOutbound, slackOrigins } from './outbound.js';
import type { Store } from '../store/store.js';
import type { Subscription } from '../store/subscriptions.js';
import { installedBotToken } from './installationStore.js';
import { renderDigestBlocks } from '../render/digestBlocks.js';
import { DIGEST_EVENT } from '../render/slackIds.js';

/** Platform errors after which posting to the channel cannot work until someone acts. */
const PAUSING = new Set(['channel_not_found', 'not_in_channel', 'is_archived']);
/** Platform errors that mean "try again later". */
const TRANSIENT = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/** A call taking longer than this is given up, well before the sender's lease could be taken as abandoned. */
const REQUEST_TIMEOUT_MS = 20_000;
/** How far back the history is read for an interrupted digest: 10 pages of 200 messages. */
const HISTORY_PAGES = 10;

/**
 * A Web API client that reports failures at once: retries and rate-limit waits are the
 * digest sender's, so each is logged and bounded.
 */
export function deliveryClient(token: string, options: Pick<WebClientOptions, 'slackApiUrl' | 'logger' | 'fetch'> = {}): WebClient {
  return new WebClient(token, { ...options, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: REQUEST_TIMEOUT_MS });
}

/**
 * The clients digests are posted with: the bot token's, for a single workspace; with OAuth, the
 * token of each workspace's installation (a client per token, made once). Their calls go through
 * the guarded outbound path (Slack's origins only, bounded calls in flight), which hands every
 * rate limit back to the sender: digests keep their own waits.
 */
export function deliveryClients(config: Pick<Config, 'botToken' | 'oauth' | 'slackApiUrl'>, store: Store, logger: Logger): WebClient | WorkspaceClients {
  const outbound = new SlackOutbound(logger.child({ component: 'slack-calls' }), {
    origins: slackOrigins(config.slackApiUrl),
    timeoutMs: REQUEST_TIMEOUT_MS,
    rateLimitWaitMs: 0,
  });
  const options = { ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}), fetch: outbound.fetch };
  if (!config.oauth) return deliveryClient(config.botToken, options);
  const made = new Map<string, WebClient>();
  return async (teamId) => {
    const token = await installedBotToken(store, teamId);
    if (token === null) return null;
    let client = made.get(token);
    if (!client) made.set(token, (client = deliveryClient(token, options)));
    return client;
  };
}

/** Maps a Web API error to what the sender should do with it, by @slack/web-api's error classes. */
export function classify(error: unknown): DeliveryError {
  if (error instanceof WebAPIRateLimitedError) return new DeliveryError('rate limited', 'retry', error.retryAfter * 1000);
  if (error instanceof WebAPIRequestError) return new DeliveryError(`network error: ${error.message}`, 'retry', null, true);
  if (error instanceof WebAPIHTTPError) {
    const serverError = error.statusCode >= 500;
    return new DeliveryError(`HTTP ${error.statusCode}`, serverError ? 'retry' : 'fail', null, serverError);
  }
  if (error instanceof WebAPIPlatformError) {
    const code = error.data.error;
    if (PAUSING.has(code)) return new DeliveryError(code, 'pause');
    return TRANSIENT.has(code) ? new DeliveryError(code, 'retry', null, code !== 'ratelimited') : new DeliveryError(code, 'fail');
  }
  return new DeliveryError(error instanceof Error ? error.message : String(error), 'fail');
}

/** The Web API client of a workspace, or null when the app is no longer installed there. */
export type WorkspaceClients = (teamId: string) => Promise<WebClient | null>;

/** What each kind of post is headed with. */
const LABELS: Record<Subscription['cadence'], string> = { daily: 'Daily digest', weekly: 'Weekly digest', instant: 'Status alert' };

/**
 * Digests as Block Kit through the Slack Web API, each message carrying its key as message
 * metadata, each posted with the token of the workspace that subscribed: one client for a
 * single-workspace install, or a client per installed workspace.
 */
export function slackDigestTransport(clients: WebClient | WorkspaceClients): DigestTransport {
  const clientOf = async (subscription: Subscription): Promise<WebClient> => {
    const client = clients instanceof WebClient ? clients : await clients(subscription.teamId);
    if (client === null) throw new DeliveryError('app_uninstalled', 'pause');
    return client;
  };
  return {
    async post(subscription, digest, key) {
      const client = await clientOf(subscription);
      const label = LABELS[subscription.cadence];
      try {
        const result = await client.chat.postMessage({
          channel: subscription.channelId,
          ...renderDigestBlocks(digest, { timeZone: subscription.timeZone, label }),
          unfurl_links: false,
          unfurl_media: false,
          metadata: { event_type: DIGEST_EVENT, event_payload: { subscription_id: key.subscriptionId, slot: key.slot } },
        });
        return result.ts!;
      } catch (error) {
        throw classify(error);
      }
    },
    async findPosted(subscription, key: DigestKey, after) {
      const client = await clientOf(subscription);
      const channelId = subscription.channelId;
      let cursor: string | undefined;
      for (let page = 0; page < HISTORY_PAGES; page++) {
        const history = await client.conversations.history({
          channel: channelId,
          oldest: String(after.getTime() / 1000),
          include_all_metadata: true,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
        const found = history.messages?.find((m) => {
          const payload = m.metadata?.event_payload as Record<string, unknown> | undefined;
          return m.metadata?.event_type === DIGEST_EVENT && payload?.subscription_id === key.subscriptionId && payload?.slot === key.slot;
        });
        if (found?.ts) return found.ts;
        cursor = history.response_metadata?.next_cursor;
        if (!history.has_more || !cursor) return null;
      }
      throw new Error(`more than ${HISTORY_PAGES * 200} messages since the digest was due; cannot tell whether it was posted`);
    },
    async notify(subscription, text) {
      await (await clientOf(subscription)).chat.postMessage({ channel: subscription.createdBy, text });
    },
  };
}
