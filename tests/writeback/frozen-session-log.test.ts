import { cp, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/program.js";
import { REPO } from "../helpers/run-cli.js";

/** Runs the CLI in-process in `cwd`; the exit code and what it printed. */
async function cli(cwd: string, ...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { cwd, env: {}, isTTY: false, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), waitForStop: () => Promise.resolve() });
  return { code, stdout, stderr };
}

/** A temporary project with a copy of the embedded plan. */
async function project(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-frozen-"));
  await cp(path.join(REPO, "plan"), path.join(root, "plan"), { recursive: true });
  return root;
}

/** The generated session logs, by file name. */
async function sessionLogs(root: string): Promise<Map<string, string>> {
  const dir = path.join(root, "out", "sessions");
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (n): Promise<[string, string]> => [n, await readFile(path.join(dir, n), "utf8")])));
}

const ok = async (root: string, ...argv: string[]) => {
  const result = await cli(root, ...argv);
  expect(result.code, `${argv.join(" ")}: ${result.stderr}`).toBe(0);
  return result;
};

describe("frozen session logs", () => {
  it("leaves every earlier session log byte-identical when the plan changes afterwards", async () => {
    const root = await project();
    await ok(root, "session", "freeze", "2025-10-16");
    await ok(root, "session", "new", "Kick-off", "--date", "2025-10-17");
    await ok(root, "add", "2025-10-17", "decisions", "1");
    await ok(root, "generate");
    const before = await sessionLogs(root);
    const planBefore = await readFile(path.join(root, "out", "PARALLEL_EXECUTION_PLAN.md"), "utf8");
    expect([...before.keys()]).toEqual(["2025-10-16-parallel-execution-strategy-setup.md", "2025-10-17-kick-off.md"]);
    expect(before.get("2025-10-17-kick-off.md")).toContain("#### ADR-0001: Git Worktree Parallel Execution\n\nStatus: accepted.");

    // A week later: a workstream added, a duration changed, ADR-0001 superseded.
    await ok(root, "new", "workstream", "Search Index", "--days", "3", "--agent", "python-pro", "--depends-on", "TD2", "--wave=3");
    await ok(root, "set", "TD4", "days", "9");
    await ok(root, "new", "decision", "Containers Instead of Worktrees");
    await ok(root, "decision", "supersede", "1", "--by", "4");
    await ok(root, "generate");
    await ok(root, "check");

    // The plan follows the change (so the change is real)...
    const planAfter = await readFile(path.join(root, "out", "PARALLEL_EXECUTION_PLAN.md"), "utf8");
    expect(planAfter).not.toBe(planBefore);
    expect(planAfter).toContain("TD5: Search Index");
    // ...the logs do not.
    const after = await sessionLogs(root);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, text] of before) expect(after.get(name), name).toBe(text);
  });

  it("changes a log when its own record changes, and a log without a snapshot follows the plan", async () => {
    const root = await project();
    await ok(root, "session", "new", "Kick-off", "--date", "2025-10-17");
    await ok(root, "generate");
    const log = path.join(root, "out", "sessions", "2025-10-17-kick-off.md");
    const before = await readFile(log, "utf8");
    expect(before).toContain("| TD4 | Test Coverage | test-automator | 7 | high |");

    // A person corrects the snapshot: TD4 was estimated at 6 days that day.
    const record = path.join(root, "plan", "sessions", "2025-10-17-kick-off.md");
    const text = await readFile(record, "utf8");
    expect(text).toContain("## Workstreams\n\n| ID | Name | Agent | Days | Priority | Status | Starts | Worktree | Branch |\n");
    await writeFile(record, text.replace("| TD4 | Test Coverage | test-automator | 7 |", "| TD4 | Test Coverage | test-automator | 6 |"));
    await ok(root, "generate");
    const corrected = await readFile(log, "utf8");
    expect(corrected).not.toBe(before);
    expect(corrected).toContain("| TD4 | Test Coverage | test-automator | 6 | high |");

    // The embedded 2025-10-16 log, stripped of its snapshot, is a log written before snapshots: it shows the plan as it stands.
    const old = path.join(root, "plan", "sessions", "2025-10-16-parallel-execution-strategy-setup.md");
    const oldText = await readFile(old, "utf8");
    await writeFile(old, oldText.slice(0, oldText.indexOf("\n## Figures\n") === -1 ? undefined : oldText.indexOf("\n## Figures\n") + 1));
    await ok(root, "generate");
    const legacy = path.join(root, "out", "sessions", "2025-10-16-parallel-execution-strategy-setup.md");
    expect(await readFile(legacy, "utf8")).toContain("| TD4 | Test Coverage | test-automator | 7 | high |");
    await ok(root, "set", "TD4", "days", "8");
    await ok(root, "generate");
    expect(await readFile(legacy, "utf8")).toContain("| TD4 | Test Coverage | test-automator | 8 | high |");
    // ...until it is frozen: then it keeps the plan of the day it was frozen.
    await ok(root, "session", "freeze", "2025-10-16");
    await ok(root, "set", "TD4", "days", "9");
    await ok(root, "generate");
    expect(await readFile(legacy, "utf8")).toContain("| TD4 | Test Coverage | test-automator | 8 | high |");
  });

  it("reports a snapshot row without its first column, with its position", async () => {
    const root = await project();
    await ok(root, "session", "new", "Kick-off", "--date", "2025-10-17");
    const record = path.join(root, "plan", "sessions", "2025-10-17-kick-off.md");
    const text = await readFile(record, "utf8");
    await writeFile(record, text.replace("| 0002 | Progressive Wave-Based Merging |", "|  | Progressive Wave-Based Merging |"));
    const result = await cli(root, "validate");
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toMatch(/plan\/sessions\/2025-10-17-kick-off\.md:\d+:\d+ error invalid-value a row of the session's ADR Statuses table has no `ADR`/);
  });
});
