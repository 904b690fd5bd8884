import path from "node:path/posix";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { parseRecord } from "../parse/parse-record.js";
import { editRecord, type EditResult, type FieldEdit, type RecordFile } from "./edit-record.js";

/** One ADR taking part in a supersession: its file, the record's index in it, its number and title. */
export interface AdrFile extends RecordFile {
  index: number;
  number: number;
  title: string;
}

/** The new texts of both ADRs, with one line per change; or why they cannot be changed. */
export type SupersedeResult = { texts: [string, string]; changes: string[] } | { diagnostics: Diagnostic[] };

/** Applies edits one after another to a file's text; the first refusal stops them. */
function applyAll(file: RecordFile, index: number, edits: readonly FieldEdit[], label: string): { text: string; changes: string[] } | { diagnostics: Diagnostic[] } {
  let text = file.text;
  const changes: string[] = [];
  for (const edit of edits) {
    const result: EditResult = editRecord({ ...file, text }, index, edit);
    if (result.status === "refused") return { diagnostics: result.diagnostics };
    if (result.status === "changed") {
      text = result.text;
      changes.push(`${label} ${result.field}: ${edit.op === "set" ? String(edit.value) : `${edit.op === "add" ? "+" : "-"} ${edit.item}`}`);
    }
  }
  return { text, changes };
}

/**
 * Marks `old` as superseded by `next` in both files: the old ADR's status says so (in front matter `superseded` and a
 * `superseded_by` number; written as text, `Superseded by [N. Title](file.md)` as MADR does), the new ADR lists the old
 * one in `supersedes`.
 */
export function supersede(old: AdrFile, next: AdrFile): SupersedeResult {
  const record = parseRecord(old.text, old.file, old.relative).records[old.index];
  const status = record?.fields.get("status");
  const inFrontMatter = !status || status.source === "front-matter";
  const link = path.relative(path.dirname(old.relative), next.relative);
  const oldEdits: FieldEdit[] = inFrontMatter
    ? [
        { op: "set", field: "status", value: "superseded" },
        { op: "set", field: "superseded_by", value: String(next.number) },
      ]
    : [
        { op: "set", field: "status", value: `Superseded by [${next.number}. ${next.title}](${link})` },
        ...(record?.fields.has("superseded_by") ? [{ op: "set", field: "superseded_by", value: String(next.number) } as const] : []),
      ];
  const oldResult = applyAll(old, old.index, oldEdits, `ADR-${old.number}`);
  const nextResult = applyAll(next, next.index, [{ op: "add", field: "supersedes", item: String(old.number) }], `ADR-${next.number}`);
  const diagnostics = [...("diagnostics" in oldResult ? oldResult.diagnostics : []), ...("diagnostics" in nextResult ? nextResult.diagnostics : [])];
  if ("diagnostics" in oldResult || "diagnostics" in nextResult) return { diagnostics };
  return { texts: [oldResult.text, nextResult.text], changes: [...oldResult.changes, ...nextResult.changes] };
}
