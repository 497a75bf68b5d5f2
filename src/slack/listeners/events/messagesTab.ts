import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { suggestedPrompts } from '../../agentPrompts.js';
import { teamOf, type SlackContext } from '../../context.js';
import { orWithout } from '../../databaseFailure.js';

/**
 * The app's messages opened (the agent pane): suggested prompts made from the knowledge base.
 * In the agent messaging experience this event replaces assistant_thread_started, and the
 * prompts are set for the DM without a thread_ts (with one, Slack drops the call for an agent
 * app). Bolt 5.1's Assistant class still listens for the old event, so the Web API is called here.
 */
export async function onMessagesTab(
  { event, client, context }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs,
  ctx: SlackContext,
): Promise<void> {
  if (event.tab !== 'messages' || !event.channel) return;
  const team = teamOf(context);
  const mostAsked = await orWithout(ctx, 'agent', () => ctx.store.asked.top(team, 2), []);
  const prompts = suggestedPrompts(ctx.knowledge(), mostAsked);
  await client.assistant.threads.setSuggestedPrompts({ channel_id: event.channel, title: 'Ask about a designation', prompts });
}
