import { buildOutputs } from "../../src/io/build-outputs.js";

/** Renders a plan folder in memory: the files by path, and every diagnostic. */
export async function renderPlan(planDir: string, cwd: string, templatesDir?: string) {
  const result = await buildOutputs({ planDir, root: cwd, templatesDir });
  return { ...result, byPath: Object.fromEntries(result.files.map((f) => [f.path, f.content])) };
}
