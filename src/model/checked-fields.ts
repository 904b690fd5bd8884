import type { z } from "zod";
import { diagnostic, type Diagnostic, type Location } from "../diagnostics/diagnostic.js";
import { firstUnprintable, printable } from "../diagnostics/printable.js";
import type { RawField, RawRecord } from "../parse/raw-record.js";
import { suggest } from "../parse/suggest.js";
import type { FieldSpec } from "../schema/field-spec.js";
import type { KindSpec } from "../schema/record-kinds.js";
import { fieldSchema } from "../schema/zod-schemas.js";
import { coerce, type Coerced } from "./coerce.js";

/** A field value that passed its type check, with where it was written. */
export interface CheckedField {
  value: unknown;
  field: RawField;
  items?: { value: unknown; at: Location }[];
}

/** A record's checked fields: typed accessors that return undefined for absent or invalid fields. */
export interface Fields {
  record: RawRecord;
  has(name: string): boolean;
  string(name: string): string | undefined;
  number(name: string): number | undefined;
  strings(name: string): string[];
  raw(name: string): CheckedField | undefined;
  /** The position of a field's value, or of the record when absent. */
  at(name: string): Location;
}

// Schemas are built once per field spec: zod schema construction is not free and the specs never change.
const schemas = new WeakMap<FieldSpec, z.ZodType>();
function schemaOf(spec: FieldSpec): z.ZodType {
  let schema = schemas.get(spec);
  if (!schema) schemas.set(spec, (schema = fieldSchema(spec)));
  return schema;
}

/** Checks every known field of a record against its type; each failure is a diagnostic at the value's position. */
export function readFields(record: RawRecord, kind: KindSpec, diagnostics: Diagnostic[]): Fields {
  const checked = new Map<string, CheckedField>();
  for (const spec of kind.fields) {
    const field = record.fields.get(spec.name);
    if (!field) {
      // One error per cause: a field in front matter that could not be read is reported by its YAML error, not as missing.
      if (spec.required && !record.frontMatterUnread) {
        diagnostics.push(diagnostic("error", "missing-field", headOf(record), `${kind.kind} has no \`${spec.name}\``, `Add \`${spec.name}:\` to the front matter (${spec.description})`));
      }
      continue;
    }
    const coerced = coerce(spec, field);
    const result = schemaOf(spec).safeParse(coerced.value);
    if (result.success && ONE_LINE.has(spec.type)) {
      const unprintable = unprintableIn(spec, field, coerced);
      if (unprintable) {
        diagnostics.push(unprintable);
        continue;
      }
    }
    if (result.success) {
      const entry: CheckedField = { value: result.data, field };
      if (coerced.items) entry.items = coerced.items;
      checked.set(spec.name, entry);
      continue;
    }
    for (const issue of result.error.issues) diagnostics.push(issueDiagnostic(spec, field, coerced, issue));
  }
  const get = (name: string) => checked.get(name);
  return {
    record,
    has: (name) => checked.has(name),
    string: (name) => {
      const v = get(name)?.value;
      return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
    },
    number: (name) => {
      const v = get(name)?.value;
      return typeof v === "number" ? v : undefined;
    },
    strings: (name) => {
      const v = get(name)?.value;
      return Array.isArray(v) ? v.map(String) : [];
    },
    raw: get,
    at: (name) => get(name)?.field.at ?? headOf(record),
  };
}

// Fields read as one line of text (and each entry of a list): names, ids, titles, dates, statuses.
const ONE_LINE = new Set<FieldSpec["type"]>(["string", "list", "enum", "date"]);

/**
 * A control character or a direction override in a one-line field: it would blank or rewrite a terminal line, end a
 * Markdown line or a file name early, or make an id read as another. The field is then left out, as an invalid one.
 */
function unprintableIn(spec: FieldSpec, field: RawField, coerced: Coerced): Diagnostic | undefined {
  const values = Array.isArray(coerced.value) ? (coerced.value as unknown[]) : [coerced.value];
  for (const [i, value] of values.entries()) {
    if (typeof value !== "string") continue;
    const found = firstUnprintable(value);
    if (found === undefined) continue;
    const at = (Array.isArray(coerced.value) ? coerced.items?.[i]?.at : undefined) ?? field.at;
    return diagnostic(
      "error",
      "control-character",
      at,
      `\`${spec.name}\` is \`${printable(value)}\`: a one-line field may not hold a control character or a direction override (\`${found}\`)`,
      "Remove the character: write the value as plain text on one line.",
    );
  }
  return undefined;
}

/** The first line of a record, where problems about a missing field are reported. */
export function headOf(record: RawRecord): Location {
  return { file: record.file, start: record.at.start, end: record.at.start };
}

function issueDiagnostic(spec: FieldSpec, field: RawField, coerced: Coerced, issue: z.core.$ZodIssue): Diagnostic {
  const index = typeof issue.path[0] === "number" ? issue.path[0] : undefined;
  const at = (index !== undefined ? coerced.items?.[index]?.at : undefined) ?? field.at;
  const shown: unknown = index !== undefined && Array.isArray(coerced.value) ? (coerced.value as unknown[])[index] : coerced.value;
  const display = typeof shown === "string" ? `\`${shown}\`` : (JSON.stringify(shown) ?? String(shown));
  if (spec.type === "enum" && spec.values) {
    const guess = typeof shown === "string" ? suggest(shown, spec.values) : undefined;
    return diagnostic(
      "error",
      "invalid-value",
      at,
      `\`${spec.name}\` is ${display}, expected one of: ${spec.values.join(", ")}`,
      guess ? `Did you mean \`${guess}\`?` : `Use one of: ${spec.values.join(", ")}.`,
    );
  }
  return diagnostic("error", "invalid-value", at, `\`${spec.name}\` is ${display}: ${expectation(spec, issue)}`, `${spec.description}`);
}

function expectation(spec: FieldSpec, issue: z.core.$ZodIssue): string {
  switch (spec.type) {
    case "integer":
      return "expected a whole number ≥ 0";
    case "number":
      return "expected a number ≥ 0";
    case "duration":
      return "expected a number of days (`2`, `1.5`) or a range (`1-2`)";
    case "date":
      return "expected a date like `2025-10-16`";
    case "list":
      return "expected a list of names (`[TD1, TD2]` or `TD1, TD2`)";
    case "wave-set":
      return "expected `all` or wave numbers (`1, 3`)";
    case "wave-list":
      return "expected wave numbers (`[2, 3]` or `2, 3`)";
    case "string":
      return "expected a line of text";
    default:
      return issue.message.toLowerCase();
  }
}
