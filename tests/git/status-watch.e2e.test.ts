import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/program.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { until } from "../helpers/until.js";
import { gitIn, planRepository } from "./git-fixture.js";

let tmp: string;
let repo: string;

beforeAll(async () => {
  const waves = ["| Wave | Workstreams |", "| --- | --- |", "| 1 | A, B |", ""].join("\n");
  ({ tmp, repo } = await planRepository(
    "paraplan-status-watch-",
    [
      { id: "A", name: "Auth API", wave: 1 },
      { id: "B", name: "Catalog API", wave: 1 },
    ],
    waves,
  ));
  expect((await runInProcess(["worktrees"], repo)).code).toBe(0);
});
afterAll(async () => rm(tmp, { recursive: true, force: true }));

describe("paraplan status --watch", () => {
  it("prints the table again when a worktree changes, and stops when asked (exit 0)", async () => {
    let stdout = "";
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = run(["status", "--watch", "--today", "2026-12-01"], { cwd: repo, env: {}, isTTY: false, stdout: (s) => (stdout += s), stderr: () => {}, waitForStop: () => stopped });
    const first = await until(() => stdout, /^A +planned +yes +workstream\/auth-api +\+0 -0 +0 /m, 0);
    await writeFile(path.join(tmp, "wt", "auth-api", "new.ts"), "export {};\n");
    // Printed again with the uncommitted file; nothing is printed while nothing changes.
    await until(() => stdout, /^A +planned +yes +workstream\/auth-api +\+0 -0 +1 /m, first);
    const printed = stdout.length;
    gitIn(path.join(tmp, "wt", "auth-api"), ["add", "new.ts"]);
    gitIn(path.join(tmp, "wt", "auth-api"), ["commit", "-q", "-m", "new"]);
    await until(() => stdout, /^A +planned +yes +workstream\/auth-api +\+1 -0 +0 /m, printed);
    stop();
    expect(await running).toBe(0);
    expect(stdout.match(/^ID +Plan/gm)).toHaveLength(3);
  }, 30_000);
});
