import type { Table } from "mdast";
import { toString } from "mdast-util-to-string";
import { parseMarkdown } from "../parse/processor.js";
import type { RawField, RawRecord } from "../parse/raw-record.js";
import { normalizeKey } from "../schema/field-spec.js";
import { findField, type KindSpec } from "../schema/record-kinds.js";
import { cellMarkdown } from "./markdown-fragment.js";
import type { Splice } from "./splice.js";

/**
 * A value as a cell's Markdown, as code when `code` (the cell or entry it follows was code) and the value can be:
 * inline code cannot hold a backslash before a pipe, since the table reads `\|` as the pipe in code too.
 */
function cellContent(value: string, code: boolean): string {
  return cellMarkdown(value, code && !value.includes("\\|"));
}

/** Replaces a cell's content; a cell that was all inline code (`` `main` ``) stays code. */
export function setCell(text: string, field: RawField, value: string): Splice[] {
  const start = field.at.start.offset ?? 0;
  const end = field.at.end.offset ?? start;
  return [{ start, end, text: cellContent(value, /^`[^`]+`$/.test(text.slice(start, end))) }];
}

/** Appends `, item` to a comma-separated cell, as code when the entry before it is code. */
export function appendToCell(text: string, field: RawField, item: string): Splice[] {
  const end = field.at.end.offset ?? 0;
  return [{ start: end, end, text: `, ${cellContent(item, text[end - 1] === "`")}` }];
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
  return [{ start: at, end: at, text: `${before}${cellContent(value, false)}${after}` }];
}
