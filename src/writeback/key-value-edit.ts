import type { RawField, RawRecord } from "../parse/raw-record.js";
import { lineEnd, lineStart, type Splice } from "./splice.js";

/** Replaces the value of a `**Key:** value` or `* Key: value` line; a value that was empty gets a space before it. */
export function setKeyValue(text: string, field: RawField, value: string): Splice[] {
  const start = field.at.start.offset ?? 0;
  const end = field.at.end.offset ?? start;
  const spaced = start === end && start > 0 && !/\s/.test(text[start - 1]!) ? ` ${value}` : value;
  return [{ start, end, text: spaced }];
}

/** Appends `, item` to a comma-separated value on one line (a key-value line or a table cell). */
export function appendToLine(text: string, field: RawField, item: string): Splice[] {
  const end = field.at.end.offset ?? 0;
  const empty = (field.at.start.offset ?? 0) === end;
  return empty ? setKeyValue(text, field, item) : [{ start: end, end, text: `, ${item}` }];
}

/** The key-value line written last before the first section, to copy its form. */
function lastLine(record: RawRecord, before: number): RawField | undefined {
  return [...record.fields.values(), ...record.unknown]
    .filter((f) => f.source === "key-value" && (f.keyAt.start.offset ?? 0) < before)
    .sort((a, b) => (a.keyAt.start.offset ?? 0) - (b.keyAt.start.offset ?? 0))
    .at(-1);
}

const HARD_BREAK = /( {2,}|\\)$/;

/**
 * Adds a key-value line written like the record's last one (`**Key:** value`, `* Key: value`), right after it; when
 * the record has none, a `**Key:** value` paragraph after the title (or at the top). Undefined when there is no such line.
 */
export function insertKeyValueLine(text: string, record: RawRecord, key: string, value: string, firstSection: number, title: { end: number } | undefined, eol: string): Splice[] {
  const last = lastLine(record, firstSection);
  if (!last) {
    if (title) return [{ start: title.end, end: title.end, text: `${eol}${eol}**${key}:** ${value}` }];
    return [{ start: 0, end: 0, text: `**${key}:** ${value}${eol}${eol}` }];
  }
  const keyStart = last.keyAt.start.offset ?? 0;
  const keyEnd = last.keyAt.end.offset ?? keyStart;
  const valueStart = last.at.start.offset ?? keyEnd;
  const valueEnd = last.at.end.offset ?? valueStart;
  const from = lineStart(text, keyStart);
  const to = lineEnd(text, valueEnd);
  const between = text.slice(keyEnd, valueStart);
  const line = `${text.slice(from, keyStart)}${key}${/\s$/.test(between) ? between : `${between} `}${value}`;
  const trailer = text.slice(valueEnd, to);
  // Lines of a paragraph that end in a hard break (two spaces or `\`) keep doing so: the old last line now needs one.
  const listed = /^[ \t]*([-*+]|\d+[.)])[ \t]/.test(text.slice(from, keyStart));
  const previousLine = from > 0 ? text.slice(lineStart(text, from - 1), lineEnd(text, from - 1)) : "";
  const marker = !listed && !HARD_BREAK.test(trailer) ? (HARD_BREAK.exec(previousLine)?.[1] ?? "") : "";
  const own = listed ? "" : (HARD_BREAK.exec(trailer)?.[1] ?? "");
  return [{ start: to, end: to, text: `${marker}${eol}${line}${own}` }];
}
