import { excerpt } from "./excerpt.js";

/** A point in a source file: 1-based line and column, 0-based offset when known. */
export interface Point {
  line: number;
  column: number;
  offset?: number;
}

/** A span of source text. */
export interface Span {
  start: Point;
  end: Point;
}

/** A place in a file: a file path (relative to the plan's parent, POSIX separators) and a span. */
export interface Location extends Span {
  file: string;
}

export type Severity = "error" | "warning" | "info";

/** A second place a diagnostic points at (the first definition of a duplicate, each edge of a cycle). */
export interface Related extends Location {
  message: string;
}

/** A problem found in a plan: data, never thrown, collected and reported together. */
export interface Diagnostic extends Location {
  code: string;
  severity: Severity;
  message: string;
  hint?: string;
  related?: Related[];
}

/** The position used when a problem concerns a whole file rather than a place in it. */
export const FILE_START: Span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/** Builds a diagnostic, leaving out optional fields that are undefined; long quoted values are cut to an excerpt. */
export function diagnostic(severity: Severity, code: string, at: Location, message: string, hint?: string, related?: Related[]): Diagnostic {
  const d: Diagnostic = { code, severity, file: at.file, start: at.start, end: at.end, message: excerpt(message) };
  if (hint !== undefined) d.hint = excerpt(hint);
  if (related !== undefined && related.length > 0) d.related = related.map((r) => ({ ...r, message: excerpt(r.message) }));
  return d;
}

/** Orders diagnostics by file, then position, then code, so output never depends on read order. */
function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.start.line !== b.start.line) return a.start.line - b.start.line;
  if (a.start.column !== b.start.column) return a.start.column - b.start.column;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** Sorts and removes exact duplicates. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const sorted = [...list].sort(compareDiagnostics);
  return sorted.filter((d, i) => i === 0 || compareDiagnostics(d, sorted[i - 1]!) !== 0);
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === "error");
}
