import path from "node:path";
import { buildOutputs } from "../io/build-outputs.js";
import { loadPlan } from "../io/load-plan.js";
import { NO_CACHE, openDiskCache, type DiskCache } from "../io/disk-cache.js";
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
    return await loadPlan(context.planDir, context.cwd, env);
  } finally {
    await close();
  }
}

/** Renders the plan in memory with the command's caches and workers; `prune` drops cache entries this build did not use. */
export async function buildWithEnv(context: CommandContext, options: { memory?: ParseCache; prune?: boolean } = {}) {
  const { env, disk, close } = buildEnv(context, options.memory);
  try {
    const result = await buildOutputs({ planDir: context.planDir, templatesDir: context.templatesDir, cwd: context.cwd, env });
    if (options.prune && result.files.length > 0) await disk.prune();
    return result;
  } finally {
    await close();
  }
}
