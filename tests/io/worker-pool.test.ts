import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type * as PoolModule from "../../src/io/worker-pool.js";
import { parseRecord } from "../../src/parse/parse-record.js";
import type { ParsedFile } from "../../src/parse/raw-record.js";

const REPO = path.resolve(import.meta.dirname, "../..");
// Workers load compiled JavaScript: the pool is taken from the build (`npm test` builds first).
const { createWorkerPool, workersAvailable, WORKERS_FROM_CORES } = (await import(pathToFileURL(path.join(REPO, "dist/io/worker-pool.js")).href)) as typeof PoolModule;

describe("worker pool", () => {
  it("is used only with cores to spare", () => {
    expect(workersAvailable(WORKERS_FROM_CORES - 1)).toBe(false);
    expect(workersAvailable(WORKERS_FROM_CORES)).toBe(true);
  });

  it("parses on worker threads exactly as in the main thread, results in job order", async () => {
    const files = ["workstreams/TD1-error-handling.md", "decisions/0001-git-worktree-parallel-execution.md", "waves.md", "project.md"];
    const jobs = await Promise.all(files.map(async (relative) => ({ kind: "parse" as const, text: await readFile(path.join(REPO, "plan", relative), "utf8"), file: `plan/${relative}`, relative })));
    const pool = createWorkerPool(2);
    try {
      const results = await Promise.all(jobs.map((job) => pool.run<ParsedFile>(job)));
      expect(results).toEqual(jobs.map((job) => parseRecord(job.text, job.file, job.relative)));
    } finally {
      await pool.close();
    }
  });
});
