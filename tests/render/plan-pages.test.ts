/** A large plan's execution plan is split into pages instead of failing (#22): the pages' text, links, and life in out/. */
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "../helpers/list-files.js";
import { loadPlan } from "../../src/io/load-plan.js";
import { MAX_DOCUMENT_CHARS } from "../../src/render/document-limits.js";
import { documentJobs } from "../../src/render/render-documents.js";
import { brokenLinks } from "../helpers/broken-links.js";
import { FIXTURE_PLANS } from "../helpers/fixture-plans.js";
import { writeLargePlan } from "../helpers/large-plan.js";
import { lintMarkdown } from "../helpers/lint-markdown.js";
import { isSplitDocument, PAGES_ABOVE, renderSplit, SPLIT_FIXTURE, SPLIT_GOLDEN } from "../helpers/plan-pages-golden.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { tempProject } from "../helpers/temp-project.js";

/** The workstream ids in the first column of a page's workstream table (linked to their prompts). */
function tableIds(page: string): string[] {
  return [...page.matchAll(/^\| \[([A-Z]\w*)\]\(\.\.\/prompts\//gm)].map((m) => m[1]!);
}

describe(`the ${SPLIT_FIXTURE} fixture plan split into pages of ${PAGES_ABOVE} workstreams`, () => {
  it("renders exactly its golden execution plan and pages (regenerate with `npm run goldens`); every other document is as unsplit", async () => {
    const { byPath, diagnostics } = await renderSplit();
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const expected = await listFiles(SPLIT_GOLDEN);
    expect(Object.keys(byPath).filter(isSplitDocument).sort()).toEqual(expected);
    for (const file of expected) expect(byPath[file], file).toBe(await readFile(path.join(SPLIT_GOLDEN, file), "utf8"));
    const unsplit = path.join(FIXTURE_PLANS, SPLIT_FIXTURE, "expected");
    for (const file of Object.keys(byPath).filter((f) => !isSplitDocument(f))) expect(byPath[file], file).toBe(await readFile(path.join(unsplit, file), "utf8"));
  });

  it("passes markdownlint, links every page from the plan and back, and puts each workstream on exactly one page", async () => {
    const { byPath, plan } = await renderSplit();
    expect(await lintMarkdown(byPath)).toEqual([]);
    expect(brokenLinks(byPath)).toEqual([]);
    const pages = Object.keys(byPath).filter((f) => f.startsWith("execution-plan/"));
    const main = byPath["PARALLEL_EXECUTION_PLAN.md"]!;
    for (const page of pages) {
      expect(main).toContain(`](${page})`);
      expect(byPath[page]).toContain("](../PARALLEL_EXECUTION_PLAN.md)");
    }
    const onPages = pages.flatMap((page) => tableIds(byPath[page]!));
    for (const page of pages) expect(tableIds(byPath[page]!).length).toBeLessThanOrEqual(PAGES_ABOVE);
    expect(onPages.sort()).toEqual(plan.workstreams.map((w) => w.id).sort());
    // The plan keeps no per-workstream table and links no prompt: its pages do.
    expect(main).not.toContain("| ID | Name | Agent |");
    expect(main).not.toContain("prompts/");
  });
});

describe("a page's sources", () => {
  it("are the records it names (its workstreams, what they depend on or share a file with, the waves), not every file of the plan", async () => {
    const root = path.join(FIXTURE_PLANS, SPLIT_FIXTURE);
    const { plan, schedule } = await loadPlan(path.join(root, "plan"), root, { settings: { planPagesAbove: PAGES_ABOVE } });
    const jobs = documentJobs(plan, schedule);
    const file = (id: string) => plan.workstreams.find((w) => w.id === id)!.source.file;
    const page = jobs.find((j) => j.path === "execution-plan/wave-5.md")!;
    expect(page.sources).toEqual(expect.arrayContaining([file("S19"), file("S20"), plan.project.source.file, ...plan.waves.map((w) => w.source.file)]));
    expect(page.sources).toContain(file("S01")); // S19 shares .github/workflows/ci.yml with it
    expect(page.sources).not.toContain(file("S05"));
    expect(page.sources.some((f) => /\/(decisions|sessions|risks)\//.test(f))).toBe(false);
    // The plan and its timeline show every workstream.
    for (const whole of ["PARALLEL_EXECUTION_PLAN.md", "execution-plan/timeline.md"]) expect(jobs.find((j) => j.path === whole)!.sources).toContain(file("S01"));
  });
});

describe("a split plan in the edit loop", () => {
  it("keeps its pages through a build that patches the last one (an edit of a local field), and after one that changes the schedule", async () => {
    const root = await tempProject(SPLIT_FIXTURE, "paraplan-pages-loop-");
    await writeFile(path.join(root, "paraplan.config.json"), JSON.stringify({ executionPlan: { pagesAbove: PAGES_ABOVE } }));
    expect((await runInProcess(["generate"], root)).code).toBe(0);
    const pages = (await readdir(path.join(root, "out", "execution-plan"))).sort();
    const file = path.join(
      root,
      "plan",
      "workstreams",
      (await readdir(path.join(root, "plan", "workstreams"))).find((f) => f.startsWith("S19"))!,
    );
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("Browser tests for the journeys", "Browser tests, edited, for the journeys"));
    expect((await runInProcess(["generate"], root)).code).toBe(0);
    expect((await readdir(path.join(root, "out", "execution-plan"))).sort()).toEqual(pages);
    expect((await runInProcess(["check", "--no-cache"], root)).code).toBe(0);
    await writeFile(file, text.replace(/^days: .*$/m, "days: 4"));
    expect((await runInProcess(["generate"], root)).code).toBe(0);
    expect((await readdir(path.join(root, "out", "execution-plan"))).sort()).toEqual(pages);
    expect((await runInProcess(["check", "--no-cache"], root)).code).toBe(0);
  }, 60_000);
});

describe("a plan of more workstreams than the default page size", () => {
  it("generates its pages, checks clean, and removes them when a setting makes the plan one document again", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-pages-"));
    await writeLargePlan(root, 260);
    const generate = await runInProcess(["generate"], root);
    expect(generate.stderr).toContain("0 errors, 0 warnings");
    expect(generate.code).toBe(0);
    const pages = (await readdir(path.join(root, "out", "execution-plan"))).sort();
    // 7 waves of 40 workstreams (the last one of 20): a page each, and the timeline's.
    expect(pages).toEqual([...Array.from({ length: 7 }, (_, k) => `wave-${k + 1}.md`), "timeline.md"].sort());
    const main = await readFile(path.join(root, "out", "PARALLEL_EXECUTION_PLAN.md"), "utf8");
    expect(main).toContain("[Wave 7: Wave 7](execution-plan/wave-7.md)");
    expect(main.length).toBeLessThan(20_000);
    expect((await runInProcess(["check"], root)).code).toBe(0);

    await writeFile(path.join(root, "paraplan.config.json"), JSON.stringify({ executionPlan: { pagesAbove: 1000 } }));
    expect((await runInProcess(["generate"], root)).code).toBe(0);
    expect(existsSync(path.join(root, "out", "execution-plan"))).toBe(false);
    const whole = await readFile(path.join(root, "out", "PARALLEL_EXECUTION_PLAN.md"), "utf8");
    expect(whole).toContain("| [W00260](prompts/W00260_WORK_ITEM_260.md) |");
    expect(whole.length).toBeLessThan(MAX_DOCUMENT_CHARS);
    expect((await runInProcess(["check"], root)).code).toBe(0);

    // Smaller pages than waves: a wave takes several, and a stale page left behind is an orphan `check` reports.
    await writeFile(path.join(root, "paraplan.config.json"), JSON.stringify({ executionPlan: { pagesAbove: 25 } }));
    expect((await runInProcess(["generate"], root)).code).toBe(0);
    expect((await readdir(path.join(root, "out", "execution-plan"))).filter((f) => f.startsWith("wave-1.") || f.startsWith("wave-1-"))).toEqual(["wave-1-part-2.md", "wave-1.md"]);
    await writeFile(path.join(root, "paraplan.config.json"), JSON.stringify({ executionPlan: { pagesAbove: 40 } }));
    const check = await runInProcess(["check"], root);
    expect(check.code).toBe(1);
    expect(check.stdout + check.stderr).toContain("execution-plan/wave-1-part-2.md");
    expect((await runInProcess(["generate"], root)).code).toBe(0);
    expect(existsSync(path.join(root, "out", "execution-plan", "wave-1-part-2.md"))).toBe(false);
    expect((await runInProcess(["check"], root)).code).toBe(0);
  }, 120_000);

  it("refuses a page size that is not a whole number of at least 1", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-pages-"));
    await writeLargePlan(root, 3);
    await writeFile(path.join(root, "paraplan.config.json"), JSON.stringify({ executionPlan: { pagesAbove: 0 } }));
    const result = await runInProcess(["validate"], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("paraplan.config.json");
  });
});
