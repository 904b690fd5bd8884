import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "../helpers/list-files.js";
import { brokenLinks } from "../helpers/broken-links.js";
import { lintMarkdown } from "../helpers/lint-markdown.js";
import { renderPlan } from "../helpers/render-plan.js";
import { REPO } from "../helpers/run-cli.js";

// Every test here reads the same in-memory rendering of the embedded plan, which none of them changes: it is made once.
let rendering: ReturnType<typeof renderPlan> | undefined;
const renderAutoD = () => (rendering ??= renderPlan(path.join(REPO, "plan"), REPO));

describe("the embedded autoD plan", () => {
  it("renders exactly the committed out/ (the golden output)", async () => {
    const { byPath, diagnostics } = await renderAutoD();
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const committed = await listFiles(path.join(REPO, "out"));
    expect(Object.keys(byPath).sort()).toEqual(committed);
    for (const file of committed) {
      expect(byPath[file], `out/${file} differs from a fresh render: run \`npm run generate\``).toBe(await readFile(path.join(REPO, "out", file), "utf8"));
    }
  });

  it("generates every document the issue lists, named as the seed names them", async () => {
    const { byPath } = await renderAutoD();
    expect(Object.keys(byPath).sort()).toEqual([
      "PARALLEL_EXECUTION_PLAN.md",
      "adr/0001-git-worktree-parallel-execution.md",
      "adr/0002-progressive-wave-based-merging.md",
      "adr/0003-config-management-on-the-critical-path.md",
      "adr/README.md",
      "prompts/TD1_ERROR_HANDLING.md",
      "prompts/TD2_CONFIG_MANAGEMENT.md",
      "prompts/TD3_API_CLIENT_REFACTOR.md",
      "prompts/TD4_TEST_COVERAGE.md",
      "prompts/WS1_VECTOR_STORE.md",
      "prompts/WS2_BATCH_PROCESSING.md",
      "prompts/WS3_PRODUCTION_HARDENING.md",
      "sessions/2025-10-16-parallel-execution-strategy-setup.md",
    ]);
  });

  it("passes markdownlint's default rules, and every relative link points at a generated file", async () => {
    const { byPath } = await renderAutoD();
    expect(await lintMarkdown(byPath)).toEqual([]);
    expect(brokenLinks(byPath)).toEqual([]);
  });

  it("states the computed figures: with TD4 merged in parts, 7 days at both ends of TD2's range", async () => {
    const { byPath } = await renderAutoD();
    const doc = byPath["PARALLEL_EXECUTION_PLAN.md"]!;
    expect(doc).toMatch(/^\| Makespan with waves +\| 7 days +\|$/m);
    expect(doc).toMatch(/^\| Makespan on dependencies alone +\| 7 days +\|$/m);
    expect(doc).toMatch(/^\| Sequential total \(one agent\) +\| 25–26 days +\|$/m);
    expect(doc).toMatch(/^\| Speed-up with waves +\| 3\.57–3\.71× +\|$/m);
    expect(doc).toContain("Wave cost: the waves add no days.");
    // Waves merge on days 2, 4, 6, 6 and 7.
    expect([...doc.matchAll(/^- Merges: end of day (\d+)/gm)].map((m) => Number(m[1]))).toEqual([2, 4, 6, 6, 7]);
  });
});
