import type { FieldSpec } from "../schema/field-spec.js";
import type { RawItem, RawField } from "../parse/raw-record.js";

/** A field value shaped for its type: key-value and table cells are text, so lists and numbers are read from it. */
export interface Coerced {
  value: unknown;
  /** Positions of list entries, when known. */
  items?: RawItem[];
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Splits `TD1, TD2` written on one line, keeping each entry's position when the source is a single line. */
function splitList(field: RawField, text: string): Coerced {
  const parts: RawItem[] = [];
  let offset = 0;
  for (const piece of text.split(",")) {
    const lead = piece.length - piece.trimStart().length;
    const value = piece.trim().replace(/^`(.*)`$/s, "$1");
    if (value !== "") {
      const at = field.at.start.offset === undefined ? field.at : shift(field, offset + lead, piece.trim().length);
      parts.push({ value, at });
    }
    offset += piece.length + 1;
  }
  return { value: parts.map((p) => p.value), items: parts };
}

function shift(field: RawField, from: number, length: number): RawField["at"] {
  const { start } = field.at;
  const at = (delta: number) => ({ line: start.line, column: start.column + delta, offset: (start.offset ?? 0) + delta });
  return { file: field.at.file, start: at(from), end: at(from + length) };
}

/** Converts a raw value to the shape its type expects; values that cannot be converted are left for the schema to reject. */
export function coerce(spec: FieldSpec, field: RawField): Coerced {
  const raw = field.value;
  const text = typeof raw === "string" && field.source !== "section";
  switch (spec.type) {
    case "string":
    case "date":
      return { value: typeof raw === "number" || typeof raw === "boolean" ? String(raw) : raw };
    case "lines": {
      // Each line keeps its position, so a link in an ADR's status section is reported where it is written.
      const value = typeof raw === "number" || typeof raw === "boolean" ? String(raw) : raw;
      return field.items ? { value, items: field.items } : { value };
    }
    case "enum": {
      if (typeof raw !== "string") return { value: raw };
      // `in_progress`, `In-Progress` and `in progress` are one value.
      const value = raw
        .trim()
        .toLowerCase()
        .replace(/[\s_-]+/g, " ");
      return { value: spec.valueAliases?.[value] ?? value };
    }
    case "integer":
    case "number":
      return { value: typeof raw === "string" && NUMBER.test(raw.trim()) ? Number(raw.trim()) : raw };
    case "duration":
      return { value: typeof raw === "string" && NUMBER.test(raw.trim()) ? Number(raw.trim()) : raw };
    case "list":
      // A table cell comes split already, each entry with its position (inline code marks shift them).
      if (typeof raw === "string" && field.source === "table" && field.items) return { value: field.items.map((i) => i.value), items: field.items };
      if (typeof raw === "string") return text ? splitList(field, raw) : { value: [raw] };
      if (typeof raw === "number") return { value: [String(raw)], items: [{ value: String(raw), at: field.at }] };
      if (Array.isArray(raw)) {
        const value = (raw as unknown[]).map((v) => (typeof v === "number" ? String(v) : v));
        return field.items ? { value, items: field.items.map((item, i) => ({ value: value[i], at: item.at })) } : { value };
      }
      return { value: raw };
    case "wave-list": {
      const list: unknown[] = typeof raw === "string" ? raw.split(",").map((s) => s.trim()) : Array.isArray(raw) ? raw : [raw];
      return { value: list.map((v) => (typeof v === "string" && NUMBER.test(v) ? Number(v) : v)) };
    }
    case "wave-set": {
      if (typeof raw === "string" && raw.trim().toLowerCase() === "all") return { value: "all" };
      const list: unknown[] = typeof raw === "string" ? raw.split(",").map((s) => s.trim()) : Array.isArray(raw) ? raw : [raw];
      return { value: list.map((v) => (typeof v === "string" && NUMBER.test(v) ? Number(v) : v)) };
    }
    case "items":
      return { value: typeof raw === "string" ? [raw] : raw };
    default:
      return field.items ? { value: raw, items: field.items } : { value: raw };
  }
}
