/** The first `max` UTF-16 units of a text, one fewer where the cut would split a surrogate pair (an emoji, say). */
export function sliceCodePoints(text: string, max: number): string {
  const cut = text.slice(0, Math.max(0, max));
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * Cuts text to at most `max` characters, at a word boundary where one is near, with an ellipsis,
 * never inside a character. Cut before escaping, so no escape sequence is split.
 *
 * @example
 * truncate('The ban was lifted on Thursday', 20) // 'The ban was lifted…'
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = sliceCodePoints(text, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
