import type { RawRecord } from "../parse/raw-record.js";
import type { FieldSpec } from "../schema/field-spec.js";
import type { KindSpec } from "../schema/record-kinds.js";
import { typedValue } from "./field-value.js";
import { bodySpan } from "./section-edit.js";

/** Types read from a section into a richer shape (text and list, or `### Positive` lists), which `set` replaces as Markdown. */
const RICH = new Set(["text-or-items", "consequences"]);

/**
 * A field's value as `set` takes it: the typed value; for a rich section (Impact, Consequences) its Markdown body; for a
 * section read line by line, its first line. Setting a field to its current value changes nothing.
 */
export function currentValue(text: string, record: RawRecord, kind: KindSpec, spec: FieldSpec): unknown {
  const field = record.fields.get(spec.name);
  // A section read line by line (an ADR's status and its link lines): `set` changes the first line.
  if (field?.source === "section" && spec.type === "lines" && field.items?.[0]) return field.items[0].value;
  if (field?.source === "section" && RICH.has(spec.type)) {
    const span = bodySpan(text, field);
    return text.slice(span.start, span.end);
  }
  return typedValue(record, kind, spec.name);
}
