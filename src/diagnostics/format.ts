import type { Diagnostic } from "./diagnostic.js";
import { printable } from "./printable.js";
import { plural } from "./plural.js";

/** Output formats for diagnostics. */
export type DiagnosticFormat = "text" | "json" | "github";

/** Colour functions; identity when colour is off. */
export interface Paint {
  red: (s: string) => string;
  yellow: (s: string) => string;
  cyan: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
}

/** No colour at all. */
const PLAIN: Paint = { red: (s) => s, yellow: (s) => s, cyan: (s) => s, dim: (s) => s, bold: (s) => s };

const place = (d: { file: string; start: { line: number; column: number } }) => `${printable(d.file)}:${d.start.line}:${d.start.column}`;

/** `file:line:col severity code message`, the hint and related places indented below: links in editors and terminals. */
export function formatText(list: readonly Diagnostic[], paint: Paint = PLAIN): string {
  const lines: string[] = [];
  for (const d of list) {
    const severity = d.severity === "error" ? paint.red("error") : d.severity === "warning" ? paint.yellow("warning") : paint.cyan("info");
    // Messages quote the plan's values: an escape sequence in one must not act on the terminal.
    lines.push(`${place(d)} ${severity} ${paint.dim(d.code)} ${printable(d.message)}`);
    if (d.hint) lines.push(`  ${paint.dim("hint:")} ${printable(d.hint)}`);
    for (const r of d.related ?? []) lines.push(`  ${paint.dim("see:")} ${place(r)} ${printable(r.message)}`);
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

/** A one-line count: `2 errors, 1 warning`. */
export function summarize(list: readonly Diagnostic[]): string {
  const errors = list.filter((d) => d.severity === "error").length;
  const warnings = list.filter((d) => d.severity === "warning").length;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}

/** How many diagnostics there are of each severity. */
function counts(list: readonly Diagnostic[]): { errors: number; warnings: number; infos: number } {
  const of = (severity: Diagnostic["severity"]) => list.filter((d) => d.severity === severity).length;
  return { errors: of("error"), warnings: of("warning"), infos: of("info") };
}

/** The diagnostics as a JSON document for scripts, with the counts by severity first (`summary`). */
function formatJson(list: readonly Diagnostic[]): string {
  return `${JSON.stringify({ summary: counts(list), diagnostics: list }, null, 2)}\n`;
}

// GitHub's workflow-command syntax needs %, CR, LF (and in properties `:` and `,`) escaped.
const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** GitHub Actions annotations (`::error file=…,line=…::message`) shown on the plan's lines in a pull request. */
export function formatGithub(list: readonly Diagnostic[]): string {
  return list
    .map((d) => {
      const level = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "notice";
      const props = [`file=${printable(d.file)}`, `line=${d.start.line}`, `col=${d.start.column}`, `endLine=${d.end.line}`, `endColumn=${d.end.column}`, `title=${d.code}`]
        .map(escapeProperty)
        .join(",");
      return `::${level} ${props}::${escapeData(d.hint ? `${printable(d.message)}\n${printable(d.hint)}` : printable(d.message))}\n`;
    })
    .join("");
}

/** Formats diagnostics in the chosen format. */
export function formatDiagnostics(list: readonly Diagnostic[], format: DiagnosticFormat, paint: Paint = PLAIN): string {
  return format === "json" ? formatJson(list) : format === "github" ? formatGithub(list) : formatText(list, paint);
}
