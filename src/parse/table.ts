import type { Table, TableCell } from "mdast";
import { toString } from "mdast-util-to-string";
import { diagnostic, type Diagnostic, type Location } from "../diagnostics/diagnostic.js";
import { normalizeKey } from "../schema/field-spec.js";
import type { SourceText } from "./source-text.js";

/** One table cell's value and place. */
export interface Cell {
  /** The header as written. */
  header: string;
  value: string;
  at: Location;
  headerAt: Location;
}

/** One table row: cells by normalised header, in column order. */
export interface Row {
  cells: Map<string, Cell>;
  at: Location;
}

/** A cell's value: plain text (inline code marks dropped) unless it holds richer Markdown, which is kept as written. */
function cellValue(cell: TableCell, src: SourceText): string {
  const plain = cell.children.every((c) => c.type === "text" || c.type === "inlineCode");
  return plain ? toString(cell).trim() : src.slice(cell).trim().replace(/\\\|/g, "|");
}

/** Reads a GFM table into rows keyed by normalised header; ragged rows are reported, never dropped. */
export function readTable(table: Table, src: SourceText): { rows: Row[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const [head, ...body] = table.children;
  if (!head) return { rows: [], diagnostics };
  const headers = head.children.map((cell) => ({ text: toString(cell).trim(), key: normalizeKey(toString(cell)), at: src.nodeSpan(cell) }));
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
    headers.forEach((h, i) => {
      const cell = row.children[i];
      if (!cell || h.key === "") return;
      cells.set(h.key, { header: h.text, value: cellValue(cell, src), at: src.nodeSpan(cell), headerAt: h.at });
    });
    return { cells, at: rowAt };
  });
  return { rows, diagnostics };
}
