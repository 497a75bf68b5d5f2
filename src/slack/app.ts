import { App, type HTTPReceiverOptions } from '@slack/bolt';
import { BOT_SCOPES, OAUTH_PATHS } from '../render/slackIds.js';
import { isDatabaseError } from './databaseFailure.js';
import { databaseInstallationStore } from './installationStore.js';
import { databaseStateStore, installCallbacks, STATE_LIFETIME_SECONDS } from './installFlow.js';
import type { Config } from '../config.js';
import { boltLevel, boltLogger } from '../log.js';
import type { SlackContext } from './context.js';
import { countRequests, dropRetries, refuseUnanswerable } from './middleware.js';
import { SlackOutbound, slackOrigins, type OutboundStats } from './outbound.js';
import { guardedReceiver } from './receiver.js';
import { surfaceOf } from './surface.js';
import * as actions from './listeners/actions/index.js';
import * as commands from './listeners/commands/index.js';
import * as events from './listeners/events/index.js';
import * as messages from './listeners/messages/index.js';
import * as shortcuts from './listeners/shortcuts/index.js';
import * as views from './listeners/views/index.js';

/**
 * Listener groups as in Slack's bolt-ts-starter-template, one per kind of request, each with a
 * `register(app, ctx)` that adds one listener: Bolt runs every listener's middleware for every
 * request, so one listener per kind keeps that cost flat as surfaces are added.
 */
const SURFACES = [commands, messages, events, actions, shortcuts, views];

/**
 * Health check for a load balancer: 200 once the knowledge base is loaded and the database can
 * be written; 503 with the reason before, or when it cannot. Calls to Slack are counted in both,
 * and the sources of sources.yml that fail now are named (a failing feed does not make it 503).
 */
function healthRoute(ctx: SlackContext, slack: () => OutboundStats) {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: async (_req: unknown, res: import('node:http').ServerResponse) => {
      const kb = ctx.knowledge();
      const unwritable = await ctx.store.writeProblem();
      const health = !kb
        ? { status: 'loading' }
        : unwritable
          ? { status: 'unwritable', reason: unwritable, articles: kb.articles.length }
          : { status: 'ok', articles: kb.articles.length };
      res.writeHead(health.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
      const sources = ctx.sources();
      res.end(JSON.stringify({ ...health, slack: slack(), ...(sources ? { sources } : {}) }));
    },
  };
}

/** Prometheus' scrape of this process: GET /metrics (see src/metrics.ts). */
function metricsRoute(ctx: SlackContext) {
  return {
    path: '/metrics',
    method: ['GET'],
    handler: (_req: unknown, res: import('node:http').ServerResponse) => {
      ctx.metrics.registry
        .metrics()
        .then((text) => {
          res.writeHead(200, { 'content-type': ctx.metrics.registry.contentType });
          res.end(text);
        })
        .catch((error: unknown) => {
          ctx.logger.error({ err: error }, 'could not collect the metrics');
          res.writeHead(500);
          res.end();
        });
    },
  };
}

/**
 * Retries of a Web API call that failed (timed out, or refused while Slack hung): three, spread
 * over about twice the timeout, so that the last comes after calls stuck at the outage have
 * timed out and a reply is late rather than lost. A listener's calls end within about six timeouts.
 */
const replyRetries = (timeoutMs: number) => ({ retries: 3, factor: 2, minTimeout: timeoutMs / 4, maxTimeout: timeoutMs });

/**
 * Slack's OAuth install flow through Bolt's installer, when configured: /slack/install sends the
 * person to Slack at once, /slack/oauth_redirect stores the installation in the database. Each
 * state installs once; an install that does not finish gets a page that says why. The installer's
 * calls go through the guarded outbound path, and are not retried: a person is waiting at the page.
 */
function installOptions(config: Config, ctx: SlackContext, fetch: SlackOutbound['fetch']): Partial<HTTPReceiverOptions> {
  if (!config.oauth) return {};
  return {
    clientId: config.oauth.clientId,
    clientSecret: config.oauth.clientSecret,
    scopes: [...BOT_SCOPES],
    installationStore: databaseInstallationStore(ctx.store, ctx.clock),
    installerOptions: {
      installPath: OAUTH_PATHS.install,
      redirectUriPath: OAUTH_PATHS.redirect,
      directInstall: true,
      stateStore: databaseStateStore(ctx.store),
      stateCookieExpirationSeconds: STATE_LIFETIME_SECONDS,
      callbackOptions: installCallbacks(ctx.logger),
      clientOptions: {
        ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
        fetch,
        timeout: config.slackTimeoutMs,
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
      },
    },
  };
}

/**
 * The Bolt app: Socket Mode when an app-level token is configured (development, no public
 * URL), otherwise HTTP with Slack's requests at /slack/events. One codebase for both.
 */
export function createSlackApp(config: Config, ctx: SlackContext): App {
  const origins = slackOrigins(config.slackApiUrl);
  const outbound = new SlackOutbound(ctx.logger.child({ component: 'slack-calls' }), {
    origins,
    timeoutMs: config.slackTimeoutMs,
    onError: (method, code) => ctx.metrics.slackErrors.inc({ method, code }),
  });
  const customRoutes = [healthRoute(ctx, () => outbound.stats()), metricsRoute(ctx)];
  const common = {
    // A single workspace's token; with OAuth each request is authorised with its workspace's installation.
    ...(config.oauth ? {} : { token: config.botToken }),
    logger: boltLogger(ctx.logger),
    logLevel: boltLevel(ctx.logger.level),
    // Bolt's conversation store keeps per-conversation state in memory for every request; nothing here uses it.
    convoStore: false as const,
    // The error handler is given the request, so a logged failure names the surface it came from.
    extendedErrorHandler: true,
    // One fetch for the Web API client and respond(): timeouts, bounded concurrency, Slack's origins only.
    clientOptions: {
      ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
      fetch: outbound.fetch,
      timeout: config.slackTimeoutMs,
      retryConfig: replyRetries(config.slackTimeoutMs),
      // A rate limit longer than the outbound path waits fails the call, instead of holding the workspace's whole queue.
      rejectRateLimitedCalls: true,
    },
  };
  const app = config.appToken
    ? new App({ ...common, customRoutes, socketMode: true, appToken: config.appToken, installerOptions: { port: config.port } })
    : new App({
        ...common,
        receiver: guardedReceiver(
          {
            signingSecret: config.signingSecret!,
            customRoutes,
            logger: common.logger,
            logLevel: common.logLevel,
            ...installOptions(config, ctx, outbound.fetch),
          },
          ctx.logger,
        ),
      });
  app.use(refuseUnanswerable(ctx, origins));
  app.use(dropRetries(ctx));
  app.use(countRequests(ctx));
  for (const surface of SURFACES) surface.register(app, ctx);
  // Bolt 5.1 does not export ExtendedErrorHandlerArgs; these are the fields of it read here.
  app.error(async ({ error, body, context }: { error: Error; body: object; context: { teamId?: string } }) => {
    ctx.logger.error({ err: error, surface: surfaceOf(body as Record<string, unknown>), team: context.teamId }, 'a Slack listener failed');
    if (isDatabaseError(error)) ctx.metrics.databaseErrors.inc();
  });
  return app;
}
