/**
 * Size: a 10 MB record, a table of 100,000 rows, lists nested 10,000 deep, a 50,000-node dependency chain.
 * Each gives a result or a diagnostic, in bounded time, with the built binary held to a small heap
 * (a run that needed more would crash, not pass) and the default stack.
 */
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadPlan } from "../../src/io/load-plan.js";
import { MAX_DOCUMENT_CHARS } from "../../src/render/document-limits.js";
import { renderDocuments } from "../../src/render/render-documents.js";
import { runCli } from "../helpers/run-cli.js";
import { LONG } from "./helpers/fuzz.js";
import { writeSizePlan, type SizeCase } from "./helpers/size-plans.js";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "paraplan-size-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Runs `generate` on a size case with a capped heap; returns the exit code, the diagnostics' codes and the time. */
async function generate(kind: SizeCase, n: number, heapMb = 256) {
  await writeSizePlan(root, kind, n);
  const started = performance.now();
  const run = await runCli(["generate", "--format", "json"], root, { NODE_OPTIONS: `--max-old-space-size=${heapMb}` });
  const ms = performance.now() - started;
  expect(run.stderr).not.toMatch(/internal error|heap out of memory|Maximum call stack/);
  const codes = [...run.stderr.matchAll(/"code":\s*"([a-z-]+)"/g)].map((m) => m[1]);
  return { code: run.code, codes, ms, run };
}

describe("plans of hostile size", () => {
  it.each<[string, SizeCase, number, string]>([
    ["a 10 MB record", "large-record", 10_000_000, "too-large"],
    ["a 10 MB line", "long-line", 10_000_000, "too-large"],
    ["a table of 100,000 rows", "table-rows", 100_000, "too-large"],
    ["a list nested 10,000 deep", "deep-list", 10_000, "too-deep"],
    ["block quotes nested 10,000 deep", "deep-quote", 10_000, "too-deep"],
    ["front matter nested 10,000 deep", "deep-front-matter", 10_000, "too-deep"],
    ["a 50,000-workstream dependency chain in one table", "dependency-chain", 50_000, "too-large"],
  ])("%s: a diagnostic, quickly, in a 256 MB heap", async (_name, kind, n, expected) => {
    const { code, codes, ms } = await generate(kind, n);
    expect(code).toBe(1);
    expect(codes).toContain(expected);
    expect(ms).toBeLessThan(10_000);
    expect(await readdir(root)).not.toContain("out");
  });

  it("a record just under the size limit generates, its 500 KB of context formatted into the prompt, in a 512 MB heap", async () => {
    const { code, ms, run } = await generate("large-record", 500_000, 512);
    expect(run.stderr).not.toMatch(/"severity": "error"/);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(30_000);
    const prompts = await readdir(path.join(root, "out", "prompts"));
    expect((await stat(path.join(root, "out", "prompts", prompts[0]!))).size).toBeGreaterThan(500_000);
  });

  it("a table of 2,000 rows generates, in a 512 MB heap", async () => {
    const { code, ms } = await generate("table-rows", 2_000, 512);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(60_000);
  });

  it("a generated document too large is a diagnostic, and nothing else is rendered", async () => {
    await writeSizePlan(root, "table-rows", 10);
    const loaded = await loadPlan(path.join(root, "plan"), root);
    let renders = 0;
    const huge = { render: () => (renders++, "x".repeat(MAX_DOCUMENT_CHARS + 1)) };
    const result = renderDocuments(loaded.plan, loaded.schedule, huge);
    expect(result.files).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([["document-too-large", "plan/project.md"]]);
    expect(renders).toBe(1);
  });

  // Before the document limit: 13 minutes, 5.5 GB, then a worker out of memory (exit 4). Now: ~2 minutes, ~1.1 GB.
  it.runIf(LONG)("a 50,000-workstream dependency chain, one file each: a diagnostic, in bounded time and memory", { timeout: 900_000 }, async () => {
    // The execution plan kept in one document, as before a large plan's was split into pages: the limit still stops it.
    await writeFile(path.join(root, "paraplan.config.json"), JSON.stringify({ executionPlan: { pagesAbove: 1_000_000 } }));
    const { code, codes, ms } = await generate("many-files", 50_000, 2048);
    expect(code).toBe(1);
    expect(codes).toContain("document-too-large");
    expect(ms).toBeLessThan(600_000);
  });
});
