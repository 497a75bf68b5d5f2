import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { renderFeedbackThanks, type FeedbackSubject } from '../../../render/feedbackView.js';
import { FEEDBACK } from '../../../render/slackIds.js';
import { REPORT_REASONS, type ReportReason } from '../../../store/feedbackReports.js';
import { teamOf, type SlackContext } from '../../context.js';
import { databaseFailed, notSaved } from '../../databaseFailure.js';

const isReason = (value: unknown): value is ReportReason => typeof value === 'string' && Object.hasOwn(REPORT_REASONS, value);

/** Reads the modal's subject back; null when it is not what renderFeedbackView wrote. */
function subjectOf(metadata: string): FeedbackSubject | null {
  try {
    const parsed = JSON.parse(metadata) as Partial<FeedbackSubject>;
    return typeof parsed.query === 'string' && (parsed.channelId === null || typeof parsed.channelId === 'string')
      ? { query: parsed.query, channelId: parsed.channelId }
      : null;
  } catch {
    return null;
  }
}

/**
 * The 👎 modal submitted: the report is kept with its reason, note, the query, the knowledge
 * base's fingerprint and the citations of the answer as it is now, and the modal says thanks.
 */
export async function onFeedbackSubmit({ ack, view, body, context }: SlackViewMiddlewareArgs & AllMiddlewareArgs, ctx: SlackContext): Promise<void> {
  const reason = view.state.values[FEEDBACK.reasonBlock]?.[FEEDBACK.reasonBlock]?.selected_option?.value;
  const note = (view.state.values[FEEDBACK.noteBlock]?.[FEEDBACK.noteBlock]?.value ?? '').trim();
  const subject = subjectOf(view.private_metadata);
  if (!isReason(reason))
    return void (await ack({ response_action: 'errors', errors: { [FEEDBACK.reasonBlock]: 'Pick the reason closest to what was wrong.' } }));
  if (subject === null) {
    ctx.logger.warn({ surface: 'feedback' }, 'refused a feedback modal whose metadata this app did not write');
    return void (await ack({ response_action: 'errors', errors: { [FEEDBACK.reasonBlock]: 'This form is out of date: rate the answer again.' } }));
  }
  const kb = ctx.knowledge();
  const answer = kb ? ctx.answers.get(kb, subject.query) : null;
  try {
    await ctx.store.reports.add(
      {
        teamId: teamOf(context),
        userId: body.user.id,
        channelId: subject.channelId,
        query: subject.query,
        reason,
        note,
        knowledgeFingerprint: kb?.fingerprint() ?? 'loading',
        citations: (answer?.sources ?? []).map((s) => ({ id: s.id, title: s.title, path: s.path, url: s.url })),
      },
      ctx.clock(),
    );
  } catch (error) {
    databaseFailed(ctx, 'feedback', error);
    // The modal stays open with the reason and note chosen.
    return void (await ack({ response_action: 'errors', errors: { [FEEDBACK.reasonBlock]: notSaved(error) } }));
  }
  ctx.logger.info({ surface: 'feedback', user: body.user.id, reason }, 'answer reported');
  await ack({ response_action: 'update', view: renderFeedbackThanks() });
}
