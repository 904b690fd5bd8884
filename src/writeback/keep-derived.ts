import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { buildWorkstream } from "../model/build-records.js";
import type { Project } from "../model/types.js";
import { parseRecord } from "../parse/parse-record.js";
import { editRecord, type RecordFile } from "./edit-record.js";

/** The places a workstream's name, id or slug give it when they are not written: an existing branch and worktree live there. */
const DERIVED = ["branch", "worktree"] as const;

/** A derived value written into the record so that it stays where it was. */
export interface KeptValue {
  field: (typeof DERIVED)[number];
  value: string;
}

/**
 * After an edit of a workstream (`text` is the edited file), writes its old branch and worktree into the record when the
 * edit would move them (a new name gives a new slug, so a new branch name and worktree path): a branch and worktree
 * made already are not orphaned. Values written in the record do not move and are left alone.
 */
export function keepDerived(file: RecordFile, index: number, text: string, project: Pick<Project, "name" | "worktreePattern">): { text: string; kept: KeptValue[] } | { diagnostics: Diagnostic[] } {
  const before = parseRecord(file.text, file.file, file.relative).records[index];
  const after = parseRecord(text, file.file, file.relative).records[index];
  if (before?.kind !== "workstream" || after?.kind !== "workstream") return { text, kept: [] };
  const old = buildWorkstream(before, project, []);
  const now = buildWorkstream(after, project, []);
  let current = text;
  const kept: KeptValue[] = [];
  for (const field of DERIVED) {
    if (old[field] === now[field] || after.fields.has(field)) continue;
    const result = editRecord({ ...file, text: current }, index, { op: "set", field, value: old[field] });
    if (result.status === "refused") return { diagnostics: result.diagnostics };
    if (result.status === "changed") current = result.text;
    kept.push({ field, value: old[field] });
  }
  return { text: current, kept };
}
