/** #18.2: the output folder may not be, contain or lie inside the plan or template folder, however it is given. */
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

let root: string;
let planFiles: string[];
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "paraplan-outdir-"));
  await cp(path.join(REPO, "tests", "fixtures", "plans", "tiny", "plan"), path.join(root, "plan"), { recursive: true });
  planFiles = await listed(path.join(root, "plan"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function listed(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).sort();
}

async function expectRefused(args: string[], pattern: RegExp): Promise<void> {
  const result = await runInProcess(args, root);
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toMatch(pattern);
  // Nothing was written among the records.
  expect(await listed(path.join(root, "plan"))).toEqual(planFiles);
}

describe("the output folder", () => {
  it("is refused when it is the plan folder (also with --force)", async () => {
    await expectRefused(["--out", "plan", "generate"], /the output folder plan \(--out\) is the plan folder plan/);
    await expectRefused(["--out", "plan", "generate", "--force"], /is the plan folder/);
  });

  it("is refused when it lies inside the plan folder or contains it", async () => {
    await expectRefused(["--out", "plan/workstreams", "generate"], /lies inside the plan folder/);
    await expectRefused(["--out", ".", "generate", "--force"], /contains the plan folder/);
  });

  it("is refused when a symbolic link leads into the plan folder", async () => {
    await symlink(path.join(root, "plan"), path.join(root, "gen"), "dir");
    await expectRefused(["--out", "gen", "generate"], /the output folder gen \(--out\) is the plan folder/);
    await expectRefused(["--out", "gen/new", "generate"], /lies inside the plan folder/);
  });

  it("is refused when the config file puts it in the plan folder", async () => {
    await writeFile(path.join(root, "paraplan.config.json"), JSON.stringify({ out: "plan/out" }));
    planFiles = await listed(path.join(root, "plan"));
    await expectRefused(["generate"], /paraplan\.config\.json's `out`\) lies inside the plan folder/);
  });

  it("is refused when it is the template folder", async () => {
    await mkdir(path.join(root, "templates"));
    await expectRefused(["--out", "templates", "generate"], /is the template folder templates/);
    expect(await readdir(path.join(root, "templates"))).toEqual([]);
  });

  it("from the config file must stay in the project, unless --out names it", async () => {
    const elsewhere = path.join(root, "..", `${path.basename(root)}-elsewhere`);
    await writeFile(path.join(root, "paraplan.config.json"), JSON.stringify({ out: `../${path.basename(elsewhere)}` }));
    try {
      await expectRefused(["generate"], /paraplan\.config\.json's `out` \(.*-elsewhere\) leaves the project folder/);
      const named = await runInProcess(["--out", elsewhere, "generate", "-q"], root);
      expect(named.code, named.stderr).toBe(0);
      expect(await readdir(elsewhere)).toContain("PARALLEL_EXECUTION_PLAN.md");
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it("beside the plan is fine", async () => {
    const result = await runInProcess(["generate", "-q"], root);
    expect(result.code, result.stderr).toBe(0);
  });
});
