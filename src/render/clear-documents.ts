import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Plan } from "../model/types.js";
import type { PlanSchedule } from "../schedule/types.js";
import { documentJobs } from "./render-documents.js";

/**
 * Which documents can be rendered although the plan has errors: those that read none of the files with an error.
 * Only errors in records that documents read one by one (ADRs, sessions, risks) can be read around: an error in a
 * workstream, a wave, an agent, a gate or the project, or in a file that gave no record at all, may change the
 * schedule or the text every document shares.
 */
export function documentsClearOf(plan: Plan, schedule: PlanSchedule, diagnostics: readonly Diagnostic[]): (path: string) => boolean {
  const errors = new Set(diagnostics.filter((d) => d.severity === "error").map((d) => d.file));
  if (errors.size === 0) return () => true;
  const aside = new Set([plan.decisions, plan.sessions, plan.risks].flatMap((list) => list.map((r: { source: { file: string } }) => r.source.file)));
  if ([...errors].some((file) => !aside.has(file))) return () => false;
  const clear = new Set(
    documentJobs(plan, schedule)
      .filter((job) => !job.sources.some((file) => errors.has(file)))
      .map((job) => job.path),
  );
  return (path) => clear.has(path);
}
