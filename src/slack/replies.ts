import type { AnswerCache } from '../answer/answerCache.js';
import type { Answer } from '../answer/types.js';
import type { KnowledgeBase } from '../index/knowledgeBase.js';
import { renderBlocks, section, type Block, type MessagePayload } from '../render/blocks.js';
import { formatInstant } from '../render/instant.js';
import { truncate } from '../answer/truncate.js';
import { escapeMrkdwn } from '../render/mrkdwn.js';
import { COMMAND, HOME_ACTIONS } from '../render/slackIds.js';
import type { FeedbackSummary } from '../store/feedback.js';
import { REPORT_REASONS, type FeedbackReport } from '../store/feedbackReports.js';

const EXAMPLES = ['taliban', 'when did russia ban the taliban?', 'which countries removed the taliban?', 'IS-K', 'sources'];

/** How to ask, with examples: for `/designation help`, an empty command and the App Home. */
export function usageBlocks(): Block[] {
  return [
    section(
      '*Ask about a designated group, a person or an authority.* Every sentence of an answer is quoted from a news article and cited; ' +
        'dates are taken from the text; where sources disagree, the answer says so. ' +
        'A question such as _when_, _has … removed_, _who listed_ or _what changed since_ is answered first in a line assembled from the cited steps.',
    ),
    // Escaped as every text is: a bare `<question>` would be read as a link or a mention.
    section(
      [
        `• \`${COMMAND} ${escapeMrkdwn('<question>')}\`: an answer only you see, with a *Share in channel* button`,
        '• a direct message to the bot: any text is a question',
        '• mention the bot in a channel: it answers in a thread; reply in that thread to ask a follow-up',
        `• \`${COMMAND} sources\`: what the knowledge base holds, and how answers have been rated`,
        `• \`${COMMAND} digest\`: a scheduled digest of what changed, posted to a channel`,
        '',
        `Examples: ${EXAMPLES.map((e) => `\`${COMMAND} ${escapeMrkdwn(e)}\``).join(' · ')}`,
      ].join('\n'),
    ),
  ];
}

export function helpPayload(): MessagePayload {
  return { text: `How to use ${COMMAND}`, blocks: usageBlocks() };
}

/** What the knowledge base covers: articles, outlets, dates, main entities. */
export function coverageBlocks(kb: KnowledgeBase): Block[] {
  const c = kb.coverage();
  const lines = [
    `*${c.articles}* article${c.articles === 1 ? '' : 's'}${c.earliest ? `, published ${c.earliest} to ${c.latest}` : ''}`,
    `Outlets: ${c.outlets.length > 0 ? c.outlets.slice(0, 20).map(escapeMrkdwn).join(', ') : 'not recorded'}`,
    `Most covered: ${c.entities.slice(0, 15).map(escapeMrkdwn).join(', ') || 'nothing yet'}`,
  ];
  return [section(lines.join('\n'))];
}

/** Said in place of what the database holds while it cannot be read. */
const UNREADABLE = '_Cannot be shown now: the database is not answering._';

/** How people rated answers with 👍 / 👎, and the questions rated down most. */
export function feedbackBlocks(summary: FeedbackSummary | null): Block[] {
  if (summary === null) return [section(`*Ratings*\n${UNREADABLE}`)];
  const total = summary.up + summary.down;
  if (total === 0) return [section('*Ratings*\nNo answer has been rated yet: use 👍 / 👎 under an answer.')];
  const share = Math.round((100 * summary.up) / total);
  const lines = [`*Ratings*`, `${summary.up} 👍 · ${summary.down} 👎 (${share}% helpful, ${total} rating${total === 1 ? '' : 's'})`];
  if (summary.leastHelpful.length > 0) {
    lines.push(`Rated down most: ${summary.leastHelpful.map((q) => `“${escapeMrkdwn(truncate(q.query, 80))}” (${q.down} 👎)`).join(', ')}`);
  }
  return [section(lines.join('\n'))];
}

/** The latest 👎 reports, for editors: reason, query, note, who and when, and a button that asks the query again. */
export function reportBlocks(reports: FeedbackReport[] | null): Block[] {
  if (reports === null) return [section(`*Latest reports*\n${UNREADABLE}`)];
  if (reports.length === 0) return [section('*Latest reports*\nNo answer has been reported yet.')];
  return [
    section('*Latest reports*'),
    ...reports.map((r): Block => {
      const text = [
        `*${REPORT_REASONS[r.reason]}* · “${escapeMrkdwn(truncate(r.query, 200))}” · <@${r.userId}> · ${escapeMrkdwn(formatInstant(r.createdAt, 'UTC'))}`,
        ...(r.note ? [`> ${escapeMrkdwn(truncate(r.note, 600)).replace(/\n/g, '\n> ')}`] : []),
        `_${r.citations.length} source${r.citations.length === 1 ? '' : 's'} cited · knowledge ${r.knowledgeFingerprint}_`,
      ].join('\n');
      return {
        ...section(text),
        accessory: { type: 'button', action_id: HOME_ACTIONS.reask, text: { type: 'plain_text', text: 'Ask again' }, value: r.query },
      } as Block;
    }),
  ];
}

export function sourcesPayload(kb: KnowledgeBase, ratings: FeedbackSummary | null): MessagePayload {
  return { text: 'What the knowledge base holds', blocks: [section('*The knowledge base*'), ...coverageBlocks(kb), ...feedbackBlocks(ratings)] };
}

export const LOADING: MessagePayload = {
  text: 'The knowledge base is still loading. Please ask again in a moment.',
  blocks: [section('The knowledge base is still loading. Please ask again in a moment.')],
};

/**
 * Answers a question for Slack. `context` is the subject of the thread it was asked in: a
 * follow-up that names no organisation keeps it.
 */
export function answerFor(answers: AnswerCache, kb: KnowledgeBase, query: string, context: string[] = []): { answer: Answer; payload: MessagePayload } {
  const answer = answers.get(kb, query, context);
  let payload = rendered.get(answer);
  if (!payload) rendered.set(answer, (payload = renderBlocks(answer)));
  return { answer, payload };
}

/** Messages already rendered, for remembered answers (kept as long as the answer is). */
const rendered = new WeakMap<Answer, MessagePayload>();
