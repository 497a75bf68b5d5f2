import { isEmptyDigest, type Digest } from '../digest/types.js';
import { citationLinks, fallbackText, header, LIMITS, linkable, section, sections, sourceContext, type Block, type MessagePayload } from './blocks.js';
import { formatInstant } from './instant.js';
import { truncate } from '../answer/truncate.js';
import { escapeMrkdwn, mrkdwnLink } from './mrkdwn.js';
import { listChangeWords, stateWords } from './words.js';

export interface DigestRenderOptions {
  /** The subscription's time zone, for the window's times. */
  timeZone: string;
  /** Daily, weekly, or a preview. */
  label: string;
}

/**
 * A digest as a Slack message within Slack's limits: status changes, new events (newest
 * first) and the articles that brought them, every line cited. All article text is escaped.
 */
export function renderDigestBlocks(digest: Digest, { timeZone, label }: DigestRenderOptions): MessagePayload {
  const about = digest.topics.length > 0 ? digest.topics.join(', ') : 'every topic';
  const blocks: Block[] = [
    header(`Designation digest: ${about}`),
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: escapeMrkdwn(`${label} · new since ${formatInstant(digest.since, timeZone)}`) }],
    },
  ];
  const cite = (ids: number[]) => citationLinks(ids, digest.sources);
  /** Adds a part in at most `max` blocks (fewer if the message is nearly full), saying what did not fit. */
  const part = (lines: string[], max: number) => {
    const { blocks: added, omitted } = sections(lines, Math.max(1, Math.min(max, LIMITS.blocks - blocks.length - 3)));
    blocks.push(...added);
    if (omitted > 0) blocks.push(section(`_…${omitted} more not shown: ask \`/designation\` about them_`));
  };
  const empty = isEmptyDigest(digest);
  if (empty) blocks.push(section('Nothing new in the knowledge base since the last digest.'));

  if (digest.statusChanges.length > 0) {
    const lines = digest.statusChanges.map(({ line, before }) => {
      const was = before ? ` (was ${stateWords(before)}${before.date ? `, ${before.date}` : ''})` : '';
      return `• *${escapeMrkdwn(line.authority)}* on ${escapeMrkdwn(line.entity)}: ${stateWords(line)}${line.date ? `, ${line.date}` : ''}${was} ${cite(line.citations)}`;
    });
    part(['*Status changes*', ...lines], 3);
  }
  if (digest.listChanges.length > 0) {
    const lines = digest.listChanges.map((c) => `• :scroll: ${escapeMrkdwn(c.listTitle)}: ${escapeMrkdwn(listChangeWords(c))} ${cite([c.list])}`);
    if (digest.omitted.listChanges > 0) lines.push(`_…and ${digest.omitted.listChanges} more list changes_`);
    part(['*Official list changes*', ...lines], 3);
  }
  if (digest.events.length > 0) {
    const lines = digest.events.map((e) => `• \`${e.date}\` ${escapeMrkdwn(truncate(e.text, 500))} ${cite(e.citations)}`);
    if (digest.omitted.events > 0) lines.push(`_…and ${digest.omitted.events} more: ask \`/designation\` for the full timeline_`);
    part(['*New events*', ...lines], 4);
  }
  if (digest.articles.length > 0) {
    const lines = digest.articles.map((a) => {
      const s = digest.sources.find((source) => source.id === a.source)!;
      const title = truncate(s.title.replace(/\s+/g, ' '), 200);
      const linked = linkable(s) ? mrkdwnLink(s.url, title) : escapeMrkdwn(title);
      const meta = [s.outlet, s.published]
        .filter(Boolean)
        .map((m) => escapeMrkdwn(m!))
        .join(', ');
      return `• *[${s.id}]* ${a.kind === 'updated' ? '_updated_ ' : ''}${linked}${meta ? ` · ${meta}` : ''}`;
    });
    if (digest.omitted.articles > 0) lines.push(`_…and ${digest.omitted.articles} more articles_`);
    part(['*Articles*', ...lines], 4);
  }
  const listed = new Set(digest.articles.map((a) => a.source));
  blocks.push(...sourceContext(digest.sources.filter((s) => !listed.has(s.id))));
  const text = empty ? `Designation digest (${about}): nothing new` : `Designation digest (${about}): ${summaryLine(digest)}`;
  return { text: fallbackText(text), blocks };
}

function summaryLine(digest: Digest): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    digest.statusChanges.length > 0 ? plural(digest.statusChanges.length, 'status change') : '',
    digest.listChanges.length > 0 ? plural(digest.listChanges.length + digest.omitted.listChanges, 'list change') : '',
    digest.events.length > 0 ? plural(digest.events.length + digest.omitted.events, 'new event') : '',
    digest.articles.length > 0 ? plural(digest.articles.length + digest.omitted.articles, 'article') : '',
  ]
    .filter(Boolean)
    .join(', ');
}
