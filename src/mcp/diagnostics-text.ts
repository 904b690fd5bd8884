import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatText, summarize } from "../diagnostics/format.js";

/** The diagnostics as text, `file:line:column severity code message`, paths relative to the project root. */
export function diagnosticsText(list: readonly Diagnostic[]): string {
  return `${formatText(list)}${summarize(list)}\n`;
}
