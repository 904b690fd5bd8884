import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { parseRecord } from "../parse/parse-record.js";
import { analysePlan } from "../schedule/analyse-plan.js";
import { introduced, introducedErrors } from "../writeback/revalidate.js";
import { loadProject, type PlanSource } from "./build.js";
import { createPlanFile, writeVersions, type FileVersion, type PlanForWrite } from "./write-record.js";

/** A file to write: a new text over a version read before, or a new file (no `before`). */
export interface PlannedWrite {
  file: string;
  relative: string;
  text: string;
  before?: FileVersion;
}

/** What applying a change did; nothing is printed here, the caller (a command, the MCP server) says it its own way. */
export type ChangeOutcome =
  /** The change would give the plan errors (`added`): nothing was written. */
  | { kind: "blocked"; added: Diagnostic[] }
  /** A dry run: nothing was written; `added` are the errors the change would bring. */
  | { kind: "dry-run"; added: Diagnostic[] }
  /** Written; `diagnostics` are the plan's problems read afresh afterwards, `introduced` those the change brought. */
  | { kind: "written"; added: Diagnostic[]; diagnostics: Diagnostic[]; introduced: Diagnostic[] };

/**
 * The common end of every change to the plan's files, context-free: checks the plan with the change in memory (a change
 * that would add errors is refused unless `force`), then writes, refusing when a file changed meanwhile (a
 * FileChangedError carrying its hint), and reads the plan again.
 */
export async function applyChange(source: PlanSource, snapshot: PlanForWrite, writes: readonly PlannedWrite[], options: { dryRun: boolean; force: boolean }): Promise<ChangeOutcome> {
  const parsed = snapshot.files.map((f) => {
    const write = writes.find((w) => w.file === f.planFile.file);
    return write ? parseRecord(write.text, write.file, write.relative) : f.parsed;
  });
  const created = writes.filter((w) => !w.before).map((w) => parseRecord(w.text, w.file, w.relative));
  const after = analysePlan([...parsed, ...created], snapshot.readDiagnostics, { planDir: snapshot.shownDir, settings: snapshot.settings });
  const added = introducedErrors(snapshot.diagnostics, after.diagnostics);
  if (options.dryRun) return { kind: "dry-run", added };
  if (added.length > 0 && !options.force) return { kind: "blocked", added };
  await writeVersions(snapshot.planDir, writes.flatMap((w) => (w.before ? [{ version: w.before, text: w.text }] : [])));
  for (const w of writes) if (!w.before) await createPlanFile(snapshot.planDir, w.relative, w.file, w.text);
  const { diagnostics } = await loadProject(source);
  return { kind: "written", added, diagnostics, introduced: introduced(snapshot.diagnostics, diagnostics) };
}
