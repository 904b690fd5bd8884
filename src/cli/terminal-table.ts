import stringWidth from "string-width";
import { printable } from "../diagnostics/printable.js";

/** Lays out rows as aligned columns for a terminal (display width, so emoji and CJK line up). */
export function terminalTable(headers: readonly string[], cells: readonly (readonly string[])[], bold: (s: string) => string = (s) => s): string {
  // Cells show the plan's values: an escape sequence in a name must not act on the terminal.
  const rows = cells.map((r) => r.map(printable));
  const widths = headers.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i] ?? ""))));
  const line = (cells: readonly string[], style: (s: string) => string = (s) => s) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c + " ".repeat(widths[i]! - stringWidth(c))))
      .map(style)
      .join("  ")
      .trimEnd();
  return [line(headers, bold), ...rows.map((r) => line(r))].join("\n") + "\n";
}
