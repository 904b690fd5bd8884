import type { Table } from "mdast";
import { toString } from "mdast-util-to-string";
import { parseMarkdown } from "../parse/processor.js";
import type { RawField, RawRecord } from "../parse/raw-record.js";
import { normalizeKey } from "../schema/field-spec.js";
import { findField, type KindSpec } from "../schema/record-kinds.js";
import type { Splice } from "./splice.js";

/** A value as cell text: pipes escaped, so the row keeps its columns. */
export function cellText(value: string): string {
  return value.replace(/\|/g, "\\|");
}

/** Replaces a cell's content; a cell that was all inline code (`` `main` ``) stays code. */
export function setCell(text: string, field: RawField, value: string): Splice[] {
  const start = field.at.start.offset ?? 0;
  const end = field.at.end.offset ?? start;
  const code = /^`[^`]+`$/.test(text.slice(start, end)) && !value.includes("`");
  return [{ start, end, text: code ? `\`${value}\`` : cellText(value) }];
}

/** Appends `, item` to a comma-separated cell, as code when the entry before it is code. */
export function appendToCell(text: string, field: RawField, item: string): Splice[] {
  const end = field.at.end.offset ?? 0;
  const code = text[end - 1] === "`" && !item.includes("`");
  return [{ start: end, end, text: `, ${code ? `\`${item}\`` : cellText(item)}` }];
}

/** Fills the empty cell of a row in a field's column; undefined when the table has no such column (or the row no such cell). */
export function fillEmptyCell(text: string, record: RawRecord, kind: KindSpec, name: string, value: string): Splice[] | undefined {
  const rowStart = record.at.start.offset ?? 0;
  const table = parseMarkdown(text).children.find((n): n is Table => n.type === "table" && n.children.some((r) => r.position?.start.offset === rowStart));
  if (!table) return undefined;
  const [head, ...rows] = table.children;
  const column = head?.children.findIndex((cell) => findField(kind, normalizeKey(toString(cell)))?.name === name) ?? -1;
  const cell = rows.find((r) => r.position?.start.offset === rowStart)?.children[column];
  if (column < 0 || !cell?.position) return undefined;
  // The cell node starts at its `|`: the value goes after the space that follows, so nothing of the row is removed.
  const open = cell.position.start.offset ?? 0;
  if (text[open] !== "|") return undefined;
  const at = text[open + 1] === " " ? open + 2 : open + 1;
  const before = at === open + 1 ? " " : "";
  const after = text[at] === " " ? "" : " ";
  return [{ start: at, end: at, text: `${before}${cellText(value)}${after}` }];
}
