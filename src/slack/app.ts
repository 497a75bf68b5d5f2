import { App, type Middleware, type AnyMiddlewareArgs } from '@slack/bolt';
import type { Config } from '../config.js';
import { boltLevel, boltLogger } from '../log.js';
import type { SlackContext } from './context.js';
import * as actions from './listeners/actions/index.js';
import * as commands from './listeners/commands/index.js';
import * as home from './listeners/home/index.js';
import * as messages from './listeners/messages/index.js';

/** Listener groups, one per Slack surface, each with a `register(app, ctx)`. */
const SURFACES = [commands, messages, actions, home];

/** Health check for a load balancer: 200 once the knowledge base is loaded, 503 before. */
function healthRoute(ctx: SlackContext) {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req: unknown, res: import('node:http').ServerResponse) => {
      const kb = ctx.knowledge();
      res.writeHead(kb ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify(kb ? { status: 'ok', articles: kb.articles.length } : { status: 'loading' }));
    },
  };
}

/** Drops an Events API delivery whose event_id was already handled (Slack's retries). */
function dropRetries(ctx: SlackContext): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !ctx.store.seenEvents.firstTime(eventId)) {
      ctx.logger.info({ eventId }, 'ignored a retried event already handled');
      return;
    }
    await next();
  };
}

/**
 * The Bolt app: Socket Mode when an app-level token is configured (development, no public
 * URL), otherwise HTTP with Slack's requests at /slack/events. One codebase for both.
 */
export function createSlackApp(config: Config, ctx: SlackContext): App {
  const common = {
    token: config.botToken,
    logger: boltLogger(ctx.logger),
    logLevel: boltLevel(ctx.logger.level),
    customRoutes: [healthRoute(ctx)],
    // Bolt's conversation store keeps per-conversation state in memory for every request; nothing here uses it.
    convoStore: false as const,
    clientOptions: config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {},
  };
  const app = config.appToken
    ? new App({ ...common, socketMode: true, appToken: config.appToken, installerOptions: { port: config.port } })
    : new App({ ...common, signingSecret: config.signingSecret! });
  app.use(dropRetries(ctx));
  for (const surface of SURFACES) surface.register(app, ctx);
  app.error(async (error) => {
    ctx.logger.error({ err: error }, 'a Slack listener failed');
  });
  return app;
}
