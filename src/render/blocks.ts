import type { types as SlackTypes } from '@slack/bolt';
import type { Answer, Source, SourceId } from '../answer/types.js';
import { sliceCodePoints, truncate } from '../answer/truncate.js';
import { defuseBroadcasts, escapeMrkdwn, mrkdwnLink } from './mrkdwn.js';
import { ANSWER_ACTIONS } from './slackIds.js';
import { ASSEMBLED, officialListWords, stateWords } from './words.js';

/** A Block Kit block, as sent to Slack (types from @slack/types, through Bolt). */
export type Block = SlackTypes.KnownBlock;

/** A message payload: what chat.postMessage, respond() and ack() take. */
export interface MessagePayload {
  text: string;
  blocks: Block[];
}

/** Slack's limits on what a message may hold (docs.slack.dev, Block Kit reference). */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  contextText: 2000,
  buttonText: 75,
  buttonValue: 2000,
  fallbackText: 3000,
} as const;

export interface RenderOptions {
  /** Show the buttons (not on a message already shared, nor in a digest). */
  buttons: boolean;
}

/** URLs past this length are shown as plain numbers, so a link can never break a block's limit. */
const MAX_LINKED_URL = 1000;

export function linkable(source: Source | undefined): source is Source & { url: string } {
  return source?.url != null && source.url.length <= MAX_LINKED_URL;
}

export function citationLinks(ids: SourceId[], sources: Source[]): string {
  return ids
    .map((id) => {
      const source = sources.find((s) => s.id === id);
      return linkable(source) ? mrkdwnLink(source.url, `[${id}]`) : `[${id}]`;
    })
    .join('');
}

/** A section block of mrkdwn text, already escaped by the caller; cut to Slack's limit. */
export function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: text.length > LIMITS.sectionText ? cutEscaped(text, LIMITS.sectionText) : text } };
}

/**
 * Joins lines into as few section blocks as Slack's 3000-character limit allows. A line longer
 * than a section is cut. Each line is built from text escaped by the caller.
 */
export function sections(lines: string[], maxBlocks: number): { blocks: Block[]; omitted: number } {
  const blocks: Block[] = [];
  let current = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.length > LIMITS.sectionText ? cutEscaped(lines[i]!, LIMITS.sectionText) : lines[i]!;
    if (current !== '' && current.length + 1 + line.length > LIMITS.sectionText) {
      if (blocks.length + 1 >= maxBlocks) return { blocks: [...blocks, section(current)], omitted: lines.length - i };
      blocks.push(section(current));
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') blocks.push(section(current));
  return { blocks, omitted: 0 };
}

/** Message text (the notification and screen-reader text): escaped, then cut to Slack's limit. */
export function fallbackText(text: string): string {
  const escaped = escapeMrkdwn(text.replace(/\s+/g, ' '));
  return escaped.length <= LIMITS.fallbackText ? escaped : cutEscaped(escaped, LIMITS.fallbackText);
}

/** Cuts already-escaped mrkdwn without splitting an entity such as `&amp;` or a `<link|label>`. */
function cutEscaped(text: string, max: number): string {
  let cut = sliceCodePoints(text, max - 1);
  const open = Math.max(cut.lastIndexOf('&'), cut.lastIndexOf('<'));
  if (open > cut.lastIndexOf(';') && open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  return `${cut}…`;
}

export function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: defuseBroadcasts(truncate(text.replace(/\s+/g, ' '), LIMITS.headerText - 5)), emoji: false } };
}

export function sourceContext(sources: Source[]): Block[] {
  if (sources.length === 0) return [];
  const shown = sources.slice(0, LIMITS.contextElements);
  const elements = shown.map((s, i) => {
    const label = `[${s.id}] ${truncate(s.title.replace(/\s+/g, ' '), 150)}`;
    const meta = [s.kind === 'list' ? 'official list' : s.outlet, s.published]
      .filter(Boolean)
      .map((m) => escapeMrkdwn(truncate(m!, 100)))
      .join(', ');
    const more = i === shown.length - 1 && sources.length > shown.length ? ` (+${sources.length - shown.length} more: Sources)` : '';
    return { type: 'mrkdwn' as const, text: `${linkable(s) ? mrkdwnLink(s.url, label) : escapeMrkdwn(label)}${meta ? ` · ${meta}` : ''}${more}` };
  });
  return [{ type: 'context', elements }];
}

function buttons(query: string): Block {
  const value = truncate(query, LIMITS.buttonValue);
  const button = (text: string, action_id: string): SlackTypes.Button => ({
    type: 'button',
    text: { type: 'plain_text', text, emoji: true },
    action_id,
    value,
  });
  return {
    type: 'actions',
    block_id: 'answer_actions',
    elements: [
      button('Full timeline', ANSWER_ACTIONS.fullTimeline),
      button('Sources', ANSWER_ACTIONS.sources),
      { ...button('Share in channel', ANSWER_ACTIONS.share), style: 'primary' },
      button('👍', ANSWER_ACTIONS.helpful),
      button('👎', ANSWER_ACTIONS.notHelpful),
    ],
  };
}

/** The notification text: what a phone shows, and what screen readers read first. */
function fallback(answer: Answer): string {
  const first =
    answer.message ?? (answer.direct ? `${ASSEMBLED}: ${answer.direct.text}` : undefined) ?? answer.summary[0]?.text ?? `Answer to "${answer.query}"`;
  return fallbackText(first);
}

/** Mrkdwn of a direct answer, its citations linked to their sources. */
function directText(answer: Answer): string {
  const known = new Set(answer.sources.map((s) => s.id));
  return escapeMrkdwn(answer.direct!.text).replace(/\[(\d+)\]/g, (marker, id: string) =>
    known.has(Number(id)) ? citationLinks([Number(id)], answer.sources) : marker,
  );
}

/**
 * Renders an answer as a Slack message within Slack's limits for any knowledge base: header,
 * the direct answer to a question, status, summary with numbered citations linked to their
 * sources, the key events of the timeline, a warning where sources disagree, the sources, and
 * buttons. All article and user text is escaped.
 */
export function renderBlocks(answer: Answer, options: RenderOptions = { buttons: true }): MessagePayload {
  const blocks: Block[] = [header(answer.query === '' ? 'Designation desk' : answer.query)];
  if (answer.message !== null) {
    blocks.push(section(escapeMrkdwn(answer.message)));
    return { text: fallback(answer), blocks };
  }
  const cite = (ids: SourceId[]) => citationLinks(ids, answer.sources);
  const budget = LIMITS.blocks - 6; // header, snippet, warning, context, actions, divider to spare

  if (answer.direct) blocks.push(section(`*${ASSEMBLED}* _(not a quotation)_\n${directText(answer)}`));

  if (answer.status.length > 0) {
    const lines = answer.status.map((s) => {
      const line = `*${escapeMrkdwn(s.authority)}* on ${escapeMrkdwn(s.entity)}: ${stateWords(s)}${s.date ? `, ${s.date}` : ''} ${cite(s.citations)}`;
      return s.entry ? `• :scroll: _Official list_ · ${line}\n      ${escapeMrkdwn(officialListWords(s.entry))}` : `• ${line}`;
    });
    blocks.push(...sections([`*Status*`, ...lines], 2).blocks);
  }
  const summary = sections(
    answer.summary.map((s) => `${escapeMrkdwn(s.text)} ${cite(s.citations)}`),
    Math.max(1, budget - blocks.length),
  );
  blocks.push(...summary.blocks);

  if (answer.keyEvents.length > 0) {
    const shown = answer.keyEvents.map((i) => answer.timeline[i]!);
    const lines = shown.map((t) => `• \`${t.date}\` ${escapeMrkdwn(truncate(t.text, 400))} ${cite(t.citations)}`);
    const rest = answer.timeline.length - shown.length;
    if (rest > 0) lines.push(`_…and ${rest} more: Full timeline_`);
    blocks.push(...sections([`*Timeline*`, ...lines], 1).blocks);
  }
  if (answer.conflicts.length > 0) {
    const lines = answer.conflicts.map(
      (c) => `• ${escapeMrkdwn(c.about)}: ${c.values.map((v) => `${escapeMrkdwn(v.value)} ${cite(v.citations)}`).join(' · ')}`,
    );
    blocks.push(...sections([`:warning: *Sources disagree*`, ...lines], 1).blocks);
  }
  blocks.push(...sourceContext(answer.sources));
  if (options.buttons) blocks.push(buttons(answer.query));
  return { text: fallback(answer), blocks };
}

/** Every timeline entry, for the Full timeline button, within one message. */
export function renderTimeline(answer: Answer): MessagePayload {
  const lines = answer.timeline.map((t) => `• \`${t.date}\` ${escapeMrkdwn(t.text)} ${citationLinks(t.citations, answer.sources)}`);
  const { blocks, omitted } = sections(lines.length > 0 ? lines : ['No dated events.'], LIMITS.blocks - 3);
  const out = [header(`Timeline: ${answer.query}`), ...blocks];
  if (omitted > 0) out.push(section(`_${omitted} earlier entries not shown: ask a narrower question._`));
  out.push(...sourceContext(answer.sources));
  return { text: fallbackText(`Timeline: ${answer.query}`), blocks: out };
}

/** Every source of an answer, numbered, for the Sources button. */
export function renderSources(answer: Answer): MessagePayload {
  const lines = answer.sources.map((s) => {
    const title = linkable(s) ? mrkdwnLink(s.url, truncate(s.title, 300)) : escapeMrkdwn(truncate(s.title, 300));
    const meta = [s.kind === 'list' ? 'official list' : (s.outlet ?? 'outlet unknown'), s.published ?? 'date unknown'].map(escapeMrkdwn).join(', ');
    return `*[${s.id}]* ${title} · ${meta} · \`${escapeMrkdwn(s.path)}\``;
  });
  const { blocks, omitted } = sections(lines.length > 0 ? lines : ['No sources.'], LIMITS.blocks - 2);
  const out = [header(`Sources: ${answer.query}`), ...blocks];
  if (omitted > 0) out.push(section(`_${omitted} more sources not shown._`));
  return { text: fallbackText(`Sources: ${answer.query}`), blocks: out };
}
