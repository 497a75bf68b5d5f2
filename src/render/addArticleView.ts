import type { types as SlackTypes } from '@slack/bolt';
import type { EntityChanges } from '../answer/articleChanges.js';
import { sliceCodePoints, truncate } from '../answer/truncate.js';
import { MAX_TITLE_CHARS, type ArticleFields } from '../knowledge/addedArticle.js';
import { citationLinks, fallbackText, header, LIMITS, section, sections, type Block, type MessagePayload } from './blocks.js';
import { escapeMrkdwn, mrkdwnLink } from './mrkdwn.js';
import { ADD_ARTICLE } from './slackIds.js';
import { stateWords } from './words.js';

/** Slack's limit on a plain-text input; a longer text is spread over several parts. */
const PART_CHARS = 3000;
/** Parts the modal offers at most: 60,000 characters, more than a Slack message and its unfurls hold. */
const MAX_PARTS = 20;
/** Parts an empty modal offers (9,000 characters); "More room for text" adds as many again. */
export const ROOM_PARTS = 3;
/** Slack's limit on the outlet field. */
const MAX_OUTLET_CHARS = 200;

const plain = (text: string) => ({ type: 'plain_text' as const, text });

/** The block id of the text's nth part, from 0. */
export const textPart = (n: number) => (n === 0 ? ADD_ARTICLE.textBlock : `${ADD_ARTICLE.textBlock}_${n + 1}`);

/**
 * The text cut into the parts the modal shows, whole code points each, then empty parts: at least
 * one spare, and at least `shown` parts in all, up to MAX_PARTS.
 */
function parts(text: string, shown: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > 0 && out.length < MAX_PARTS) {
    const part = sliceCodePoints(rest, PART_CHARS);
    out.push(part);
    rest = rest.slice(part.length);
  }
  const total = Math.min(MAX_PARTS, Math.max(out.length + 1, shown));
  while (out.length < total) out.push('');
  return out;
}

function input(blockId: string, label: string, element: Record<string, unknown>, options: { optional?: boolean; hint?: string } = {}): Block {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label),
    optional: options.optional ?? false,
    ...(options.hint ? { hint: plain(options.hint) } : {}),
    element: { action_id: blockId, ...element },
  } as Block;
}

const initial = (value: string) => (value === '' ? {} : { initial_value: value });

/**
 * The "Add an article" modal: title, outlet, URL, published date and the text, filled in with
 * what is known (from a message, for the message shortcut). A text longer than a field holds is
 * spread over several fields, joined again on submission; `shown` fields at least, and a button
 * for more while fewer than MAX_PARTS are shown.
 */
export function renderAddArticleView(fields: ArticleFields, shown = ROOM_PARTS, note: string | null = null): SlackTypes.ModalView {
  const textParts = parts(fields.text, shown);
  const url = /^https?:\/\/\S+$/.test(fields.url) ? fields.url : '';
  return {
    type: 'modal',
    callback_id: ADD_ARTICLE.view,
    title: plain('Add an article'),
    submit: plain('Add'),
    close: plain('Cancel'),
    blocks: [
      ...(note === null ? [] : [section(`:warning: ${escapeMrkdwn(note)}`)]),
      // A prefilled value longer than its field would make Slack refuse to open the modal.
      input(ADD_ARTICLE.titleBlock, 'Headline', {
        type: 'plain_text_input',
        max_length: MAX_TITLE_CHARS,
        ...initial(sliceCodePoints(fields.title, MAX_TITLE_CHARS)),
      }),
      input(
        ADD_ARTICLE.outletBlock,
        'Outlet',
        { type: 'plain_text_input', max_length: MAX_OUTLET_CHARS, ...initial(sliceCodePoints(fields.outlet, MAX_OUTLET_CHARS)) },
        { optional: true },
      ),
      {
        ...input(
          ADD_ARTICLE.urlBlock,
          'Link',
          { type: 'url_text_input', dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] }, ...initial(url) },
          { optional: true, hint: 'Press Enter to fill the other fields from the page.' },
        ),
        dispatch_action: true,
      } as Block,
      input(
        ADD_ARTICLE.publishedBlock,
        'Published',
        { type: 'plain_text_input', max_length: 10, placeholder: plain('2025-04-17, 2025-04 or 2025'), ...initial(fields.published) },
        { optional: true, hint: 'As precisely as the article says: a day, a month or a year.' },
      ),
      ...textParts.map((part, n) =>
        input(
          textPart(n),
          n === 0 ? 'Text of the article' : 'Text, continued',
          { type: 'plain_text_input', multiline: true, max_length: PART_CHARS, ...initial(part) },
          n === 0 ? { hint: 'At most 3,000 characters a field: go on in the next one, or press "More room for text".' } : { optional: true },
        ),
      ),
      ...(textParts.length < MAX_PARTS
        ? [
            {
              type: 'actions',
              elements: [{ type: 'button', action_id: ADD_ARTICLE.moreTextAction, text: plain('More room for text'), value: String(textParts.length) }],
            } as Block,
          ]
        : []),
    ],
  };
}

/**
 * The modal once the article is added: where it is, and that the confirmation (what it changed,
 * with a Remove button) comes as a direct message; or, when that message could not be sent
 * (`undelivered`: Slack's error), what to do instead.
 */
export function renderAddedView(path: string, undelivered: string | null): SlackTypes.ModalView {
  const where = `Added to the knowledge base as \`${escapeMrkdwn(path)}\`.`;
  const next =
    undelivered === null
      ? 'What it changed, with a button to remove it, comes to you in a direct message in a few seconds.'
      : `The direct message with what it changed could not be sent (Slack answered \`${escapeMrkdwn(undelivered)}\`). ` +
        'The article is in the knowledge base all the same: ask about what it names to see it in answers. ' +
        `To remove it, tell whoever runs the bot to delete \`${escapeMrkdwn(path)}\` from the knowledge folder.`;
  return { type: 'modal', title: plain('Add an article'), close: plain('Done'), blocks: [section(`${where}\n${next}`)] };
}

/** A modal that says why the person cannot add an article. */
export function renderRefusalView(text: string): SlackTypes.ModalView {
  return { type: 'modal', title: plain('Add an article'), close: plain('Close'), blocks: [section(text)] };
}

export interface AddedConfirmation {
  path: string;
  fields: ArticleFields;
  addedBy: string;
  changes: EntityChanges[];
  /** False when the knowledge base did not read the file in time: what it changed is not known yet. */
  indexed: boolean;
}

/** The confirmation of an added article: where it is, and what it changed, as answers show it, with a Remove button. */
export function renderAddedConfirmation(c: AddedConfirmation): MessagePayload {
  const title = escapeMrkdwn(truncate(c.fields.title, 200));
  const linked = /^https?:\/\//.test(c.fields.url) && c.fields.url.length <= 1000 ? mrkdwnLink(c.fields.url, truncate(c.fields.title, 200)) : title;
  const meta = [c.fields.outlet || 'outlet unknown', c.fields.published || 'date unknown'].map(escapeMrkdwn).join(', ');
  const blocks: Block[] = [header('Added to the knowledge base'), section(`${linked} · ${meta} · \`${escapeMrkdwn(c.path)}\` · added by <@${c.addedBy}>`)];
  const lines: string[] = [];
  for (const e of c.changes.filter((x) => x.status.length + x.timeline.length > 0)) {
    const cite = (ids: number[]) => citationLinks(ids, e.sources);
    lines.push(`*${escapeMrkdwn(e.entity)}*`);
    for (const s of e.status)
      lines.push(`• *${escapeMrkdwn(s.authority)}* on ${escapeMrkdwn(s.entity)}: ${stateWords(s)}${s.date ? `, ${s.date}` : ''} ${cite(s.citations)}`);
    for (const t of e.timeline) lines.push(`• \`${t.date}\` ${escapeMrkdwn(truncate(t.text, 400))} ${cite(t.citations)}`);
  }
  if (!c.indexed) blocks.push(section('_The knowledge base has not read it yet; ask about it in a moment._'));
  else if (lines.length === 0)
    blocks.push(section('It adds no status line or dated event to the answers about what it names; its sentences are searchable now.'));
  else blocks.push(section('*What it changed*'), ...sections(lines, LIMITS.blocks - 5).blocks);
  blocks.push({
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: ADD_ARTICLE.removeAction,
        text: plain('Remove'),
        style: 'danger',
        value: c.path,
        confirm: {
          title: plain('Remove the article?'),
          text: plain(sliceCodePoints(`"${c.fields.title}" leaves the knowledge base, and answers no longer cite it.`, 300)),
          confirm: plain('Remove'),
          deny: plain('Keep'),
        },
      },
    ],
  });
  return { text: fallbackText(`Added to the knowledge base: ${truncate(c.fields.title, 200)}`), blocks };
}
