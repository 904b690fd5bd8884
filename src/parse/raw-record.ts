import type { Diagnostic, Location } from "../diagnostics/diagnostic.js";
import type { RecordKind } from "../schema/record-kinds.js";

/** A section that has no field of its own: kept verbatim, never dropped. */
export interface ExtraSection {
  heading: string;
  /** The section's Markdown, verbatim from the source. */
  body: string;
  at: Location;
}

/** An entry of a subsections field (`### Heading` blocks). */
export interface Subsection {
  title: string;
  /** The block's Markdown, verbatim. */
  body: string;
  /** Key-value lines found in the block (`**Owner:** User`), keys as written. */
  fields: { key: string; value: string }[];
  /** Top-level list items in the block, as Markdown. */
  items: string[];
  /** The block without its key-value lines, verbatim. */
  rest: string;
  at: Location;
}

/** Where a field was written. */
export type FieldSource = "front-matter" | "title" | "key-value" | "section" | "table" | "file-name";

/** A value read from a section of `items` or `list` type, or a YAML sequence: one entry with its position. */
export interface RawItem {
  value: unknown;
  at: Location;
  /** For a Markdown list item: where its text (after the bullet) starts. */
  textAt?: Location;
}

/** A field as written: its value before type checks, and where it came from. */
export interface RawField {
  /** Canonical field name, or the normalised key for unknown fields. */
  name: string;
  /** The key or heading as written. */
  key: string;
  source: FieldSource;
  value: unknown;
  /** The span of the value. */
  at: Location;
  /** The span of the key or heading. */
  keyAt: Location;
  /** Each entry's position, for list-shaped values. */
  items?: RawItem[];
  /** For a field read from a `##` section: the section's Markdown, verbatim (its value may be reshaped). */
  body?: string;
  /** For a field read from a `##` section: where `body` starts. */
  bodyAt?: Location;
}

/** Text-or-items and consequences sections keep both shapes. */
export interface RichSection {
  text: string;
  items: string[];
  positive?: string[];
  negative?: string[];
  subsections?: Subsection[];
}

/** One record read from a file: the whole file, or one row of a collection table. */
export interface RawRecord {
  kind: RecordKind;
  file: string;
  at: Location;
  /** Known fields by canonical name. */
  fields: Map<string, RawField>;
  /** Fields whose names are not part of the kind, kept as written. */
  unknown: RawField[];
  /** Sections with no field of their own, verbatim. */
  extras: ExtraSection[];
  /** The file name without `.md`, for defaults (ADR number, session date, agent id). */
  stem: string;
  /** The first `# Heading` as written (Markdown), even when front matter gives the fields it would give. */
  heading?: { text: string; at: Location };
  /** The front matter (or part of it) could not be read, a YAML error reported: a field not found may be written there. */
  frontMatterUnread?: true;
}

/** The result of parsing one file. */
export interface ParsedFile {
  file: string;
  kind?: RecordKind;
  /** `file`: one record per file; `table`: one record per row of its first table; `single`: project.md. */
  shape?: "file" | "table" | "single";
  records: RawRecord[];
  diagnostics: Diagnostic[];
}
