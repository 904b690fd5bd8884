import path from "node:path";
import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { buildPlan } from "../model/build-plan.js";
import type { Plan } from "../model/types.js";
import { readPlan } from "./read-plan.js";

/** A plan read from disk, validated, with every diagnostic. */
export interface LoadedPlan {
  plan: Plan;
  diagnostics: Diagnostic[];
}

/** Reads, parses and validates the plan folder. */
export async function loadPlan(planDir: string, cwd: string): Promise<LoadedPlan> {
  const read = await readPlan(planDir, cwd);
  const shownDir = path.relative(cwd, planDir).split(path.sep).join("/") || ".";
  const built = buildPlan(read.files, { planDir: shownDir });
  return { plan: built.plan, diagnostics: sortDiagnostics([...read.diagnostics, ...built.diagnostics]) };
}
