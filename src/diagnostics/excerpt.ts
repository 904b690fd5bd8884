/** The longest value a diagnostic quotes whole: enough for any id, path or name a person writes. */
export const MAX_QUOTE = 80;

/** The longest message or hint: a few lines on a terminal, even when it lists what was expected. */
export const MAX_TEXT = 1_000;

/** The first `length - 1` characters of a text and `…`, never splitting a surrogate pair. */
function cut(text: string, length: number): string {
  let end = length - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * A diagnostic's text with each quoted value (a `code span`) longer than MAX_QUOTE cut to an excerpt that says how long
 * the value was, and the whole cut at MAX_TEXT: a value of 500 KB, quoted by each of the 99 places that alias it,
 * would otherwise print 49.5 MB.
 */
export function excerpt(text: string): string {
  if (text.length <= MAX_QUOTE) return text;
  const quoted = text.replace(/`([^`]*)`/g, (whole, inner: string) => (inner.length <= MAX_QUOTE ? whole : `\`${cut(inner, MAX_QUOTE)}\` (${inner.length.toLocaleString("en-US")} characters)`));
  return quoted.length <= MAX_TEXT ? quoted : cut(quoted, MAX_TEXT);
}
