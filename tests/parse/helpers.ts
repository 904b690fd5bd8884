import type { Diagnostic, Location } from "../../src/diagnostics/diagnostic.js";
import { buildPlan } from "../../src/model/build-plan.js";
import type { Plan } from "../../src/model/types.js";
import { parseRecord } from "../../src/parse/parse-record.js";
import type { ParsedFile, RawField, RawRecord } from "../../src/parse/raw-record.js";

/** A file's text from its lines: line N of the file is argument N, so positions in tests read off directly. */
export function lines(...content: string[]): string {
  return `${content.join("\n")}\n`;
}

/** Parses a text as the plan file `plan/<relative>`. */
export function parse(relative: string, text: string): ParsedFile {
  return parseRecord(text, `plan/${relative}`, relative);
}

/** The one record of a file that must hold exactly one. */
export function only(parsed: ParsedFile): RawRecord {
  if (parsed.records.length !== 1) throw new Error(`expected one record in ${parsed.file}, got ${parsed.records.length}`);
  return parsed.records[0]!;
}

/** A field of a record, which must be there. */
export function field(record: RawRecord, name: string): RawField {
  const found = record.fields.get(name);
  if (!found) throw new Error(`no field ${name} in ${record.file}; has ${[...record.fields.keys()].join(", ")}`);
  return found;
}

/** `file:line:col`, the way diagnostics print places. */
function place(at: Pick<Location, "file" | "start">): string {
  return `${at.file}:${at.start.line}:${at.start.column}`;
}

/** `line:col-line:col` of a span (without the file). */
export function span(at: Pick<Location, "start" | "end">): string {
  return `${at.start.line}:${at.start.column}-${at.end.line}:${at.end.column}`;
}

/** A diagnostic in a form that compares whole in one assertion. */
export interface Shown {
  at: string;
  severity: string;
  code: string;
  message: string;
  hint?: string;
  related?: string[];
}

function show(d: Diagnostic): Shown {
  const shown: Shown = { at: place(d), severity: d.severity, code: d.code, message: d.message };
  if (d.hint !== undefined) shown.hint = d.hint;
  if (d.related) shown.related = d.related.map((r) => `${place(r)} ${r.message}`);
  return shown;
}

export function showAll(list: readonly Diagnostic[]): Shown[] {
  return list.map(show);
}

/** The project file every model test starts from, unless it brings its own. */
export const PROJECT = lines("---", "name: demo", "---", "", "# Demo");

/** Builds a plan from `relative path → text`; project.md is added unless given (pass `project.md: undefined` to leave it out). */
export function build(files: Record<string, string | undefined>): { plan: Plan; diagnostics: Diagnostic[] } {
  const all: Record<string, string | undefined> = { "project.md": PROJECT, ...files };
  const parsed = Object.entries(all)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([relative, text]) => parse(relative, text));
  return buildPlan(parsed, { planDir: "plan" });
}
