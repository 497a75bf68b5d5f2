import type { ArticleFields } from '../knowledge/addedArticle.js';
import { slackTextToPlain } from './slackText.js';

/** An unfurled link under a message, as Slack sends it (the fields read here). */
interface Attachment {
  title?: unknown;
  text?: unknown;
  service_name?: unknown;
  from_url?: unknown;
  original_url?: unknown;
  title_link?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const FIRST_LINK = /<(https?:\/\/[^|>\s]+)(?:\|[^>]*)?>/;

/**
 * What a message tells about the article it shares: its text (the message's, then each unfurled
 * link's description), the link (the first in the text, or an unfurl's), and the headline and
 * outlet of the first unfurl. The published date is left for the person to give: a message's
 * own time is when it was shared, not when the article was published.
 */
export function fieldsFromMessage(message: { text?: string; attachments?: unknown }): ArticleFields {
  const attachments = (Array.isArray(message.attachments) ? message.attachments : []).filter((a): a is Attachment => typeof a === 'object' && a !== null);
  const unfurl = attachments.find((a) => text(a.from_url) || text(a.original_url) || text(a.title_link)) ?? attachments[0];
  const own = slackTextToPlain(message.text ?? '');
  const url =
    FIRST_LINK.exec(message.text ?? '')?.[1]?.replace(/&amp;/g, '&') ??
    (unfurl ? text(unfurl.from_url) || text(unfurl.original_url) || text(unfurl.title_link) : '');
  const described = attachments.map((a) => slackTextToPlain(text(a.text))).filter(Boolean);
  const body = [own, ...described].filter(Boolean).join('\n\n');
  const firstLine = own.split('\n').find((line) => line.trim() !== '') ?? '';
  return {
    title: slackTextToPlain(text(unfurl?.title)) || firstLine.slice(0, 300),
    outlet: slackTextToPlain(text(unfurl?.service_name)),
    url,
    published: '',
    text: body,
  };
}
