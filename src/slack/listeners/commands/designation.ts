import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerFor, helpPayload, LOADING, sourcesPayload } from '../../replies.js';
import { teamOf, type SlackContext } from '../../context.js';
import { orWithout } from '../../databaseFailure.js';
import { slackTextToQuery } from '../../slackText.js';
import { handleDigestCommand } from './digest.js';

/**
 * `/designation <query>`: answered in the acknowledgement itself (answering takes
 * milliseconds), visible only to the asker, with a Share in channel button.
 * `/designation digest ...` manages the channel's digests.
 */
export async function onDesignation(args: SlackCommandMiddlewareArgs & AllMiddlewareArgs, ctx: SlackContext): Promise<void> {
  const { command, ack } = args;
  const text = slackTextToQuery(command.text);
  const kb = ctx.knowledge();
  const word = text.toLowerCase();
  if (word === '' || word === 'help') return ack({ response_type: 'ephemeral', ...helpPayload() });
  if (word === 'digest' || word.startsWith('digest ')) return handleDigestCommand(args, text.slice('digest'.length), ctx);
  if (!kb) return ack({ response_type: 'ephemeral', ...LOADING });
  if (word === 'sources') {
    const ratings = await orWithout(ctx, 'command', () => ctx.store.feedback.summary(teamOf(args.context)), null);
    return ack({ response_type: 'ephemeral', ...sourcesPayload(kb, ratings) });
  }
  const { answer, payload } = answerFor(ctx.answers, kb, text);
  ctx.store.asked.record(teamOf(args.context), answer.subjects, ctx.clock());
  ctx.logger.info({ surface: 'command', user: command.user_id, channel: command.channel_id }, 'answered /designation');
  return ack({ response_type: 'ephemeral', ...payload });
}
