import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { editRecord, type FieldEdit } from "../writeback/edit-record.js";
import { valueText } from "../writeback/field-value.js";
import { keepDerived } from "../writeback/keep-derived.js";
import { resolveRef } from "../writeback/resolve-ref.js";
import { readVersion, type FileVersion, type PlanForWrite } from "./write-record.js";

/** A file to write: a new text over a version read before, or a new file (no `before`). */
export interface PlannedWrite {
  file: string;
  relative: string;
  text: string;
  before?: FileVersion;
}

/** What one field change comes to, before anything is written. */
export type FieldChange =
  /** The reference names no record (or several): a usage error. */
  | { kind: "unknown"; message: string; hint?: string | undefined }
  /** The edit cannot be made where the field is written; `usage` when the field is unknown. */
  | { kind: "refused"; diagnostics: Diagnostic[] }
  /** The field already has that value: nothing to write. */
  | { kind: "unchanged"; label: string; message: string }
  /** The writes that make the change, and one line per change for the person who asked. */
  | { kind: "change"; writes: PlannedWrite[]; summary: string[] };

/**
 * Works out `set`/`add`/`remove` of one field of the record `ref` names, in the plan as read: the new text of the one
 * file that changes, where the field is written. A new name (or id, slug) would move the workstream's branch and
 * worktree: unless `renameBranch`, they are written into the record so that they stay where they are.
 */
export async function fieldChange(snapshot: PlanForWrite, ref: string, edit: FieldEdit, options: { renameBranch?: boolean } = {}): Promise<FieldChange> {
  const target = resolveRef(
    snapshot.plan,
    snapshot.files.map((f) => f.parsed),
    ref,
  );
  if ("message" in target) return { kind: "unknown", message: target.message, hint: target.hint };
  const version = await readVersion(snapshot, target.file);
  const record = { text: version.text, file: version.file, relative: version.relative };
  const result = editRecord(record, target.index, edit);
  if (result.status === "refused") return { kind: "refused", diagnostics: result.diagnostics };
  if (result.status === "unchanged") {
    const what = edit.op === "add" ? `already has \`${edit.item.trim()}\`` : `is already \`${valueText(result.value)}\``;
    return { kind: "unchanged", label: target.label, message: `${target.label} ${result.field} ${what}` };
  }
  const pinned = options.renameBranch ? { text: result.text, kept: [] } : keepDerived(record, target.index, result.text, snapshot.plan.project);
  if ("diagnostics" in pinned) return { kind: "refused", diagnostics: pinned.diagnostics };
  const keptLines = pinned.kept.map((k) => `${target.label} ${k.field} (new): ${k.value}, written into the record so that it stays (--rename-branch moves it)`);
  const change = edit.op !== "set" ? `${edit.op === "add" ? "+" : "-"} ${edit.item.trim()}` : `${result.before === undefined ? "(not set)" : oneLine(result.before)} → ${oneLine(result.after)}`;
  const where = result.source === "new" ? " (new)" : "";
  return {
    kind: "change",
    writes: [{ file: version.file, relative: version.relative, text: pinned.text, before: version }],
    summary: [`${target.label} ${result.field}${where}: ${change}`, ...keptLines],
  };
}

/** A value for a one-line message: long or multi-line text is cut. */
function oneLine(value: unknown): string {
  const text = valueText(value).replace(/\s*\n\s*/g, " ⏎ ");
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
