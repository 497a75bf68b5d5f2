/**
 * Escapes text for Slack mrkdwn: `&`, `<` and `>` only, as Slack asks, so that no text can form
 * a mention (`<!channel>`, `<@U123>`), a channel link or a link the bot did not make. A bare
 * `@channel`, `@here` or `@everyone` gets an invisible word joiner after the `@` so that no
 * client or setting turns it into a ping.
 *
 * @example
 * escapeMrkdwn('<!channel> & @here') // '&lt;!channel&gt; &amp; @\u2060here'
 */
export function escapeMrkdwn(text: string): string {
  return defuseBroadcasts(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/** Puts a word joiner after the `@` of `@channel`, `@here` and `@everyone`; for plain_text too. */
export function defuseBroadcasts(text: string): string {
  return text.replace(/@(channel|here|everyone)\b/gi, '@\u2060$1');
}

/** A link the bot makes: the URL escaped and its `|` encoded so the label cannot be forged. */
export function mrkdwnLink(url: string, label: string): string {
  const safeUrl = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  return `<${safeUrl}|${escapeMrkdwn(label)}>`;
}
