import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { editRecord, type FieldEdit } from "../writeback/edit-record.js";
import { valueText } from "../writeback/field-value.js";
import { keepDerived } from "../writeback/keep-derived.js";
import { resolveRef } from "../writeback/resolve-ref.js";
import type { PlannedWrite } from "./apply-change.js";
import type { PlanSource } from "./build.js";
import { readPlanForWrite, readVersion, type PlanForWrite } from "./write-record.js";

/** What changing one field comes to, before anything is written. */
export type FieldChange =
  /** The reference names no record. */
  | { kind: "no-record"; message: string; hint?: string }
  /** The edit cannot be made (an unknown field, a bad value): nothing to write. */
  | { kind: "refused"; diagnostics: Diagnostic[] }
  /** The field already has the value: nothing to write. */
  | { kind: "unchanged"; message: string }
  /** The files to write and one line per thing changed (`TD2 status: planned → done`). */
  | { kind: "change"; snapshot: PlanForWrite; writes: PlannedWrite[]; summary: string[] };

/**
 * Plans `set <ref> <field> <value>` (or `add` / `remove` of a list entry) where the field is written, only the value's
 * bytes changed: context-free, for the CLI's write-back commands and the MCP server alike (`applyChange` writes it).
 */
export async function planFieldChange(source: PlanSource, ref: string, edit: FieldEdit, options: { renameBranch?: boolean } = {}): Promise<FieldChange> {
  const snapshot = await readPlanForWrite(source.planDir, source.root, source.settings);
  const target = resolveRef(
    snapshot.plan,
    snapshot.files.map((f) => f.parsed),
    ref,
  );
  if ("message" in target) return { kind: "no-record", message: target.message, ...(target.hint !== undefined ? { hint: target.hint } : {}) };
  const version = await readVersion(snapshot, target.file);
  const result = editRecord({ text: version.text, file: version.file, relative: version.relative }, target.index, edit);
  if (result.status === "refused") return { kind: "refused", diagnostics: result.diagnostics };
  if (result.status === "unchanged") {
    const what = edit.op === "add" ? `already has \`${edit.item.trim()}\`` : `is already \`${valueText(result.value)}\``;
    return { kind: "unchanged", message: `${target.label} ${result.field} ${what}; nothing was written` };
  }
  // A new name (or id, slug) would move the workstream's branch and worktree: unless asked to, they stay where they are.
  const pinned = options.renameBranch ? { text: result.text, kept: [] } : keepDerived({ text: version.text, file: version.file, relative: version.relative }, target.index, result.text, snapshot.plan.project);
  if ("diagnostics" in pinned) return { kind: "refused", diagnostics: pinned.diagnostics };
  const keptLines = pinned.kept.map((k) => `${target.label} ${k.field} (new): ${k.value}, written into the record so that it stays (--rename-branch moves it)`);
  const change = edit.op !== "set" ? `${edit.op === "add" ? "+" : "-"} ${edit.item.trim()}` : `${result.before === undefined ? "(not set)" : oneLine(result.before)} → ${oneLine(result.after)}`;
  const where = result.source === "new" ? " (new)" : "";
  return { kind: "change", snapshot, writes: [{ file: version.file, relative: version.relative, text: pinned.text, before: version }], summary: [`${target.label} ${result.field}${where}: ${change}`, ...keptLines] };
}

/** A value for a one-line message: long or multi-line text is cut. */
function oneLine(value: unknown): string {
  const text = valueText(value).replace(/\s*\n\s*/g, " ⏎ ");
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
