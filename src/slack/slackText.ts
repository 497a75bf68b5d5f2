/**
 * Turns the text of a Slack message into a plain query: mentions of the bot and of users are
 * dropped, links and channel references become their labels, and Slack's escapes are undone.
 *
 * @example
 * slackTextToQuery('<@U0BOT> what about &lt;IS-K&gt;?') // 'what about <IS-K>?'
 */
export function slackTextToQuery(text: string): string {
  return slackTextToPlain(text).replace(/\s+/g, ' ').trim();
}

/**
 * The text of a Slack message as plain text with its line breaks: mentions dropped, links and
 * channel references as their labels (a bare link as its URL), Slack's escapes undone.
 *
 * @example
 * slackTextToPlain('Read <https://news.example/a|the report>\n&gt; quoted') // 'Read the report\n> quoted'
 */
export function slackTextToPlain(text: string): string {
  return text
    .replace(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/<![^>]*>/g, ' ')
    .replace(/<#[CG][A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<([^>|]+)\|([^>]*)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
