import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { digestFor } from '../../../digest/sendDue.js';
import { nextSlot, WEEKDAYS } from '../../../digest/schedule.js';
import type { KnowledgeBase } from '../../../index/knowledgeBase.js';
import { section, type MessagePayload } from '../../../render/blocks.js';
import { renderDigestBlocks } from '../../../render/digestBlocks.js';
import { formatInstant } from '../../../render/instant.js';
import { escapeMrkdwn } from '../../../render/mrkdwn.js';
import type { Subscription } from '../../../store/subscriptions.js';
import { teamOf, type SlackContext } from '../../context.js';
import { databaseFailed, notSaved } from '../../databaseFailure.js';
import { COMMAND } from '../../../render/slackIds.js';
import { LOADING } from '../../replies.js';
import { DEFAULT_TIME, parseDigestArgs } from './digestArgs.js';
import { timeZoneOf } from '../../timeZone.js';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** A preview without a subscription covers this many days. */
const PREVIEW_DAYS = 7;

export const DIGEST_USAGE = [
  '*Digests*: what the knowledge base learned, posted to this channel on a schedule.',
  `• \`${COMMAND} digest subscribe daily [HH:MM] [topics]\`: every day, at ${DEFAULT_TIME} unless you give a time (your time zone)`,
  `• \`${COMMAND} digest subscribe weekly [day] [HH:MM] [topics]\`: once a week, on Monday unless you give a day`,
  `• \`${COMMAND} digest subscribe instant [topics]\`: an alert within a minute of a status line of the topics changing, with what it said before`,
  `• \`${COMMAND} digest list\`: this channel's subscriptions`,
  `• \`${COMMAND} digest unsubscribe [topics]\`: stop them, or drop some topics`,
  `• \`${COMMAND} digest preview\`: the next digest now, only for you`,
  `Topics are organisations, people or authorities, such as \`taliban, IS-K\`; none means every topic.`,
].join('\n');

const ephemeral = (payload: MessagePayload) => ({ response_type: 'ephemeral' as const, ...payload });
const note = (text: string): MessagePayload => ({ text, blocks: [section(text)] });

/**
 * `/designation digest ...`: subscribe a channel to digests, list, unsubscribe, preview. When
 * the database fails, the person is told that nothing changed.
 */
export async function handleDigestCommand(args: CommandArgs, words: string, ctx: SlackContext): Promise<void> {
  let acked = false;
  const ack: CommandArgs['ack'] = (response) => {
    acked = true;
    return args.ack(response);
  };
  try {
    await digestCommand({ ...args, ack }, words, ctx);
  } catch (error) {
    databaseFailed(ctx, 'command', error);
    if (acked) await args.respond(ephemeral(note(notSaved(error))));
    else await ack(ephemeral(note(notSaved(error))));
  }
}

async function digestCommand(args: CommandArgs, words: string, ctx: SlackContext): Promise<void> {
  const { command, ack, respond, client } = args;
  const team = teamOf(args.context);
  const kb = ctx.knowledge();
  if (!kb) return void (await ack(ephemeral(LOADING)));
  const parsed = parseDigestArgs(words, kb.matcher);
  const channel = command.channel_id;
  switch (parsed.action) {
    case 'help':
      return void (await ack(ephemeral(note(DIGEST_USAGE))));
    case 'invalid':
      return void (await ack(ephemeral(note(`${escapeMrkdwn(parsed.problem)}\n\n${DIGEST_USAGE}`))));
    case 'list':
      return void (await ack(ephemeral(listPayload(await ctx.store.subscriptions.inChannel(team, channel), kb, ctx.clock()))));
    case 'preview':
      return void (await ack(ephemeral(await previewPayload(kb, ctx, team, channel))));
    case 'unsubscribe':
      return unsubscribe(parsed.topics, kb, team, args, ctx);
    case 'subscribe': {
      // Reading the time zone is a Web API call: acknowledge first, confirm through response_url.
      await ack();
      const zone = await timeZoneOf(client, command.user_id);
      const sub = await ctx.store.subscriptions.subscribe(
        {
          teamId: team,
          channelId: channel,
          cadence: parsed.cadence,
          weekday: parsed.weekday,
          atTime: parsed.atTime,
          timeZone: zone ?? 'UTC',
          topics: parsed.topics,
          createdBy: command.user_id,
        },
        ctx.clock(),
      );
      if (sub === null)
        return void (await respond(
          ephemeral(
            note(
              'This channel already gets designation digests set up from another workspace (a channel shared between workspaces); subscribe from that workspace to change them.',
            ),
          ),
        ));
      ctx.logger.info({ subscription: sub.id, channel, user: command.user_id, cadence: sub.cadence }, 'digest subscription saved');
      const whose = zone ? 'your time zone' : 'UTC: I could not read your time zone';
      const first = formatInstant(nextSlot(sub, ctx.clock()).toISOString(), sub.timeZone);
      const when =
        sub.cadence === 'instant'
          ? 'It is posted within a minute of a new article or list changing a status line, with what the line said before.'
          : `The first one comes ${escapeMrkdwn(first)}.`;
      await respond({
        response_type: 'in_channel',
        ...note(
          `<@${command.user_id}> subscribed this channel to a ${describe(sub, kb)} (${escapeMrkdwn(sub.timeZone)}, ${whose}). ` +
            `${when} Stop it with \`${COMMAND} digest unsubscribe\`.`,
        ),
      });
      return;
    }
  }
}

/** "daily designation digest at 09:00 on Taliban", "instant alert of status changes on Taliban" */
function describe(sub: Subscription, kb: KnowledgeBase): string {
  const when = {
    daily: `daily designation digest at ${sub.atTime}`,
    weekly: `weekly designation digest on ${capital(WEEKDAYS[sub.weekday ?? 1]!)}s at ${sub.atTime}`,
    instant: 'instant alert of status changes',
  }[sub.cadence];
  return `${when} on ${topicNames(sub.topics, kb)}`;
}

function topicNames(topics: string[], kb: KnowledgeBase): string {
  return topics.length === 0 ? 'every topic' : topics.map((id) => escapeMrkdwn(kb.entity(id)?.name ?? id)).join(', ');
}

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function listPayload(subs: Subscription[], kb: KnowledgeBase, now: Date): MessagePayload {
  if (subs.length === 0) return note(`This channel has no digest subscriptions.\n\n${DIGEST_USAGE}`);
  const lines = subs.map((sub) => {
    const state = sub.pausedAt
      ? `:double_vertical_bar: paused since ${escapeMrkdwn(formatInstant(sub.pausedAt, sub.timeZone))}: ${escapeMrkdwn(sub.pauseReason ?? 'unknown reason')}`
      : sub.cadence === 'instant'
        ? 'posted as soon as a status line changes'
        : `next: ${escapeMrkdwn(formatInstant(nextSlot(sub, now).toISOString(), sub.timeZone))}`;
    return `• ${capital(describe(sub, kb))} (${escapeMrkdwn(sub.timeZone)}) · ${state} · set by <@${sub.createdBy}>`;
  });
  return note(`*Digest subscriptions in this channel*\n${lines.join('\n')}`);
}

async function previewPayload(kb: KnowledgeBase, ctx: SlackContext, team: string, channel: string): Promise<MessagePayload> {
  const now = ctx.clock();
  const [sub] = await ctx.store.subscriptions.inChannel(team, channel);
  if (!sub) {
    const since = new Date(now.getTime() - PREVIEW_DAYS * 86_400_000).toISOString();
    const digest = await digestFor(kb, ctx.store, { since, until: now.toISOString() }, []);
    const payload = renderDigestBlocks(digest, { timeZone: 'UTC', label: `Preview: the last ${PREVIEW_DAYS} days` });
    payload.blocks.push(section(`_This channel has no subscription. Start one with \`${COMMAND} digest subscribe daily\`._`));
    return payload;
  }
  const since = (await ctx.store.deliveries.lastUntil(sub.id)) ?? sub.createdAt;
  const digest = await digestFor(kb, ctx.store, { since, until: now.toISOString() }, sub.topics);
  return renderDigestBlocks(digest, { timeZone: sub.timeZone, label: `Preview of the next ${sub.cadence} digest` });
}

async function unsubscribe(topics: string[], kb: KnowledgeBase, team: string, { command, ack }: CommandArgs, ctx: SlackContext): Promise<void> {
  const subs = await ctx.store.subscriptions.inChannel(team, command.channel_id);
  if (subs.length === 0) return void (await ack(ephemeral(note('This channel has no digest subscriptions.'))));
  const by = `<@${command.user_id}>`;
  if (topics.length === 0) {
    await ctx.store.subscriptions.change(
      [],
      subs.map((sub) => sub.id),
    );
    ctx.logger.info({ channel: command.channel_id, user: command.user_id }, 'digest subscriptions removed');
    return void (await ack({ response_type: 'in_channel', ...note(`${by} unsubscribed this channel from designation digests.`) }));
  }
  const changed: string[] = [];
  const narrowed: { id: number; topics: string[] }[] = [];
  const removed: number[] = [];
  for (const sub of subs.filter((s) => s.topics.some((t) => topics.includes(t)))) {
    const left = sub.topics.filter((t) => !topics.includes(t));
    if (left.length === 0) removed.push(sub.id);
    else narrowed.push({ id: sub.id, topics: left });
    changed.push(left.length === 0 ? `the ${sub.cadence} digest is stopped` : `the ${sub.cadence} digest now covers ${topicNames(left, kb)}`);
  }
  await ctx.store.subscriptions.change(narrowed, removed);
  if (changed.length === 0) {
    const hint = subs.some((s) => s.topics.length === 0)
      ? ` A digest on every topic cannot drop one; subscribe again with the topics you want, or stop it with \`${COMMAND} digest unsubscribe\`.`
      : '';
    return void (await ack(ephemeral(note(`No digest in this channel covers ${topicNames(topics, kb)}.${hint}`))));
  }
  await ack({ response_type: 'in_channel', ...note(`${by} removed ${topicNames(topics, kb)} from this channel's digests: ${changed.join('; ')}.`) });
}
