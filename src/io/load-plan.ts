import path from "node:path";
import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { buildPlan, type RecordMemo } from "../model/build-plan.js";
import { applySeverity } from "../model/plan-settings.js";
import type { Plan } from "../model/types.js";
import { computeSchedule } from "../schedule/index.js";
import type { PlanSchedule } from "../schedule/types.js";
import { readPlan, type ReadEnv } from "./read-plan.js";

/** A plan read from disk, validated and scheduled, with every diagnostic of every stage. */
export interface LoadedPlan {
  plan: Plan;
  schedule: PlanSchedule;
  diagnostics: Diagnostic[];
}

/** Reads, parses, validates and schedules the plan folder; `records` keeps built records between loads (`watch`). */
export async function loadPlan(planDir: string, cwd: string, env: ReadEnv = {}, records?: RecordMemo): Promise<LoadedPlan> {
  const read = await readPlan(planDir, cwd, env);
  const shownDir = path.relative(cwd, planDir).split(path.sep).join("/") || ".";
  const defaultStatus = env.settings?.defaultDecisionStatus;
  const built = buildPlan(read.files, { planDir: shownDir, ...(records ? { memo: records } : {}), ...(defaultStatus ? { defaultDecisionStatus: defaultStatus } : {}) });
  const scheduled = computeSchedule(built.plan);
  const diagnostics = applySeverity([...read.diagnostics, ...built.diagnostics, ...scheduled.diagnostics], env.settings?.severity);
  return { plan: built.plan, schedule: scheduled.schedule, diagnostics: sortDiagnostics(diagnostics) };
}
