import type { RichSection } from "../parse/raw-record.js";
import type { Fields } from "./checked-fields.js";
import type { FileRef, Ref, Subsection } from "./types.js";

/** References from a list field, each with the position it was written at. */
export function refs(fields: Fields, name: string): Ref[] {
  const checked = fields.raw(name);
  if (!checked) return [];
  const values = Array.isArray(checked.value) ? checked.value.map(String) : [String(checked.value)];
  return values.map((id, i) => ({ id, at: checked.items?.[i]?.at ?? checked.field.at }));
}

/** `owns` / `touches` entries, each with its position. */
export function fileRefs(fields: Fields, name: string): FileRef[] {
  return refs(fields, name).map((r) => ({ pattern: r.id, at: r.at }));
}

/** A single reference (`agent`), with its position. */
export function ref(fields: Fields, name: string): Ref | undefined {
  const value = fields.string(name);
  return value === undefined ? undefined : { id: value, at: fields.at(name) };
}

/** A text field, or empty. */
export function text(fields: Fields, name: string): string {
  return fields.string(name) ?? "";
}

/** A field that may be text, a list, or both. */
export function rich(fields: Fields, name: string): RichSection | undefined {
  const v = fields.raw(name)?.value;
  if (v === undefined) return undefined;
  if (typeof v === "string") return { text: v, items: [] };
  if (Array.isArray(v)) return { text: "", items: v.map(String) };
  return v as RichSection;
}

/** A `###` subsections field, or none. */
export function subsections(fields: Fields, name: string): Subsection[] {
  const v = fields.raw(name)?.value;
  return Array.isArray(v) ? (v as Subsection[]) : [];
}
