import type { SlackEventMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { digestAsked } from '../../../digest/digestQuestion.js';
import { digestFor } from '../../../digest/sendDue.js';
import type { KnowledgeBase } from '../../../index/knowledgeBase.js';
import { renderDigestBlocks } from '../../../render/digestBlocks.js';
import { AgentSession } from '../../agentSession.js';
import { answerFor, LOADING } from '../../replies.js';
import type { SlackContext } from '../../context.js';
import { orWithout } from '../../databaseFailure.js';
import { timeZoneOf } from '../../timeZone.js';

export type Say = SlackEventMiddlewareArgs<'message'>['say'];

/** Where a question was asked: the workspace, the person, the conversation and its thread. */
export interface Asked {
  team: string;
  user: string;
  channel: string;
  threadTs: string;
  query: string;
  surface: 'dm' | 'mention' | 'follow-up';
  /** Answer in the thread; false for a DM answered in the DM itself. */
  inThread: boolean;
}

const quiet = { unfurl_links: false, unfurl_media: false };

/**
 * Answers a question in conversation, in its thread (or in the DM itself), and remembers the
 * thread's subject and what was asked about. In the DM (the agent pane) "what changed this
 * week?" is answered with the digest of that window; a new thread is titled after its subject;
 * and an answer that may take more than a moment shows "processing" while it is built.
 */
export async function reply(ctx: SlackContext, say: Say, client: WebClient, asked: Asked): Promise<void> {
  const { team, channel, threadTs, query, surface, inThread } = asked;
  const where = inThread ? { thread_ts: threadTs } : {};
  const kb = ctx.knowledge();
  if (!kb) {
    await say({ ...LOADING, thread_ts: threadTs });
    return;
  }
  const context = await orWithout(ctx, surface, () => ctx.store.threads.of(team, channel, threadTs), undefined);
  // In a thread about something, "what changed?" asks about that, not about everything.
  if (surface === 'dm' && context === undefined && (await replyWithDigest(ctx, say, client, kb, asked))) return;
  const session = surface === 'dm' ? new AgentSession(client, channel, threadTs, ctx.logger) : null;
  const slow = session !== null && kb.articles.length >= ctx.agentStatusMinArticles && !ctx.answers.has(kb, query, context ?? []);
  if (slow) await session.status('processing');
  try {
    const { answer, payload } = answerFor(ctx.answers, kb, query, context ?? []);
    await say({ ...payload, ...where, ...quiet });
    await orWithout(ctx, surface, () => ctx.store.threads.remember(team, channel, threadTs, answer.subjects), undefined);
    ctx.store.asked.record(team, answer.subjects, ctx.clock());
    ctx.logger.info({ surface, channel, subjects: answer.subjects }, 'answered');
    if (session !== null && context === undefined && answer.subjects.length > 0) await session.title(answer.subjects);
  } finally {
    if (slow) await session.status('active');
  }
}

/** "What changed this week?" and its kin, answered with the digest of the window asked, in the asker's time zone; false for any other question. */
async function replyWithDigest(ctx: SlackContext, say: Say, client: WebClient, kb: KnowledgeBase, asked: Asked): Promise<boolean> {
  const window = digestAsked(kb, asked.query, ctx.clock());
  if (window === null) return false;
  const where = asked.inThread ? { thread_ts: asked.threadTs } : {};
  const digest = await orWithout(ctx, asked.surface, () => digestFor(kb, ctx.store, window, window.topics), null);
  if (digest === null) {
    // When each article arrived is in the database: without it there is no telling what changed.
    await say({
      text: 'I cannot tell what changed just now: the database is not answering. Ask about an organisation, or try again in a few minutes.',
      ...where,
    });
    return true;
  }
  const timeZone = (await timeZoneOf(client, asked.user)) ?? 'UTC';
  await say({
    ...renderDigestBlocks(digest, { timeZone, label: `What changed, ${window.since.slice(0, 10)} to ${window.until.slice(0, 10)}` }),
    ...where,
    ...quiet,
  });
  ctx.logger.info({ surface: asked.surface, channel: asked.channel, since: window.since }, 'answered with a digest');
  return true;
}
