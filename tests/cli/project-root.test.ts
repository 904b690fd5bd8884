import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { run } from "../../src/cli/program.js";
import { REPO } from "../helpers/run-cli.js";

let project: string;

/** Runs the CLI in-process from `cwd`, collecting its output. */
async function runIn(cwd: string, argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { cwd, env: {}, isTTY: false, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), waitForStop: () => Promise.resolve() });
  return { code, stdout, stderr };
}

/** The sources the build manifest records for the execution plan (the documents name none: their header is two lines). */
async function manifestSources(root: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(path.join(root, ".paraplan-cache", "build.json"), "utf8")) as { outputs: { path: string; sources?: string[] }[] };
  return manifest.outputs.find((o) => o.path === "PARALLEL_EXECUTION_PLAN.md")?.sources ?? [];
}

beforeEach(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), "paraplan-root-"));
  await cp(path.join(REPO, "plan"), path.join(project, "plan"), { recursive: true });
  await mkdir(path.join(project, "docs", "deep"), { recursive: true });
});
afterEach(async () => rm(project, { recursive: true, force: true }));

describe("paths are relative to the project root, not to the working folder", () => {
  it("generate from the root, then check from a subfolder and from outside the project: up to date", async () => {
    await writeFile(path.join(project, "paraplan.config.json"), JSON.stringify({ decisions: { defaultStatus: "proposed" } }));
    expect((await runIn(project, ["generate"])).code).toBe(0);
    expect(await manifestSources(project)).toContain("plan/project.md");
    // Every input the manifest names is named from the project root, the config file too.
    const manifest = JSON.parse(await readFile(path.join(project, ".paraplan-cache", "build.json"), "utf8")) as { inputs: { name: string }[] };
    expect(manifest.inputs.map((i) => i.name)).toContain("paraplan.config.json");
    expect(manifest.inputs.filter((i) => path.isAbsolute(i.name))).toEqual([]);

    for (const cacheState of ["--cache", "--no-cache"]) {
      const args = cacheState === "--cache" ? ["check"] : ["check", "--no-cache"];
      const fromSub = await runIn(path.join(project, "docs", "deep"), args);
      expect(fromSub.stdout + fromSub.stderr).toContain("is up to date");
      expect(fromSub.code).toBe(0);
      const outside = await mkdtemp(path.join(os.tmpdir(), "paraplan-elsewhere-"));
      const fromOutside = await runIn(outside, [...args, "--plan", path.join(project, "plan")]);
      await rm(outside, { recursive: true, force: true });
      expect(fromOutside.stdout + fromOutside.stderr).toContain("is up to date");
      expect(fromOutside.code).toBe(0);
    }
  });

  it("generate from a subfolder writes the same files, and a warm run from the root after it does nothing", async () => {
    expect((await runIn(path.join(project, "docs"), ["generate"])).code).toBe(0);
    expect(await manifestSources(project)).toContain("plan/project.md");
    const again = await runIn(project, ["generate"]);
    expect(again.stdout).toMatch(/0 written, 0 removed, 13 unchanged/);
  });

  it("diagnostics print relative to the working folder in text, relative to the project root in JSON", async () => {
    const ws = path.join(project, "plan", "workstreams", "TD2-config-management.md");
    await writeFile(ws, (await readFile(ws, "utf8")).replace(/^days: .*$/m, "days: lots"));
    const sub = path.join(project, "plan");
    const text = await runIn(sub, ["validate"]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^workstreams\/TD2-config-management\.md:\d+:\d+ error/m);
    const json = await runIn(sub, ["validate", "--format", "json"]);
    expect((JSON.parse(json.stdout) as { diagnostics: { file: string }[] }).diagnostics.map((d) => d.file)).toContain("plan/workstreams/TD2-config-management.md");
  });
});
