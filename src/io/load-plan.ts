import path from "node:path";
import type { RecordMemo } from "../model/build-plan.js";
import { analysePlan, type AnalysedPlan } from "../schedule/analyse-plan.js";
import { resumePlanChange } from "./plan-change.js";
import { readPlan, type ReadOptions } from "./read-plan.js";
import { toPosix } from "./posix-path.js";

/** A plan read from disk, validated and scheduled, with every diagnostic of every stage. */
export type LoadedPlan = AnalysedPlan;

/** Reads, parses, validates and schedules the plan folder, file paths relative to `root` (the project root); `records` keeps built records between loads (`watch`). */
export async function loadPlan(planDir: string, root: string, env: ReadOptions = {}, records?: RecordMemo): Promise<LoadedPlan> {
  const shownDir = toPosix(path.relative(root, planDir)) || ".";
  // A multi-file change a killed run left half-applied is finished before reading, so no command sees half of it.
  const resumed = await resumePlanChange(planDir, shownDir);
  const read = await readPlan(planDir, root, env);
  return analysePlan(read.files, [...resumed, ...read.diagnostics], { planDir: shownDir, settings: env.settings, memo: records });
}
