import path from "node:path";
import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { buildPlan, type RecordMemo } from "../model/build-plan.js";
import { applySeverity } from "../model/plan-settings.js";
import type { Plan } from "../model/types.js";
import { computeSchedule } from "../schedule/index.js";
import type { PlanSchedule } from "../schedule/types.js";
import { resumePlanChange } from "./plan-change.js";
import { readPlan, type ReadEnv } from "./read-plan.js";
import { toPosix } from "./posix-path.js";

/** A plan read from disk, validated and scheduled, with every diagnostic of every stage. */
export interface LoadedPlan {
  plan: Plan;
  schedule: PlanSchedule;
  diagnostics: Diagnostic[];
}

/** Reads, parses, validates and schedules the plan folder, file paths relative to `root` (the project root); `records` keeps built records between loads (`watch`). */
export async function loadPlan(planDir: string, root: string, env: ReadEnv = {}, records?: RecordMemo): Promise<LoadedPlan> {
  const shownDir = toPosix(path.relative(root, planDir)) || ".";
  // A multi-file change a killed run left half-applied is finished before reading, so no command sees half of it.
  const resumed = await resumePlanChange(planDir, shownDir);
  const read = await readPlan(planDir, root, env);
  const defaultStatus = env.settings?.defaultDecisionStatus;
  const built = buildPlan(read.files, { planDir: shownDir, ...(records ? { memo: records } : {}), ...(defaultStatus ? { defaultDecisionStatus: defaultStatus } : {}) });
  const scheduled = computeSchedule(built.plan);
  const diagnostics = applySeverity([...resumed, ...read.diagnostics, ...built.diagnostics, ...scheduled.diagnostics], env.settings?.severity);
  return { plan: built.plan, schedule: scheduled.schedule, diagnostics: sortDiagnostics(diagnostics) };
}
