import { isDeepStrictEqual } from "node:util";
import { diagnostic, type Diagnostic, type Location } from "../diagnostics/diagnostic.js";
import { mapDecisionStatus } from "../model/decision-status.js";
import { readFields } from "../model/checked-fields.js";
import type { FieldSource, RawField, RawRecord } from "../parse/raw-record.js";
import type { FieldSpec } from "../schema/field-spec.js";
import { DECISION_STATUSES, type KindSpec } from "../schema/record-kinds.js";

/** Field types whose value is one line wherever it is written. */
const ONE_LINE = new Set(["string", "integer", "number", "duration", "date", "enum", "list", "wave-set", "wave-list"]);

/** The value a field reads as, typed and checked as the model checks it; undefined when absent or invalid. */
export function typedValue(record: RawRecord, kind: KindSpec, name: string): unknown {
  return readFields(record, kind, []).raw(name)?.value;
}

/**
 * Checks a new value for a field as the model would read it: a command-line string is read like a key-value line
 * (`TD1, TD2` is a list, `2` a number), an array or number as written in front matter.
 */
export function checkValue(kind: KindSpec, spec: FieldSpec, input: unknown, at: Location): { value: unknown } | { diagnostics: Diagnostic[] } {
  if (typeof input === "string" && ONE_LINE.has(spec.type) && /[\r\n]/.test(input)) {
    return refuse(at, `\`${spec.name}\` must be one line`, "Give the value without line breaks.");
  }
  const source: FieldSource = typeof input === "string" ? "key-value" : "front-matter";
  const field: RawField = { name: spec.name, key: spec.name, source, value: typeof input === "string" ? input.trim() : input, at, keyAt: at };
  const record: RawRecord = { kind: kind.kind, file: at.file, at, fields: new Map([[spec.name, field]]), unknown: [], extras: [], stem: "" };
  const diagnostics: Diagnostic[] = [];
  const checked = readFields(record, kind, diagnostics).raw(spec.name);
  // What is wrong with the value itself (a wrong type, a control character); the one-field record lacks the others.
  const problems = diagnostics.filter((d) => d.code === "invalid-value" || d.code === "control-character");
  if (!checked || problems.length > 0) {
    if (problems.length === 0) return refuse(at, `new value of \`${spec.name}\` cannot be read`, `${spec.description}`);
    return { diagnostics: problems.map((d) => ({ ...d, code: "write-invalid-value", file: at.file, start: at.start, end: at.end, message: `new value: ${d.message}` })) };
  }
  if (kind.kind === "decision" && spec.name === "status" && typeof checked.value === "string" && !mapDecisionStatus(checked.value).status) {
    return refuse(at, `new value: decision status \`${checked.value}\` is not one of: ${DECISION_STATUSES.join(", ")}`, "Use a standard status (`Superseded by …` is read too).");
  }
  return { value: checked.value };
}

/** Checks one entry to append to a list field: a short name for `list` fields, Markdown for `items`. */
export function checkItem(spec: FieldSpec, input: string, at: Location): { value: string } | { diagnostics: Diagnostic[] } {
  const value = spec.type === "list" ? input.trim().replace(/^`(.*)`$/s, "$1") : input.trim();
  if (value === "") return refuse(at, `the new entry of \`${spec.name}\` is empty`, "Give the entry to append.");
  if (spec.type === "list" && /[,\r\n]/.test(value)) {
    return refuse(at, `the new entry of \`${spec.name}\` holds a comma or a line break: \`${value}\``, "Append one entry at a time; entries of a list field are short names.");
  }
  return { value };
}

/** True when two typed values are the same; text compares without regard to line endings (`\r\n` files get `\r\n`). */
export function sameValue(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(plainEndings(a), plainEndings(b));
}

/** A value with every `\r\n` in its text made `\n`. */
export function plainEndings(value: unknown): unknown {
  if (typeof value === "string") return value.replace(/\r\n/g, "\n");
  if (Array.isArray(value)) return value.map(plainEndings);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainEndings(v)]));
  return value;
}

/** A typed value as one line of text: lists comma-separated. */
export function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => valueText(v)).join(", ");
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return value === undefined || value === null ? "" : (JSON.stringify(value) ?? "");
}

function refuse(at: Location, message: string, hint: string): { diagnostics: Diagnostic[] } {
  return { diagnostics: [diagnostic("error", "write-invalid-value", at, message, hint)] };
}
