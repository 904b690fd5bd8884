import { readPlanForWrite, readVersion } from "../../io/write-record.js";
import { editRecord, type FieldEdit } from "../../writeback/edit-record.js";
import { valueText } from "../../writeback/field-value.js";
import { keepDerived } from "../../writeback/keep-derived.js";
import { resolveRef } from "../../writeback/resolve-ref.js";
import type { CommandContext } from "../context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { applyChanges, reportRefusal, type WriteOptions } from "./apply-changes.js";

/** `paraplan set <ref> <field> <value>`, `paraplan add|remove <ref> <list-field> <item>`: change one field where it is written. */
export async function changeField(context: CommandContext, ref: string, edit: FieldEdit, options: WriteOptions & { renameBranch?: boolean }): Promise<ExitCode> {
  const snapshot = await readPlanForWrite(context.planDir, context.root, context.settings);
  const target = resolveRef(
    snapshot.plan,
    snapshot.files.map((f) => f.parsed),
    ref,
  );
  if ("message" in target) throw new CliError(target.message, EXIT.usage, target.hint);
  const version = await readVersion(snapshot, target.file);
  const result = editRecord({ text: version.text, file: version.file, relative: version.relative }, target.index, edit);
  if (result.status === "refused") return reportRefusal(context, result.diagnostics);
  if (result.status === "unchanged") {
    const what = edit.op === "add" ? `already has \`${edit.item.trim()}\`` : `is already \`${valueText(result.value)}\``;
    context.stderr(`${target.label} ${result.field} ${what}; nothing was written\n`);
    return EXIT.ok;
  }
  // A new name (or id, slug) would move the workstream's branch and worktree: unless asked to, they stay where they are.
  const pinned = options.renameBranch ? { text: result.text, kept: [] } : keepDerived({ text: version.text, file: version.file, relative: version.relative }, target.index, result.text, snapshot.plan.project);
  if ("diagnostics" in pinned) return reportRefusal(context, pinned.diagnostics);
  const keptLines = pinned.kept.map((k) => `${target.label} ${k.field} (new): ${k.value}, written into the record so that it stays (--rename-branch moves it)`);
  const change = edit.op !== "set" ? `${edit.op === "add" ? "+" : "-"} ${edit.item.trim()}` : `${result.before === undefined ? "(not set)" : oneLine(result.before)} → ${oneLine(result.after)}`;
  const where = result.source === "new" ? " (new)" : "";
  return applyChanges(context, snapshot, [{ file: version.file, relative: version.relative, text: pinned.text, before: version }], [`${target.label} ${result.field}${where}: ${change}`, ...keptLines], options);
}

/** A value for a one-line message: long or multi-line text is cut. */
function oneLine(value: unknown): string {
  const text = valueText(value).replace(/\s*\n\s*/g, " ⏎ ");
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
