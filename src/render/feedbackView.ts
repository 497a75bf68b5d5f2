import type { types as SlackTypes } from '@slack/bolt';
import { truncate } from '../answer/truncate.js';
import { REPORT_REASONS } from '../store/feedbackReports.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { FEEDBACK } from './slackIds.js';

/** A free-text note longer than this is refused by the field itself. */
export const MAX_NOTE_CHARS = 1000;

/** What the modal carries to its submission: the query rated down and where it was asked. */
export interface FeedbackSubject {
  query: string;
  channelId: string | null;
}

const plain = (text: string) => ({ type: 'plain_text' as const, text });

/** The modal 👎 opens: a reason (required) and a note, for the query shown. */
export function renderFeedbackView(subject: FeedbackSubject): SlackTypes.ModalView {
  return {
    type: 'modal',
    callback_id: FEEDBACK.view,
    private_metadata: JSON.stringify(subject),
    title: plain('What was wrong?'),
    submit: plain('Send'),
    close: plain('Cancel'),
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: `The answer to “${escapeMrkdwn(truncate(subject.query, 200))}”` }] },
      {
        type: 'input',
        block_id: FEEDBACK.reasonBlock,
        label: plain('Reason'),
        element: {
          type: 'radio_buttons',
          action_id: FEEDBACK.reasonBlock,
          options: Object.entries(REPORT_REASONS).map(([value, text]) => ({ value, text: plain(text) })),
        },
      },
      {
        type: 'input',
        block_id: FEEDBACK.noteBlock,
        optional: true,
        label: plain('Note for the editors'),
        element: {
          type: 'plain_text_input',
          action_id: FEEDBACK.noteBlock,
          multiline: true,
          max_length: MAX_NOTE_CHARS,
          placeholder: plain('What should it have said? Which source is missing?'),
        },
      },
    ],
  };
}

/** What the modal says once the report is kept. */
export function renderFeedbackThanks(): SlackTypes.ModalView {
  return {
    type: 'modal',
    title: plain('Thank you'),
    close: plain('Close'),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Noted, with your reason. The editors of the knowledge base see it in the App Home.' } }],
  };
}
