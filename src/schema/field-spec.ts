/** How a field's value is read and checked, wherever it was written. */
export type FieldType =
  /** One line of text. */
  | "string"
  /** One or more lines of text: a `##` section gives one entry per line (an ADR's status and its history). */
  | "lines"
  /** A whole number ≥ 0 (`max_parallel`, `wave`, ADR `number`). */
  | "integer"
  /** A number ≥ 0, fractions allowed (`coverage`). */
  | "number"
  /** A number of working days or a range `1-2`. */
  | "duration"
  /** A calendar date `YYYY-MM-DD`. */
  | "date"
  /** One value from a fixed set. */
  | "enum"
  /** A list of short values (ids, files, tags); comma-separated when written on one line. */
  | "list"
  /** Markdown kept verbatim. */
  | "text"
  /** A list whose entries are Markdown (`Deliverables`). */
  | "items"
  /** A GFM table, one object per row. */
  | "table"
  /** Key-value lines. */
  | "kv"
  /** `### Heading` blocks. */
  | "subsections"
  /** Either verbatim text or a list, whichever the author wrote (`Impact`). */
  | "text-or-items"
  /** Text, or `### Positive` / `### Negative` subsections (`Consequences`). */
  | "consequences"
  /** `all`, or a list of wave numbers. */
  | "wave-set"
  /** A list of wave numbers (`[2, 3, 4, 5]`). */
  | "wave-list";

export interface FieldSpec {
  /** The canonical, normalised name (`depends_on`). */
  name: string;
  type: FieldType;
  /** Other normalised names that mean this field (`context_and_problem_statement`). */
  aliases?: readonly string[];
  values?: readonly string[];
  /** Other spellings of enum values, normalised (`active` for `in progress`). */
  valueAliases?: Readonly<Record<string, string>>;
  required?: boolean;
  /** One line for docs and JSON Schema. */
  description: string;
}

/** Normalises a key or heading as written (`**Session Type:**`, `Next 3 Priorities`) to a field name (`session_type`). */
export function normalizeKey(raw: string): string {
  return raw
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[*_`]+/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, "_")
    .replace(/^_+|_+$/g, "");
}
