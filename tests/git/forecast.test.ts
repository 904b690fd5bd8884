import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditReport } from "../../src/git/audit.js";
import type { WaveForecast } from "../../src/git/forecast.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { checkoutNew, commitFiles, gitIn, removeDir, repositoryState, tempRepo, writePlan } from "./audit-fixture.js";

// Wave 1: P1 and P2 change the same line of config.txt; P3 (which depends on both) branched from P1 and merged P2,
// resolving it; R merges in parts (waves 1 and 2). Wave 2: Q1 and R merge cleanly; Q2 has no branch yet.
// A branch name git accepts that a shell would run: it must stay data all the way.
const HOSTILE_BRANCH = "-q1'\"$(id)";
let root: string;

beforeAll(async () => {
  root = await tempRepo("paraplan-forecast-");
  await writePlan(
    root,
    [
      { id: "P1", branch: "ws/p1", owns: ["config.txt"] },
      { id: "P2", branch: "ws/p2", owns: ["p2.txt"], touches: ["config.txt"] },
      { id: "P3", branch: "ws/p3", owns: ["p3.txt"], touches: ["config.txt"], dependsOn: ["P1", "P2"] },
      { id: "Q1", branch: HOSTILE_BRANCH, owns: ["q.txt"] },
      { id: "Q2", branch: "ws/q2", owns: ["q2.txt"] },
      { id: "R", branch: "ws/r", owns: ["r.txt"], waves: [1, 2] },
    ],
    [
      { number: 1, members: ["P1", "P2", "P3", "R"] },
      { number: 2, members: ["Q1", "Q2", "R"] },
    ],
    [
      "# Quality Gates",
      "",
      "| Id | Name | Command | Threshold | Applies To |",
      "| --- | --- | --- | --- | --- |",
      "| has-p3 | P3 is merged | `test -f p3.txt && grep -q one config.txt` | passes | 1 |",
      "| boom | Always fails | `echo boom; exit 3` | passes | 1 |",
      "| q | Q1 is merged | `grep -q q1 q.txt` | passes | 2 |",
      "",
    ].join("\n"),
  );
  await commitFiles(root, { "config.txt": "1\n2\n3\n4\n5\n6\n7\n", "q.txt": "q\n", "r.txt": "r\n", ".gitignore": ".paraplan-cache/\n" }, "base");
  gitIn(root, "add", "plan");
  gitIn(root, "commit", "-q", "-m", "plan");
  checkoutNew(root, "ws/p1", "main");
  await commitFiles(root, { "config.txt": "1\none\n3\n4\n5\n6\n7\n" }, "P1");
  checkoutNew(root, "ws/p2", "main");
  await commitFiles(root, { "config.txt": "1\ntwo\n3\n4\n5\n6\n7\n", "p2.txt": "p2\n" }, "P2");
  checkoutNew(root, "ws/p3", "ws/p1");
  // Merged with the ours strategy, then resolved by hand in the commit: P3 carries both sides.
  gitIn(root, "merge", "-q", "--no-ff", "--no-commit", "-s", "ours", "ws/p2");
  await commitFiles(root, { "config.txt": "1\none and two\n3\n4\n5\n6\n7\n", "p2.txt": "p2\n", "p3.txt": "p3\n" }, "P3 merges P2 and resolves");
  checkoutNew(root, "ws/r", "main");
  await commitFiles(root, { "r.txt": "r1\n" }, "R, part 1");
  checkoutNew(root, HOSTILE_BRANCH, "main");
  await commitFiles(root, { "q.txt": "q1\n" }, "Q1");
  gitIn(root, "checkout", "-q", "main");
}, 30_000);

afterAll(() => removeDir(root));

const waves = (stdout: string) => (JSON.parse(stdout) as { waves: WaveForecast[] }).waves;

describe("paraplan forecast", () => {
  it("names the conflicting file, the pair and the hunks' lines, suggests an order that avoids it, and changes nothing", async () => {
    const before = repositoryState(root);
    const r = await runInProcess(["forecast", "1", "--json"], root);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const [w1] = waves(r.stdout);
    expect(w1!.from).toBe("main");
    expect(w1!.merges.map((m) => `${m.id}:${m.clean ? "clean" : m.conflicts.map((c) => c.path).join(",")}`)).toEqual(["P1:clean", "P2:config.txt", expect.stringMatching(/^P3:/), "R:clean"]);
    const p2 = w1!.merges[1]!.conflicts[0]!;
    expect(p2).toMatchObject({ path: "config.txt", kinds: ["contents"], collidesWith: ["P1"] });
    expect(p2.hunks).toEqual([{ merged: { start: 2, end: 6 }, ours: { start: 2, end: 2 }, theirs: { start: 2, end: 2 } }]);
    expect(w1!.merges[3]).toMatchObject({ id: "R", part: true });
    expect(w1!.suggestion).toEqual({ order: ["P1", "P3", "P2", "R"], conflicts: 0 });
    expect(repositoryState(root)).toBe(before);
  });

  it("prints the forecast for a person", async () => {
    const r = await runInProcess(["forecast", "1"], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Wave 1 → integration/wave1, from main");
    expect(r.stdout).toContain("P2 ws/p2: conflicts in 1 file");
    expect(r.stdout).toContain("config.txt (contents): collides with P1");
    expect(r.stdout).toContain("hunk: line 2 of the integration tree against line 2 of ws/p2");
    expect(r.stdout).toContain("R (part) ws/r: clean");
    expect(r.stdout).toMatch(/in the planned order; merge in this order instead: P1, P3, P2, R \(no conflict\)/);
  });

  it("forecasts every wave in turn, each on top of the last: a clean wave, and a branch not created yet", async () => {
    const before = repositoryState(root);
    const r = await runInProcess(["forecast", "--json"], root);
    expect(r.code).toBe(0);
    const [w1, w2] = waves(r.stdout);
    expect(w2!.from).toBe("wave 1 (simulated)");
    expect(w2!.merges.map((m) => `${m.id}:${m.clean}`)).toEqual(["Q1:true", "R:true"]);
    expect(w2!.merges.find((m) => m.id === "R")!.part).toBe(false);
    expect(w2!.missing).toEqual([{ id: "Q2", branch: "ws/q2" }]);
    expect(w2!.conflicts).toBe(0);
    expect(w2!.suggestion).toBeNull();
    // The second wave's simulated result has the first wave's merges as ancestors.
    expect(gitIn(root, "merge-base", "--is-ancestor", w1!.result, w2!.result)).toBe("");
    expect(repositoryState(root)).toBe(before);
    const text = await runInProcess(["forecast"], root);
    expect(text.stdout).toContain("Q2 ws/q2: branch does not exist yet (left out)");
    expect(text.stdout).toContain(
      `Wave 2 → integration/wave2, from wave 1 (simulated)\n  Q1 ${HOSTILE_BRANCH}: clean\n  R ws/r: clean\n  Q2 ws/q2: branch does not exist yet (left out)\n  merges cleanly`,
    );
  });

  it("starts a single wave from the base when the previous wave's integration branch does not exist", async () => {
    const r = await runInProcess(["forecast", "2", "--json"], root);
    expect(waves(r.stdout)[0]!.from).toBe("main");
  });

  it("runs each wave's gates on its simulated result in a temporary worktree, removed afterwards; exit 1 when one fails", async () => {
    const before = repositoryState(root);
    const r = await runInProcess(["forecast", "1", "--gates"], root);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("gate has-p3 (test -f p3.txt && grep -q one config.txt): passed");
    expect(r.stdout).toContain("gate boom (echo boom; exit 3): failed (exit 3)\n    boom");
    expect(repositoryState(root)).toBe(before);
    const passing = await runInProcess(["forecast", "2", "--gates", "--json"], root);
    expect(passing.code).toBe(0);
    const gates = (JSON.parse(passing.stdout) as { waves: { gates: { id: string; passed: boolean }[] }[] }).waves[0]!.gates;
    expect(gates.map((g) => `${g.id}:${g.passed}`)).toEqual(["q:true"]);
    expect(repositoryState(root)).toBe(before);
  });

  it("audits a branch that merged in a same-wave dependency for its own changes only", async () => {
    // P3 branched from P1 and merged P2: P2's file came with the merge and is P2's work, not a trespass of P3's.
    const r = await runInProcess(["audit", "P3", "--format", "json"], root);
    expect(r.code).toBe(0);
    const p3 = (JSON.parse(r.stdout) as AuditReport).workstreams[0]!;
    expect(p3.base).toBe("ws/p1");
    expect(p3.files).toEqual(["config.txt", "p3.txt"]);
    expect(p3.findings).toEqual([]);
  });

  it("exits 2 on an unknown wave", async () => {
    const r = await runInProcess(["forecast", "9"], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown wave 9, expected one of: 1, 2");
  });
});

describe("paraplan forecast and audit outside a usable repository", () => {
  it("exit 2 when the plan is in no git repository, or the base does not exist", async () => {
    const plain = await mkdtemp(path.join(os.tmpdir(), "paraplan-nogit-"));
    try {
      await writePlan(plain, [{ id: "A", branch: "ws/a", owns: ["a.txt"] }], [{ number: 1, members: ["A"] }]);
      for (const command of ["audit", "forecast"]) {
        const r = await runInProcess([command, "--no-cache"], plain);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain("is in no git repository");
      }
      gitIn(plain, "init", "-q", "-b", "main");
      const empty = await runInProcess(["forecast", "--no-cache"], plain);
      expect(empty.code).toBe(2);
      expect(empty.stderr).toContain("none of main exists in the repository");
      const audit = await runInProcess(["audit", "--no-cache"], plain);
      expect(audit.code).toBe(0);
      expect(audit.stdout).toContain("A ws/a: branch does not exist yet");
    } finally {
      await removeDir(plain);
    }
  });
});
