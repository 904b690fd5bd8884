import type { Table, TableCell } from "mdast";
import { toString } from "mdast-util-to-string";
import { diagnostic, type Diagnostic, type Location } from "../diagnostics/diagnostic.js";
import { normalizeKey } from "../schema/field-spec.js";
import type { RawItem } from "./raw-record.js";
import type { SourceText } from "./source-text.js";

/** One table cell's value and place. */
export interface Cell {
  /** The header as written. */
  header: string;
  value: string;
  at: Location;
  headerAt: Location;
  /** The comma-separated entries of a plain cell (`TD1, \`TD2\``), each with its own position, for list fields. */
  items?: RawItem[];
}

/** One table row: cells by normalised header, in column order. */
export interface Row {
  cells: Map<string, Cell>;
  at: Location;
}

/** A cell's value: plain text (inline code marks dropped) unless it holds richer Markdown, which is kept as written. */
function cellValue(cell: TableCell, src: SourceText): { value: string; items?: RawItem[] } {
  const plain = cell.children.every((c) => c.type === "text" || c.type === "inlineCode");
  if (!plain) {
    const { start, end } = contentSpan(cell, src);
    return { value: src.text.slice(start.offset, end.offset).trim().replace(/\\\|/g, "|") };
  }
  // The plain text with, for each of its characters, its offset in the file (code marks and escapes make them differ).
  let text = "";
  const offsets: number[] = [];
  for (const child of cell.children) {
    if (child.type !== "text" && child.type !== "inlineCode") continue;
    const start = child.position?.start.offset ?? 0;
    const source = src.text.slice(start, child.position?.end.offset ?? start);
    const lead = child.type === "inlineCode" ? (/^`+ ?/.exec(source)?.[0].length ?? 0) : 0;
    const exact = child.type === "inlineCode" || source === child.value;
    for (let i = 0; i < child.value.length; i++) offsets.push(exact ? start + lead + i : start + Math.min(i, Math.max(0, source.length - 1)));
    text += child.value;
  }
  const items: RawItem[] = [];
  let from = 0;
  for (const piece of text.split(",")) {
    const lead = piece.length - piece.trimStart().length;
    const value = piece.trim();
    if (value !== "") {
      const first = offsets[from + lead] ?? 0;
      const last = offsets[from + lead + value.length - 1] ?? first;
      items.push({ value, at: src.span(first, last + 1) });
    }
    from += piece.length + 1;
  }
  return { value: text.trim(), items };
}

/** The span of a cell's content, without the pipes and padding around it. */
function contentSpan(cell: TableCell, src: SourceText): Location {
  const first = cell.children[0];
  const last = cell.children.at(-1);
  return first?.position && last?.position ? src.span(first.position.start.offset ?? 0, last.position.end.offset ?? 0) : src.nodeSpan(cell);
}

/** Reads a GFM table into rows keyed by normalised header; ragged rows are reported, never dropped. */
export function readTable(table: Table, src: SourceText): { rows: Row[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const [head, ...body] = table.children;
  if (!head) return { rows: [], diagnostics };
  const headers = head.children.map((cell) => ({ text: toString(cell).trim(), key: normalizeKey(toString(cell)), at: contentSpan(cell, src) }));
  const rows = body.map((row) => {
    const cells = new Map<string, Cell>();
    const rowAt = src.nodeSpan(row);
    if (row.children.length !== headers.length) {
      diagnostics.push(
        diagnostic(
          "warning",
          "table-ragged",
          rowAt,
          `table row has ${row.children.length} cells, expected ${headers.length}`,
          row.children.length < headers.length ? "Add the missing cells (empty cells are `| |`)." : "Remove the extra cells or add a header for them.",
        ),
      );
    }
    // Over the row's own cells, not every header: a short row under thousands of headers costs its cells only.
    row.children.forEach((cell, i) => {
      const h = headers[i];
      if (!h || h.key === "") return;
      const { value, items } = cellValue(cell, src);
      const entry: Cell = { header: h.text, value, at: contentSpan(cell, src), headerAt: h.at };
      if (items) entry.items = items;
      cells.set(h.key, entry);
    });
    return { cells, at: rowAt };
  });
  return { rows, diagnostics };
}
