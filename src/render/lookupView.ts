import type { types as SlackTypes } from '@slack/bolt';
import { MAX_QUERY_CHARS } from '../answer/answer.js';
import type { Answer } from '../answer/types.js';
import { renderBlocks, type Block } from './blocks.js';
import { LOOKUP } from './slackIds.js';

/** What the modal shows under its query field: nothing yet, or an answer and perhaps a note on sharing it. */
export interface LookupState {
  query: string;
  answer: Answer | null;
  /** A line under the answer, in mrkdwn the caller escaped ("Shared in <#C1>."). */
  note?: string;
}

/**
 * The lookup modal: a query field, then the answer to the last query asked (as an answer
 * message shows it, without its buttons) and a channel picker to share it. The query rides in
 * private_metadata, so sharing answers the same question.
 */
export function renderLookupView(state: LookupState): SlackTypes.ModalView {
  const blocks: Block[] = [
    {
      type: 'input',
      block_id: LOOKUP.queryBlock,
      label: { type: 'plain_text', text: 'Entity or question' },
      element: {
        type: 'plain_text_input',
        action_id: LOOKUP.queryAction,
        max_length: MAX_QUERY_CHARS,
        placeholder: { type: 'plain_text', text: 'has Russia removed the Taliban?' },
        ...(state.query !== '' ? { initial_value: state.query } : {}),
      },
    },
  ];
  if (state.answer) {
    blocks.push({ type: 'divider' }, ...renderBlocks(state.answer, { buttons: false }).blocks);
    if (state.answer.message === null) {
      blocks.push({
        type: 'actions',
        block_id: 'share',
        elements: [
          {
            type: 'conversations_select',
            action_id: LOOKUP.shareAction,
            placeholder: { type: 'plain_text', text: 'Share in channel' },
            filter: { include: ['public', 'private'], exclude_bot_users: true },
          },
        ],
      });
    }
    if (state.note) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: state.note }] });
  }
  return {
    type: 'modal',
    callback_id: LOOKUP.view,
    private_metadata: state.query,
    title: { type: 'plain_text', text: 'Designation desk' },
    submit: { type: 'plain_text', text: 'Look up' },
    close: { type: 'plain_text', text: 'Close' },
    blocks,
  };
}
