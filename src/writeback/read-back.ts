import type { ParsedFile, RawRecord } from "../parse/raw-record.js";
import type { FieldSpec } from "../schema/field-spec.js";
import type { KindSpec } from "../schema/record-kinds.js";
import { currentValue } from "./current-value.js";
import { sameValue, valueText } from "./field-value.js";

/** A value without the source positions inside it (subsection entries carry theirs), which move when text before them changes. */
function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== "at")
        .map(([k, v]) => [k, withoutPositions(v)]),
    );
  return value;
}

/** What a record says, positions left out: each field's value and where it was written, unknown fields, extra sections. */
function contentOf(record: RawRecord, skip: string | undefined) {
  const fields = [...record.fields.values()].filter((f) => f.name !== skip).map((f) => ({ name: f.name, source: f.source, value: withoutPositions(f.value) }));
  return {
    fields: fields.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    unknown: record.unknown.map((f) => ({ name: f.name, source: f.source, value: withoutPositions(f.value) })),
    extras: record.extras.map((e) => ({ heading: e.heading, body: e.body })),
  };
}

/**
 * Checks an edited file by parsing it again: the field reads as intended and stays where it was written, every other
 * field, record and section reads as before, and no new parse problem appears. Returns what went wrong, or undefined.
 */
export function readBack(before: ParsedFile, after: ParsedFile, text: string, index: number, kind: KindSpec, spec: FieldSpec, intended: unknown, source: string | undefined): string | undefined {
  const name = spec.name;
  if (after.records.length !== before.records.length) return `the file would hold ${after.records.length} records instead of ${before.records.length}`;
  const record = after.records[index]!;
  const field = record.fields.get(name);
  // An empty table cell is how a table row writes an empty list: the field is then not read at all.
  const emptyCell = !field && after.shape === "table" && Array.isArray(intended) && intended.length === 0;
  if (!field && !emptyCell) return `\`${name}\` would no longer be read`;
  const read = emptyCell ? [] : currentValue(text, record, kind, spec);
  if (!sameValue(read, intended)) return `\`${name}\` would read as \`${valueText(read)}\` instead of \`${valueText(intended)}\``;
  if (field && source !== undefined && field.source !== source) return `\`${name}\` would move from ${source} to ${field.source}`;
  for (const [i, old] of before.records.entries()) {
    if (!sameValue(contentOf(old, i === index ? name : undefined), contentOf(after.records[i]!, i === index ? name : undefined))) {
      return "another field or section would read differently";
    }
  }
  const known = new Set(before.diagnostics.map((d) => `${d.code} ${d.message}`));
  const added = after.diagnostics.find((d) => !known.has(`${d.code} ${d.message}`));
  return added ? `the file would get a new problem: ${added.code} ${added.message}` : undefined;
}
