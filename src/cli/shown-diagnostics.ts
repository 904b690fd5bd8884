import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDiagnostics, type DiagnosticFormat } from "../diagnostics/format.js";
import { shownFile, type CommandContext } from "./context.js";

/**
 * Diagnostics as a person reads them: their files relative to the working folder. The model, the cache and the
 * machine formats (`json`, `github`) keep paths relative to the project root, which do not depend on where paraplan runs.
 */
function shownDiagnostics(context: Pick<CommandContext, "cwd" | "root">, list: readonly Diagnostic[]): Diagnostic[] {
  if (context.cwd === context.root) return [...list];
  return list.map((d) => {
    const moved: Diagnostic = { ...d, file: shownFile(context, d.file) };
    if (d.related) moved.related = d.related.map((r) => ({ ...r, file: shownFile(context, r.file) }));
    return moved;
  });
}

/** Formats diagnostics for printing: text with paths from the working folder, machine formats from the project root. */
export function printDiagnostics(context: Pick<CommandContext, "cwd" | "root" | "paint">, list: readonly Diagnostic[], format: DiagnosticFormat = "text"): string {
  return formatDiagnostics(format === "text" ? shownDiagnostics(context, list) : list, format, context.paint);
}
