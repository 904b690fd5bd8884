import { describe, expect, it } from "vitest";
import { countStatusEntries } from "../../src/git/branch-status.js";
import { checkSchedule } from "../../src/git/on-schedule.js";
import { parseProgress } from "../../src/git/progress-file.js";
import { decideRemoval } from "../../src/git/remove-worktrees.js";
import { locateWorktree, patternFolder, planWorktrees, type WorktreeFacts } from "../../src/git/worktree-plan.js";
import type { BranchSource, WorkstreamExecution } from "../../src/schedule/types.js";

const where = { mainTop: "/r/repo", commonDir: "/r/repo/.git", pattern: "../wt/{slug}" };
const main: BranchSource = { ref: "main", kind: "base", wave: null, workstream: null, readyAfter: { low: 0, high: 0 } };

/** A workstream's execution with the defaults of a planned one that branches from main. */
function ws(id: string, over: Partial<WorkstreamExecution> = {}): WorkstreamExecution {
  return {
    id,
    status: "planned",
    branch: `workstream/${id}`,
    worktree: `../wt/${id}`,
    base: main,
    mergeIn: [],
    start: { low: 1, high: 1 },
    finish: { low: 2, high: 2 },
    wave: 1,
    partWaves: [],
    into: "integration/wave1",
    waitsFor: [],
    canStartNow: true,
    ...over,
  };
}

const none: WorktreeFacts = { worktrees: [], branches: new Set(), refs: new Set(["main"]), badBranches: new Set(), occupied: new Set() };

describe("where a worktree may go", () => {
  it("the pattern's folder is its part before the first placeholder", () => {
    expect(patternFolder("../{project}-{slug}")).toBe("..");
    expect(patternFolder(".worktrees/{slug}")).toBe(".worktrees");
    expect(patternFolder("../wt/{project}/{slug}")).toBe("../wt");
    expect(patternFolder("{slug}")).toBe(".");
  });

  it("inside the folder it is resolved; outside, the main checkout, its parents or the git folder are refused", () => {
    expect(locateWorktree(where, "../wt/a")).toEqual({ path: "/r/wt/a" });
    expect(locateWorktree(where, "/r/wt/b")).toEqual({ path: "/r/wt/b" });
    for (const bad of ["../wt", "../wt/../x", "../../etc", "/etc/x", "", "../wt/a\nb"]) expect(locateWorktree(where, bad)).toHaveProperty("refused");
    const inside = { ...where, pattern: "{slug}" };
    expect(locateWorktree(inside, "a")).toEqual({ path: "/r/repo/a" });
    expect(locateWorktree(inside, ".git/x")).toHaveProperty("refused");
    expect(locateWorktree({ ...where, pattern: "../{slug}" }, "..")).toHaveProperty("refused");
  });
});

describe("planWorktrees", () => {
  const target = (e: WorkstreamExecution) => ({ execution: e, location: locateWorktree(where, e.worktree) });

  it("creates what can start, waits for a missing base or an unready dependency, skips merged work", () => {
    const wave: BranchSource = { ref: "integration/wave1", kind: "wave", wave: 1, workstream: null, readyAfter: { low: 2, high: 2 } };
    const steps = planWorktrees([target(ws("a")), target(ws("d", { base: wave })), target(ws("c", { waitsFor: ["a"] })), target(ws("m", { status: "merged" }))], none);
    expect(steps.map((s) => s.kind)).toEqual(["create", "waiting", "waiting", "merged"]);
    expect(steps[0]).toEqual({ kind: "create", id: "a", branch: "workstream/a", path: "/r/wt/a", base: "main", mergeIn: [] });
    expect(steps[1]).toMatchObject({ missing: ["integration/wave1"], waitsFor: [] });
    expect(steps[2]).toMatchObject({ missing: [], waitsFor: ["a"] });
  });

  it("leaves a worktree on its branch alone and reports one on another branch, a branch without one, or a taken path", () => {
    const tree = (p: string, branch: string) => ({ path: p, branch, bare: false, detached: false, locked: false, prunable: false });
    const facts: WorktreeFacts = {
      ...none,
      worktrees: [tree("/r/wt/a", "workstream/a"), tree("/r/wt/b", "other"), tree("/r/elsewhere", "workstream/e")],
      branches: new Set(["workstream/c", "workstream/e"]),
      occupied: new Set(["/r/wt/f"]),
    };
    const steps = planWorktrees(
      ["a", "b", "c", "e", "f"].map((id) => target(ws(id))),
      facts,
    );
    expect(steps.map((s) => s.kind)).toEqual(["present", "conflict", "conflict", "conflict", "conflict"]);
    expect(steps[1]).toMatchObject({ reason: "a worktree at /r/wt/b is on branch other, not workstream/b" });
    expect(steps[2]).toMatchObject({ reason: "its branch workstream/c exists without a worktree" });
    expect(steps[3]).toMatchObject({ reason: "its branch workstream/e is checked out in another worktree, /r/elsewhere" });
  });

  it("refuses a bad branch name, and a path or branch two workstreams share", () => {
    const steps = planWorktrees([target(ws("a")), target(ws("b", { worktree: "../wt/a" })), target(ws("c", { branch: "workstream/a", worktree: "../wt/c" })), target(ws("d", { branch: "-d" }))], {
      ...none,
      badBranches: new Set(["-d"]),
    });
    expect(steps.map((s) => s.kind)).toEqual(["create", "refused", "refused", "refused"]);
  });
});

describe("the pieces of status and remove", () => {
  it("progress.md: Status and Blockers in every key-value form, or a section's first line; not inside code", () => {
    expect(parseProgress("# P\n\n**Status:** half done\n- Blockers: none\n")).toEqual({ status: "half done", blockers: "none" });
    expect(parseProgress("Status: x\n")).toEqual({ status: "x", blockers: null });
    expect(parseProgress("**Status**: y\n## Blockers\n\n- the API key\n")).toEqual({ status: "y", blockers: "the API key" });
    expect(parseProgress("```\nStatus: fake\n```\n")).toEqual({ status: null, blockers: null });
  });

  it("git status -z entries: a rename counts once", () => {
    expect(countStatusEntries("")).toBe(0);
    expect(countStatusEntries(" M a.ts\0?? b.ts\0")).toBe(2);
    expect(countStatusEntries("R  new.ts\0old.ts\0 M c.ts\0")).toBe(2);
  });

  it("planned against actual", () => {
    const days = { start: { low: 2, high: 3 }, finish: { low: 3, high: 4 } };
    const on = (today: string, started: boolean, finished = false) => checkSchedule({ startDate: "2026-11-30", today }, { ...days, started, finished }).state;
    expect(on("2026-11-30", false)).toBe("not due");
    expect(on("2026-12-01", false)).toBe("due");
    expect(on("2026-12-03", false)).toBe("late start");
    expect(on("2026-12-03", true)).toBe("on track");
    expect(on("2026-12-04", true)).toBe("late finish");
    expect(on("2026-12-04", true, true)).toBe("done");
    expect(checkSchedule({ startDate: undefined, today: "2026-12-04" }, { ...days, started: true, finished: false })).toMatchObject({ today: null, state: "unknown" });
  });

  it("remove refuses uncommitted files, unmerged commits, a lock or another branch's worktree, unless forced where that is safe", () => {
    const tree = { path: "/r/wt/a", branch: "workstream/a", bare: false, detached: false, locked: false, prunable: false };
    const loc = { path: "/r/wt/a" };
    const a = ws("a");
    const clean = { worktree: tree, uncommitted: 0, mergedInto: "integration/wave1", targets: ["integration/wave1"] };
    expect(decideRemoval("/r/repo", a, loc, clean, false)).toMatchObject({ kind: "remove", commands: ["git -C /r/repo worktree remove -- /r/wt/a"] });
    expect(decideRemoval("/r/repo", a, loc, { ...clean, uncommitted: 2 }, false)).toMatchObject({ kind: "refused", reason: "it has 2 uncommitted files (/r/wt/a)" });
    expect(decideRemoval("/r/repo", a, loc, { ...clean, uncommitted: 2 }, true)).toMatchObject({ kind: "remove", commands: ["git -C /r/repo worktree remove --force -- /r/wt/a"] });
    expect(decideRemoval("/r/repo", a, loc, { ...clean, mergedInto: null }, false)).toMatchObject({ kind: "refused", reason: "workstream/a has commits not merged into integration/wave1" });
    expect(decideRemoval("/r/repo", a, loc, { ...clean, worktree: { ...tree, locked: true } }, true)).toMatchObject({ kind: "refused" });
    expect(decideRemoval("/r/repo", a, loc, { ...clean, worktree: { ...tree, branch: "other" } }, true)).toMatchObject({ kind: "refused" });
    expect(decideRemoval("/r/repo", a, loc, { ...clean, worktree: undefined }, false)).toEqual({ kind: "absent", id: "a" });
  });
});
