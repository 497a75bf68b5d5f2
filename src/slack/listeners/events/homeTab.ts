import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { coverageBlocks, feedbackBlocks, LOADING, reportBlocks, usageBlocks } from '../../replies.js';
import { teamOf, type SlackContext } from '../../context.js';
import { orWithout } from '../../databaseFailure.js';

/**
 * The App Home tab opened: what the bot does, how to ask, what the knowledge base covers and how
 * answers were rated; for editors, the latest reports too, each with a button to ask it again.
 */
export async function onHomeTab({ event, client, context }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs, ctx: SlackContext): Promise<void> {
  if (event.tab !== 'home') return;
  const kb = ctx.knowledge();
  const team = teamOf(context);
  const editor = await ctx.editors.include(event.user, team, client);
  const ratings = await orWithout(ctx, 'home', () => ctx.store.feedback.summary(team), null);
  const reports = editor ? await orWithout(ctx, 'home', () => ctx.store.reports.latest(team), null) : [];
  await client.views.publish({
    user_id: event.user,
    view: {
      type: 'home',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Designation desk' } },
        ...usageBlocks(),
        { type: 'divider' },
        { type: 'header', text: { type: 'plain_text', text: 'What the knowledge base covers' } },
        ...(kb ? coverageBlocks(kb) : LOADING.blocks),
        { type: 'divider' },
        ...feedbackBlocks(ratings),
        ...(editor ? [{ type: 'divider' as const }, ...reportBlocks(reports)] : []),
      ],
    },
  });
}
