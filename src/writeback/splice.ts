/** One replacement in a file's text: the characters between two offsets give way to new text (an insertion when they are equal). */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies splices that do not overlap, in any order; every character outside them is kept as it was. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const s of sorted) {
    if (s.start < at || s.end < s.start || s.end > text.length) throw new RangeError(`overlapping or invalid splice ${s.start}-${s.end}`);
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}

/** The line ending a file already uses, so inserted lines match it (`\r\n` when any line ends so). */
export function lineEnding(text: string): "\n" | "\r\n" {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

/** Converts the `\n` line breaks of new text to the file's line ending. */
export function withEnding(text: string, eol: string): string {
  return eol === "\n" ? text.replace(/\r\n/g, "\n") : text.replace(/\r?\n/g, "\r\n");
}

/** The offset where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** The offset where the line holding `offset` ends, before its line break (`\r\n` or `\n`). */
export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  const end = newline === -1 ? text.length : newline;
  return end > 0 && text[end - 1] === "\r" && newline !== -1 ? end - 1 : end;
}
