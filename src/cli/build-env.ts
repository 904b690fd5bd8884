import { readFile } from "node:fs/promises";
import path from "node:path";
import { inputsUnchanged, outputsIntact, readManifest, snapshotInputs } from "../io/build-manifest.js";
import { NO_CACHE, openDiskCache, type DiskCache } from "../io/disk-cache.js";
import type { BuildMemory, BuildOptions } from "../io/build-outputs.js";
import type { ParseCache, ReadEnv } from "../io/read-plan.js";
import { createWorkerPool, workersAvailable, type WorkerPool } from "../io/worker-pool.js";
import type { CommandContext } from "./context.js";

/** The cache folder beside the plan: safe to delete, and to ignore in git. */
export function cacheDirOf(context: Pick<CommandContext, "planDir">): string {
  return path.join(path.dirname(context.planDir), ".paraplan-cache");
}

/** The caches and worker threads a command may use, and how to release them. */
export function buildEnv(context: CommandContext, memory?: ParseCache): { env: ReadEnv; disk: DiskCache; close: () => Promise<void> } {
  const disk = context.cache ? openDiskCache(cacheDirOf(context)) : NO_CACHE;
  let pool: WorkerPool | undefined;
  const env: ReadEnv = { disk };
  if (memory) env.memory = memory;
  if (workersAvailable()) env.pool = () => (pool ??= createWorkerPool());
  return {
    env,
    disk,
    close: async () => {
      await pool?.close();
      pool = undefined;
    },
  };
}

/** Loads the plan with the command's caches and workers, releasing the workers afterwards. */
export async function loadWithEnv(context: CommandContext) {
  const { env, close } = buildEnv(context);
  try {
    // Loaded on demand: a command answered from a fresh out/ never needs the model, schedule or renderer.
    const { loadPlan } = await import("../io/load-plan.js");
    return await loadPlan(context.planDir, context.cwd, env);
  } finally {
    await close();
  }
}

/** Runs `build` with the command's caches and workers, releasing the workers afterwards; `prune` drops cache entries this build did not use. */
async function withBuildEnv<T extends { diagnostics: unknown[] }>(
  context: CommandContext,
  options: { memory?: BuildMemory; prune?: boolean; only?: (path: string) => boolean },
  build: (modules: typeof import("../io/build-outputs.js"), buildOptions: BuildOptions) => Promise<T>,
  succeeded: (result: T) => boolean,
): Promise<T> {
  const { env, disk, close } = buildEnv(context, options.memory?.parsed);
  try {
    const modules = await import("../io/build-outputs.js");
    const result = await build(modules, {
      planDir: context.planDir,
      templatesDir: context.templatesDir,
      cwd: context.cwd,
      env,
      ...(options.only ? { only: options.only } : {}),
      ...(options.memory ? { memory: options.memory } : {}),
    });
    if (options.prune && succeeded(result)) await disk.prune();
    return result;
  } finally {
    await close();
  }
}

/** Renders the plan in memory with the command's caches and workers. */
export async function buildWithEnv(context: CommandContext, options: { memory?: BuildMemory; prune?: boolean; only?: (path: string) => boolean } = {}) {
  return withBuildEnv(context, options, (m, o) => m.buildOutputs(o), (result) => result.files.length > 0);
}

/** Loads the plan and compiles the templates with the command's caches and workers, for a build that renders as it writes. */
export async function prepareWithEnv(context: CommandContext, options: { memory?: BuildMemory; prune?: boolean } = {}) {
  return withBuildEnv(context, options, (m, o) => m.prepareBuild(o), (result) => result.renderer !== undefined);
}

/** The text of a generated file, when the last build's manifest shows nothing changed since; otherwise undefined. */
export async function freshOutput(context: CommandContext, wanted: (path: string) => boolean): Promise<string | undefined> {
  if (!context.cache) return undefined;
  const manifest = await readManifest(cacheDirOf(context));
  const matches = manifest?.outputs.filter((o) => wanted(o.path)) ?? [];
  // Two candidates (ids that are prefixes of each other) need the plan to tell them apart.
  const output = matches.length === 1 ? matches[0] : undefined;
  if (!manifest || !output) return undefined;
  if (!(await inputsUnchanged(await snapshotInputs(context), manifest)) || !outputsIntact(context.outDir, [output])) return undefined;
  return readFile(path.join(context.outDir, output.path), "utf8");
}
