import type { RawField } from "../parse/raw-record.js";
import { headingMarkdown, plainTextMarkdown } from "./markdown-fragment.js";
import { lineEnd, lineStart, withEnding, type Splice } from "./splice.js";

/** The span of a section's body, from its first non-blank line to the end of its last node; empty right after the heading. */
export function bodySpan(text: string, field: RawField): { start: number; end: number; empty: boolean } {
  const headingEnd = field.keyAt.end.offset ?? 0;
  const end = field.at.end.offset ?? headingEnd;
  if (end <= headingEnd) return { start: headingEnd, end: headingEnd, empty: true };
  let start = lineEnd(text, headingEnd);
  // Skip the heading's line break and any blank lines: the body starts on its first written line.
  while (start < end) {
    const next = text.indexOf("\n", start);
    if (next === -1) break;
    const line = text.slice(next + 1, lineEnd(text, next + 1));
    start = next + 1;
    if (line.trim() !== "") break;
  }
  return { start: Math.min(start, end), end, empty: false };
}

/** Text inserted right after a heading: a blank line before it, and one after it unless one follows already. */
function afterHeading(text: string, at: number, markdown: string, eol: string): Splice {
  const rest = text.slice(at);
  const blankFollows = rest === "" || rest.startsWith(`${eol}${eol}`) || /^\r?\n[ \t]*\r?\n/.test(rest) || /^\r?\n?$/.test(rest);
  return { start: at, end: at, text: `${eol}${eol}${markdown}${blankFollows ? "" : eol}` };
}

/** Replaces a section's body with Markdown, heading and everything around the body kept. */
export function setSectionBody(text: string, field: RawField, markdown: string, eol: string): Splice[] {
  const body = withEnding(markdown.replace(/\s+$/, ""), eol);
  const span = bodySpan(text, field);
  if (span.empty) return body === "" ? [] : [afterHeading(text, span.start, body, eol)];
  if (body === "") return [{ start: field.keyAt.end.offset ?? span.start, end: span.end, text: "" }];
  return [{ start: span.start, end: span.end, text: body }];
}

/** The marker and indentation of a list item as written (`- `, `* `, `1. `, `  2) `). */
interface ItemForm {
  indent: string;
  marker: string;
  number?: number;
  /** `.` or `)` after an ordered item's number. */
  delimiter?: string;
  gap: string;
}

function formOf(text: string, itemStart: number): ItemForm {
  const indent = text.slice(lineStart(text, itemStart), itemStart);
  const m = /^([-*+]|(\d{1,9})([.)]))([ \t]+)/.exec(text.slice(itemStart, itemStart + 16));
  if (!m) return { indent, marker: "-", gap: " " };
  return m[2] !== undefined
    ? { indent: /^\s*$/.test(indent) ? indent : "", marker: m[1]!, number: Number(m[2]), delimiter: m[3]!, gap: m[4]! }
    : { indent: /^\s*$/.test(indent) ? indent : "", marker: m[1]!, gap: m[4]! };
}

/** One list item: the marker, then the content with its continuation lines indented under it. */
function itemText(form: ItemForm, number: number | undefined, content: string, eol: string): string {
  const marker = form.number !== undefined ? `${number ?? form.number}${form.delimiter ?? "."}` : form.marker;
  const hang = " ".repeat(marker.length + form.gap.length);
  const lines = content.replace(/\s+$/, "").split(/\r?\n/);
  return form.indent + marker + form.gap + lines.map((line, i) => (i === 0 || line === "" ? line : form.indent + hang + line)).join(eol);
}

/** True when the last two items are separated by a blank line (a loose list): a new item keeps that spacing. */
function loose(text: string, items: readonly { at: RawField["at"] }[]): boolean {
  const [a, b] = items.slice(-2);
  if (!a || !b) return false;
  return /\n[ \t]*\r?\n/.test(text.slice(a.at.end.offset ?? 0, b.at.start.offset ?? 0));
}

/**
 * An entry's Markdown: a plain-text entry (a `list` field, read without its markup) escaped by the serialiser, so it
 * reads back as written; an entry of an `items` field is Markdown and goes in as given.
 */
function entryMarkdown(entry: string, plain: boolean): string {
  return plain ? plainTextMarkdown(entry) : entry;
}

/** Replaces a list section's entries, written with the marker of its first entry (`- ` when it has none). */
export function setSectionList(text: string, field: RawField, values: readonly string[], plain: boolean, eol: string): Splice[] {
  const entries = values.map((v) => entryMarkdown(v, plain));
  const items = field.items ?? [];
  const form = items[0] ? formOf(text, items[0].at.start.offset ?? 0) : { indent: "", marker: "-", gap: " " };
  const separator = loose(text, items) ? `${eol}${eol}` : eol;
  const list = entries.map((e, i) => itemText({ ...form, indent: "" }, form.number !== undefined ? form.number + i : undefined, e, eol)).join(separator);
  return setSectionBody(text, field, list, eol);
}

/** Appends an entry after a section's last list item, with the same marker, indentation and spacing. */
export function appendSectionItem(text: string, field: RawField, value: string, plain: boolean, eol: string): Splice[] {
  const entry = entryMarkdown(value, plain);
  const items = field.items ?? [];
  const last = items.at(-1);
  if (!last) {
    const span = bodySpan(text, field);
    if (span.empty) return [afterHeading(text, span.start, itemText({ indent: "", marker: "-", gap: " " }, undefined, entry, eol), eol)];
    return [{ start: span.end, end: span.end, text: `${eol}${eol}${itemText({ indent: "", marker: "-", gap: " " }, undefined, entry, eol)}` }];
  }
  const form = formOf(text, last.at.start.offset ?? 0);
  const at = last.at.end.offset ?? 0;
  const next = form.number !== undefined ? form.number + 1 : undefined;
  return [{ start: at, end: at, text: `${eol}${loose(text, items) ? eol : ""}${itemText(form, next, entry, eol)}` }];
}

/**
 * Replaces the first line of a section read line by line (an ADR's `## Status`: the status, then link lines such as
 * `Amends [3. …](…)`), keeping the other lines; a list item keeps its marker.
 */
export function setFirstLine(text: string, field: RawField, value: string, eol: string): Splice[] {
  const first = field.items?.[0];
  if (!first) return setSectionBody(text, field, value, eol);
  const start = first.at.start.offset ?? 0;
  const end = first.at.end.offset ?? start;
  const marker = /^([-*+]|\d{1,9}[.)])[ \t]+/.exec(text.slice(start, end))?.[0].length ?? 0;
  return [{ start: start + marker, end, text: value }];
}

/** Appends a new `## Heading` section with a body (Markdown, as given) at the end of the file. */
export function appendSection(text: string, heading: string, markdown: string, eol: string): Splice[] {
  const lead = text === "" ? "" : text.endsWith(`${eol}${eol}`) ? "" : text.endsWith(eol) || text.endsWith("\n") ? eol : `${eol}${eol}`;
  const body = withEnding(markdown.replace(/\s+$/, ""), eol);
  return [{ start: text.length, end: text.length, text: `${lead}${headingMarkdown(2, heading)}${eol}${body === "" ? "" : `${eol}${body}${eol}`}` }];
}
