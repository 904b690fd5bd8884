import { NO_CACHE, openDiskCache, type DiskCache } from "../io/disk-cache.js";
import type { BuildMemory, BuildOptions } from "../io/build-outputs.js";
import type { ParseCache, ReadEnv } from "../io/read-plan.js";
import { createWorkerPool, workersAvailable, type WorkerPool } from "../io/worker-pool.js";
import { cacheDirOf } from "./cache-dir.js";
import type { CommandContext } from "./context.js";

/** The caches and worker threads a command may use, and how to release them. */
export function buildEnv(context: CommandContext, memory?: ParseCache): { env: ReadEnv; disk: DiskCache; close: () => Promise<void> } {
  const disk = context.cache ? openDiskCache(cacheDirOf(context)) : NO_CACHE;
  let pool: WorkerPool | undefined;
  // Without a cache nothing is looked up, nor serialised for storing.
  const env: ReadEnv = context.cache ? { disk } : {};
  if (memory) env.memory = memory;
  if (context.settings) env.settings = context.settings;
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
    return await loadPlan(context.planDir, context.root, env);
  } finally {
    await close();
  }
}

/** Runs `build` with the command's caches and workers (and `watch`'s memory), releasing the workers afterwards. */
async function withBuildEnv<T>(
  context: CommandContext,
  memory: BuildMemory | undefined,
  build: (modules: typeof import("../io/build-outputs.js"), buildOptions: BuildOptions, disk: DiskCache) => Promise<T>,
): Promise<T> {
  const { env, disk, close } = buildEnv(context, memory?.parsed);
  try {
    const modules = await import("../io/build-outputs.js");
    const options: BuildOptions = { planDir: context.planDir, templatesDir: context.templatesDir, root: context.root, env, ...(memory ? { memory } : {}) };
    return await build(modules, options, disk);
  } finally {
    await close();
  }
}

/** Renders the plan (or the documents `only` selects) in memory with the command's caches and workers. */
export async function buildWithEnv(context: CommandContext, options: { only?: (path: string) => boolean; aroundErrors?: boolean } = {}) {
  return withBuildEnv(context, undefined, (m, o) => m.buildOutputs({ ...o, ...(options.only ? { only: options.only } : {}), ...(options.aroundErrors ? { aroundErrors: true } : {}) }));
}

/**
 * Loads the plan and compiles the templates with the command's caches and workers, for a build that renders as it
 * writes; `prune` drops the cache entries this load did not use, once it succeeded.
 */
export async function prepareWithEnv(context: CommandContext, options: { memory?: BuildMemory; prune?: boolean } = {}) {
  return withBuildEnv(context, options.memory, async (m, o, disk) => {
    const prepared = await m.prepareBuild(o);
    if (options.prune && prepared.renderer) await disk.prune();
    return prepared;
  });
}
