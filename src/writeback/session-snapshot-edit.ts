import { normalizeKey } from "../schema/field-spec.js";
import { SNAPSHOT_TABLES } from "../model/session-snapshot.js";
import type { SessionSnapshot } from "../model/types.js";
import type { RawField } from "../parse/raw-record.js";
import { cellMarkdown } from "./markdown-fragment.js";
import { appendSection, setSectionBody } from "./section-edit.js";
import { applySplices, lineEnding } from "./splice.js";

/** A snapshot table as Markdown: its header, then one row per entry, cells as plain text (escaped by the serialiser, lines folded). */
function tableMarkdown(columns: readonly string[], rows: readonly Record<string, string>[]): string {
  const cell = (value: string) => cellMarkdown(value.replace(/\s*\r?\n\s*/g, " ").trim(), false);
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(columns), line(columns.map(() => "---")), ...rows.map((row) => line(columns.map((c) => cell(row[normalizeKey(c)] ?? ""))))].join("\n");
}

/**
 * A session record's text with the snapshot written into it: each table replaces the section it already has (a
 * person's corrections give way to the plan as it stands now), or is appended as a new `##` section.
 */
export function writeSnapshot(text: string, fields: ReadonlyMap<string, RawField>, snapshot: Required<SessionSnapshot>): string {
  const eol = lineEnding(text);
  const tables = SNAPSHOT_TABLES.map((t) => ({ ...t, markdown: tableMarkdown(t.columns, snapshot[t.part] as readonly Record<string, string>[]) }));
  // Sections written already are replaced in place (their offsets hold until the text changes); the others go at the end.
  let out = applySplices(
    text,
    tables.flatMap((t) => (fields.has(t.field) ? setSectionBody(text, fields.get(t.field)!, t.markdown, eol) : [])),
  );
  for (const t of tables.filter((x) => !fields.has(x.field))) out = applySplices(out, appendSection(out, t.heading, t.markdown, eol));
  return out;
}
