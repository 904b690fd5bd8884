// C0 and C1 control characters (a tab excepted), line and paragraph separators, and the bidirectional embeddings,
// overrides and isolates: each can blank a terminal line, move the cursor, or make text read as other text.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this matches
const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The escape shown for one unprintable character: `\n`, `\x1b`, `\u202e`. */
function escapeOf(c: string): string {
  if (c === "\n") return "\\n";
  if (c === "\r") return "\\r";
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** Text safe to print on a terminal: control characters and direction overrides shown as escapes, the rest as is. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escapeOf);
}

/** The first unprintable character of a text, as its escape (`\x1b`), or undefined when there is none. */
export function firstUnprintable(text: string): string | undefined {
  const m = new RegExp(UNPRINTABLE.source).exec(text);
  return m ? escapeOf(m[0]) : undefined;
}
