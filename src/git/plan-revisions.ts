/**
 * Two states of the plan side by side, for `diff`, `amend` and `handoff`: a git revision (read from the object store)
 * or the working tree (read as every command reads it), each analysed and with its prompts rendered in memory.
 */
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { loadProject, renderPrompts, type PlanSource } from "../io/build.js";
import type { AnalysedPlan } from "../schedule/analyse-plan.js";
import { diffPlans, type PlanDiff } from "../schedule/plan-diff.js";
import { locatePlan, planIsDirty, readPlanAt, type PlanInRepository } from "./plan-at-revision.js";

/** One state of the plan: analysed, with its prompts (workstream id → text without header). */
export interface PlanSide extends AnalysedPlan {
  /** How it is named in messages: the revision as written, or `working tree`. */
  label: string;
  /** The commit it was read from; undefined for the working tree. */
  commit?: string;
  prompts: Map<string, string>;
  /** Template errors met while rendering its prompts. */
  promptDiagnostics: Diagnostic[];
}

/** Reads one state of the plan: `revision`, or the working tree when undefined. */
export async function readPlanSide(source: PlanSource, where: PlanInRepository, revision: string | undefined): Promise<PlanSide> {
  const analysed = revision === undefined ? await loadProject(source) : await readPlanAt(where, revision, source.settings);
  const rendered = await renderPrompts(source, analysed);
  return {
    plan: analysed.plan,
    schedule: analysed.schedule,
    diagnostics: analysed.diagnostics,
    label: revision ?? "working tree",
    ...("commit" in analysed && typeof analysed.commit === "string" ? { commit: analysed.commit } : {}),
    prompts: rendered.prompts,
    promptDiagnostics: rendered.diagnostics,
  };
}

/** The plan at `from` against `to` (the working tree when undefined), and what changed between them. */
export async function comparePlanRevisions(
  source: PlanSource,
  from: string,
  to: string | undefined,
): Promise<{ before: PlanSide; after: PlanSide; diff: PlanDiff; where: PlanInRepository; dirty: boolean }> {
  const where = await locatePlan(source.planDir, source.root);
  const [before, after] = [await readPlanSide(source, where, from), await readPlanSide(source, where, to)];
  const diff = diffPlans(before, after, { before: before.prompts, after: after.prompts });
  return { before, after, diff, where, dirty: to === undefined ? await planIsDirty(where) : false };
}

/** Whether a side has errors (its diff compares what could be read). */
export function sideHasErrors(side: PlanSide): boolean {
  return hasErrors(side.diagnostics);
}
