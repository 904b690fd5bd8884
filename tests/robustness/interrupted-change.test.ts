/** #18.3: a change of several plan files killed between two renames leaves the plan before or after it, never half. */
import { spawn } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLI, REPO } from "../helpers/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

const KILL_HOOK = fileURLToPath(new URL("./kill-after-rename.js", import.meta.url));
const OLD = "plan/decisions/0001-git-worktree-parallel-execution.md";
const NEW = "plan/decisions/0003-config-management-on-the-critical-path.md";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "paraplan-interrupted-"));
  await cp(path.join(REPO, "plan"), path.join(root, "plan"), { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Runs the built CLI with the hook that kills it right after its first rename of a plan file. */
function runKilled(args: string[]): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: root, env: { PATH: process.env.PATH, NODE_OPTIONS: `--import=${KILL_HOOK}` }, stdio: "ignore" });
    child.on("error", reject);
    child.on("close", (_code, signal) => resolve(signal));
  });
}

const read = (rel: string) => readFile(path.join(root, rel), "utf8");

describe("decision supersede killed after its first rename", () => {
  it("is finished by the next run: both ADRs hold the supersession, and nothing is left behind", async () => {
    const before = [await read(OLD), await read(NEW)];
    expect(await runKilled(["decision", "supersede", "1", "--by", "3"])).toBe("SIGKILL");
    // Killed after one rename: exactly one of the two files changed on disk so far.
    const between = [await read(OLD), await read(NEW)];
    expect(between.filter((text, i) => text !== before[i])).toHaveLength(1);

    const validate = await runInProcess(["validate"], root);
    expect(validate.stdout).not.toContain("decision-supersession-one-way");
    expect(validate.stdout).toMatch(
      /plan\/\.paraplan-change\.json:1:1 info change-interrupted an interrupted change was finished: decisions\/0001-git-worktree-parallel-execution\.md, decisions\/0003-config-management-on-the-critical-path\.md now hold it/,
    );
    expect(await read(OLD)).toContain("superseded_by: 3");
    expect(await read(NEW)).toContain("supersedes: [1]");
    const hidden = (await readdir(path.join(root, "plan"), { recursive: true })).filter((f) => path.basename(f).startsWith("."));
    expect(hidden).toEqual([]);
    // Finished once: the next run has nothing to report.
    expect((await runInProcess(["validate"], root)).stdout).not.toContain("change-interrupted");
  });

  it("is rolled back when it was killed before any plan file changed", async () => {
    // A journal in state `staging` of a run that is gone: its temporaries exist, no plan file was renamed.
    const temporary = path.join(root, "plan", "decisions", ".0001.md.1.paraplan-change");
    await writeFile(temporary, "half");
    const journal = {
      pid: 2 ** 22 + 12345,
      startedAt: Date.now(),
      state: "staging",
      files: [{ target: "decisions/0001-git-worktree-parallel-execution.md", temporary: "decisions/.0001.md.1.paraplan-change", before: "x", after: "y" }],
    };
    await writeFile(path.join(root, "plan", ".paraplan-change.json"), JSON.stringify(journal));
    const old = await read(OLD);
    const validate = await runInProcess(["validate"], root);
    expect(validate.stdout).toContain("info change-interrupted an interrupted change was rolled back");
    expect(await read(OLD)).toBe(old);
    expect((await readdir(path.join(root, "plan"), { recursive: true })).filter((f) => path.basename(f).startsWith("."))).toEqual([]);
  });

  it("refuses a second change while another run's change is in progress", async () => {
    await writeFile(path.join(root, "plan", ".paraplan-change.json"), JSON.stringify({ pid: process.pid, startedAt: Date.now(), state: "committing", files: [] }));
    const result = await runInProcess(["decision", "supersede", "1", "--by", "3"], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("another paraplan run is changing the plan");
    expect(await read(OLD)).not.toContain("superseded_by");
  });
});
