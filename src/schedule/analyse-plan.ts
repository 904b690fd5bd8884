import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { buildPlan, type RecordMemo } from "../model/build-plan.js";
import { applySeverity, type PlanSettings } from "../model/plan-settings.js";
import type { Plan } from "../model/types.js";
import type { ParsedFile } from "../parse/raw-record.js";
import { computeSchedule } from "./index.js";
import type { PlanSchedule } from "./types.js";

/** A plan built from its parsed files, validated and scheduled, with every diagnostic of every stage. */
export interface AnalysedPlan {
  plan: Plan;
  schedule: PlanSchedule;
  diagnostics: Diagnostic[];
  /** The cross-record rules' findings among them, before severities: a plan patched after a local edit is checked against these. */
  rules?: Diagnostic[];
}

/**
 * Builds, validates and schedules parsed plan files: the one way a plan is checked, whether it was read for a build
 * or for a change (so a change is refused by the same rules, and severities, that `validate` applies).
 */
export function analysePlan(
  files: readonly ParsedFile[],
  readDiagnostics: readonly Diagnostic[],
  options: { planDir: string; settings?: PlanSettings | undefined; memo?: RecordMemo | undefined },
): AnalysedPlan {
  const defaultStatus = options.settings?.defaultDecisionStatus;
  const built = buildPlan(files, { planDir: options.planDir, ...(options.memo ? { memo: options.memo } : {}), ...(defaultStatus ? { defaultDecisionStatus: defaultStatus } : {}) });
  const scheduled = computeSchedule(built.plan);
  // The page size of the execution plan goes with the schedule it lays out: a snapshot of both is keyed on the settings.
  const pagesAbove = options.settings?.planPagesAbove;
  if (pagesAbove !== undefined) scheduled.schedule.planPagesAbove = pagesAbove;
  const diagnostics = applySeverity([...readDiagnostics, ...built.diagnostics, ...scheduled.diagnostics], options.settings?.severity);
  return { plan: built.plan, schedule: scheduled.schedule, diagnostics: sortDiagnostics(diagnostics), rules: built.rules };
}
