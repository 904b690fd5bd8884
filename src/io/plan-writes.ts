import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { parseRecord } from "../parse/parse-record.js";
import { analysePlan } from "../schedule/analyse-plan.js";
import { introducedErrors } from "../writeback/revalidate.js";
import type { PlannedWrite } from "./field-change.js";
import { createPlanFile, writeVersions, type PlanForWrite } from "./write-record.js";

/** The errors a change would give the plan that it does not have now: the plan is checked with the change in memory. */
export function errorsAfter(snapshot: PlanForWrite, writes: readonly PlannedWrite[]): Diagnostic[] {
  const parsed = snapshot.files.map((f) => {
    const write = writes.find((w) => w.file === f.planFile.file);
    return write ? parseRecord(write.text, write.file, write.relative) : f.parsed;
  });
  const created = writes.filter((w) => !w.before).map((w) => parseRecord(w.text, w.file, w.relative));
  const after = analysePlan([...parsed, ...created], snapshot.readDiagnostics, { planDir: snapshot.shownDir, settings: snapshot.settings });
  return introducedErrors(snapshot.diagnostics, after.diagnostics);
}

/**
 * Writes a change: edited files over the versions read (refusing, with nothing written, when any changed meanwhile;
 * several at once through the plan folder's journal), then new files, never replacing one.
 */
export async function writePlanChange(snapshot: PlanForWrite, writes: readonly PlannedWrite[]): Promise<void> {
  await writeVersions(
    snapshot.planDir,
    writes.flatMap((w) => (w.before ? [{ version: w.before, text: w.text }] : [])),
  );
  for (const w of writes) if (!w.before) await createPlanFile(snapshot.planDir, w.relative, w.file, w.text);
}
