import { buildOutputs } from "../../src/io/build-outputs.js";
import type { ReadOptions } from "../../src/io/read-plan.js";

/** Renders a plan folder in memory: the files by path, and every diagnostic. */
export async function renderPlan(planDir: string, cwd: string, templatesDir?: string, env?: ReadOptions) {
  const result = await buildOutputs({ planDir, root: cwd, templatesDir, ...(env ? { env } : {}) });
  return { ...result, byPath: Object.fromEntries(result.files.map((f) => [f.path, f.content])) };
}
