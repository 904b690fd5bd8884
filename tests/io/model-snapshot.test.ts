/**
 * The model snapshot (`.paraplan-cache/model.bin`): after an edit of local fields only, a build patches the edited
 * files' records into the last build's plan instead of reading, building and scheduling the whole plan. Whatever took
 * that path must be what a full build from scratch gives: `check --no-cache` and `validate --no-cache` are the judges.
 */
import { cp, mkdtemp, readFile, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, loadProject, renderPrompt, type PlanSource } from "../../src/io/build.js";
import { loadPlan } from "../../src/io/load-plan.js";
import { readModelSnapshot, writeModelSnapshot } from "../../src/io/model-snapshot.js";
import { FIXTURE_PLANS } from "../helpers/fixture-plans.js";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

let project: string;
let source: PlanSource;
/** The files edited by the tests so far. */
const edited = new Set<string>();

beforeAll(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), "paraplan-snapshot-"));
  await cp(path.join(REPO, "plan"), path.join(project, "plan"), { recursive: true });
  source = { root: project, planDir: path.join(project, "plan"), outDir: path.join(project, "out"), cache: true };
  const first = await build(source, { mode: "write", force: false });
  expect(first.patched).toBeUndefined();
});

/** Replaces `from` with `to` in a plan file (the edit must apply). */
async function edit(file: string, from: string | RegExp, to: string): Promise<void> {
  const abs = path.join(project, "plan", file);
  const text = await readFile(abs, "utf8");
  const next = text.replace(from, to);
  expect(next, `${file}: ${String(from)}`).not.toBe(text);
  await writeFile(abs, next);
}

/** What a full build from scratch says of out/ and of the plan. */
async function fullBuildAgrees(): Promise<void> {
  const check = await runInProcess(["check", "--no-cache"], project);
  expect(check.stdout + check.stderr).toContain("out/ is up to date");
  expect(check.code).toBe(0);
  const cached = await runInProcess(["validate"], project);
  const full = await runInProcess(["validate", "--no-cache"], project);
  expect(cached.stderr).toBe(full.stderr);
  expect(cached.stdout).toBe(full.stdout);
}

// One local field of each kind of record the autoD plan has.
const LOCAL_EDITS: [string, string | RegExp, string][] = [
  ["workstreams/TD2-config-management.md", /## Goal\n\n/, "## Goal\n\nA sentence added to the goal.\n\n"],
  ["workstreams/WS1-vector-store.md", /## Deliverables\n\n/, "## Deliverables\n\n- One more deliverable.\n"],
  ["decisions/0002-progressive-wave-based-merging.md", /## Rationale\n\n/, "## Rationale\n\nAnother reason, added.\n\n"],
  ["sessions/2025-10-16-parallel-execution-strategy-setup.md", /## Summary\n\n/, "## Summary\n\nAn added line of summary.\n\n"],
  ["project.md", /## Summary\n\n/, "## Summary\n\nAn added sentence about the project.\n\n"],
  ["risks/R1-td2-delays-block-everything.md", /## Mitigation\n\n/, "## Mitigation\n\n- Another mitigation.\n"],
  ["agents/python-pro.md", /## Working Agreements\n\n/, "## Working Agreements\n\n- Another agreement.\n"],
];

describe("the model snapshot", () => {
  it("reads back the plan it stored, ADR sections that repeat their field's text included", async () => {
    for (const root of [REPO, path.join(FIXTURE_PLANS, "adr-formats")]) {
      const analysed = await loadPlan(path.join(root, "plan"), root);
      const cacheDir = await mkdtemp(path.join(os.tmpdir(), "paraplan-model-"));
      await writeModelSnapshot(cacheDir, { settings: "{}", templates: "t", readAt: 0, files: [], analysed });
      const read = readModelSnapshot(cacheDir);
      expect(read?.analysed).toStrictEqual(analysed);
    }
  });

  it.each(LOCAL_EDITS)("patches an edit of local fields in %s, and the result is a full build's", async (file, from, to) => {
    await edit(file, from, to);
    edited.add(`plan/${file}`);
    const outcome = await build(source, { mode: "write", force: false });
    expect(outcome.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // A snapshot a few edits behind is not written anew: the files edited since it was are patched again.
    expect(outcome.patched).toContain(`plan/${file}`);
    expect(outcome.patched?.every((f) => edited.has(f))).toBe(true);
    expect(outcome.report?.written.length).toBeGreaterThan(0);
    await fullBuildAgrees();
  });

  it("builds in full after an edit to a field other documents show, and after a file is added", async () => {
    await edit("workstreams/TD3-api-client-refactor.md", "name: API Client Refactor", "name: API Client Rework");
    const renamed = await build(source, { mode: "write", force: false });
    expect(renamed.patched).toBeUndefined();
    await fullBuildAgrees();
    await writeFile(path.join(project, "plan", "risks", "R9-a-new-risk.md"), "---\nid: R9\nseverity: low\nlikelihood: low\nstatus: open\n---\n\n# R9: A new risk\n");
    const added = await build(source, { mode: "write", force: false });
    expect(added.patched).toBeUndefined();
    await fullBuildAgrees();
  });

  it("builds in full when a local edit brings a problem (building a record, or a rule across records), and reports it where it is", async () => {
    const risk = "risks/R2-merge-conflicts-on-core-files.md";
    const adr = "decisions/0003-config-management-on-the-critical-path.md";
    const adrText = await readFile(path.join(project, "plan", adr), "utf8");
    for (const [file, from, to, code] of [
      [risk, /^severity: \w+$/m, "severity: extreme", "invalid-value"],
      [adr, /## Context\n[\s\S]*?(?=\n## )/, "", "decision-missing-section"],
    ] as const) {
      const text = await readFile(path.join(project, "plan", file), "utf8");
      await edit(file, from, to);
      const outcome = await build(source, { mode: "write", force: false });
      expect(outcome.patched).toBeUndefined();
      const cached = await runInProcess(["validate"], project);
      const full = await runInProcess(["validate", "--no-cache"], project);
      expect(full.stdout).toContain(`plan/${file}:`);
      expect(full.stdout).toContain(code);
      expect(cached.stdout + cached.stderr).toBe(full.stdout + full.stderr);
      await writeFile(path.join(project, "plan", file), text);
    }
    expect(adrText).toContain("## Context");
    await build(source, { mode: "write", force: false });
    await fullBuildAgrees();
  });

  it("renders a prompt and loads the plan from the patched snapshot, as a full load would", async () => {
    await edit("workstreams/TD2-config-management.md", /## Context\n\n/, "## Context\n\nContext added for the prompt.\n\n");
    const prompt = await renderPrompt(source, "TD2");
    expect(prompt.kind).toBe("rendered");
    expect(prompt.kind === "rendered" && prompt.content).toContain("Context added for the prompt.");
    const full = await renderPrompt({ ...source, cache: false }, "TD2");
    expect(prompt.kind === "rendered" && prompt.content).toBe(full.kind === "rendered" && full.content);
    const loaded = await loadProject(source);
    const fresh = await loadProject({ ...source, cache: false });
    expect(loaded.diagnostics).toEqual(fresh.diagnostics);
    expect(JSON.stringify(loaded.schedule)).toBe(JSON.stringify(fresh.schedule));
    expect(JSON.stringify(loaded.plan, (k, v: unknown) => (/^(at|[a-z]\w*At)$/.test(k) ? undefined : v))).toBe(
      JSON.stringify(fresh.plan, (k, v: unknown) => (/^(at|[a-z]\w*At)$/.test(k) ? undefined : v)),
    );
  });

  it("takes a file saved without a change for what it is, and a damaged snapshot for none", async () => {
    await build(source, { mode: "write", force: false });
    const file = path.join(project, "plan", "waves.md");
    await utimes(file, new Date(), new Date(Date.now() + 5_000));
    const touched = await build(source, { mode: "write", force: false });
    expect(touched.patched).toBeDefined();
    expect(touched.patched).not.toContain("plan/waves.md");
    expect(touched.report?.written).toEqual([]);
    const snapshot = path.join(project, ".paraplan-cache", "model.bin");
    const bytes = await readFile(snapshot);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    await writeFile(snapshot, bytes);
    await edit("workstreams/TD4-test-coverage.md", /## Goal\n\n/, "## Goal\n\nOne more goal sentence.\n\n");
    const damaged = await build(source, { mode: "write", force: false });
    expect(damaged.patched).toBeUndefined();
    await fullBuildAgrees();
  });
});
