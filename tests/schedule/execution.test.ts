/**
 * The execution model and the two facts it adds to the schedule: workstreams that merge in
 * several waves, and progress (status and actual days) that fixes work where it is.
 */
import { describe, expect, it } from "vitest";
import { computeSchedule } from "../../src/schedule/index.js";
import { makePlan, type PlanSpec } from "./make-plan.js";

function run(spec: PlanSpec) {
  const { schedule, diagnostics } = computeSchedule(makePlan(spec));
  const exec = (id: string) => schedule.execution.workstreams.find((w) => w.id === id)!;
  return { schedule, diagnostics, exec };
}

describe("a workstream merged in parts", () => {
  // T runs days 1–7; waves 1 and 2 take parts of it without waiting; wave 3 merges the rest on day 7.
  // B needs A (wave 1, day 2) and merges in wave 2 on day 4: neither waits for T.
  const { schedule, diagnostics, exec } = run({
    workstreams: [
      { id: "A", days: 2, wave: 1 },
      { id: "B", days: 2, deps: ["A"], wave: 2 },
      { id: "T", days: 7, waves: [1, 2, 3] },
    ],
    waves: [
      { number: 1, workstreams: ["A", "T"] },
      { number: 2, workstreams: ["B", "T"] },
      { number: 3, workstreams: ["T"] },
    ],
  });

  it("lets each earlier wave merge without waiting for it", () => {
    expect(diagnostics).toEqual([]);
    expect(schedule.withWaves.high.waves.map((w) => [w.number, w.mergeDay, w.workstreams, w.parts])).toEqual([
      [1, 2, ["A"], ["T"]],
      [2, 4, ["B"], ["T"]],
      [3, 7, ["T"], []],
    ]);
    expect(schedule.withWaves.high.makespan).toBe(7);
  });

  it("says which waves take its parts and which merges the rest", () => {
    expect(exec("T")).toMatchObject({ wave: 3, partWaves: [1, 2], into: "integration/wave3" });
  });

  it("makes its dependants wait for the last wave", () => {
    const late = run({
      workstreams: [
        { id: "T", days: 3, waves: [1, 2] },
        { id: "U", days: 1, deps: ["T"], wave: 3 },
      ],
      waves: [
        { number: 1, workstreams: ["T"] },
        { number: 2, workstreams: ["T"] },
        { number: 3, workstreams: ["U"] },
      ],
    });
    expect(late.exec("U")).toMatchObject({ base: { ref: "integration/wave2", kind: "wave", wave: 2, readyAfter: { low: 3, high: 3 } }, start: { low: 4, high: 4 } });
  });

  it("reports a wave list that its `waves` does not name", () => {
    const wrong = run({
      workstreams: [{ id: "T", days: 3, waves: [1, 2] }],
      waves: [
        { number: 1, workstreams: ["T"] },
        { number: 3, workstreams: ["T"] },
      ],
    });
    expect(wrong.diagnostics.map((d) => [d.code, d.message])).toEqual([["wave-mismatch", "wave 3 lists T, but T says `waves: [1, 2]`"]]);
  });
});

describe("where each worktree branches from", () => {
  // A (wave 1) → B (wave 2, through wave 1's branch); C and D in wave 2 need B: they branch from B's
  // branch; E needs C and D and A: it branches from the one that finishes last and merges the rest in.
  const { schedule, exec } = run({
    workstreams: [
      { id: "A", days: 1, wave: 1 },
      { id: "B", days: 1, deps: ["A"], wave: 2 },
      { id: "C", days: 1, deps: ["B"], wave: 2 },
      { id: "D", days: 2, deps: ["B"], wave: 2 },
      { id: "E", days: 1, deps: ["A", "C", "D"], wave: 2 },
      { id: "F", days: 1 },
    ],
    waves: [
      { number: 1, branch: "integration/one", workstreams: ["A"] },
      { number: 2, branch: "main", workstreams: ["B", "C", "D", "E"] },
    ],
  });

  it("starts work with no dependency from the base", () => {
    expect(exec("A").base).toEqual({ ref: "main", kind: "base", wave: null, workstream: null, readyAfter: { low: 0, high: 0 } });
    expect(exec("F").base.kind).toBe("base");
  });

  it("starts work needing an earlier wave from that wave's integration branch, after it merges", () => {
    expect(exec("B")).toMatchObject({ base: { ref: "integration/one", kind: "wave", wave: 1, readyAfter: { high: 1 } }, mergeIn: [], start: { high: 2 } });
  });

  it("starts work needing a same-wave dependency from that branch, once it is finished", () => {
    expect(exec("C")).toMatchObject({ base: { ref: "workstream/b", kind: "workstream", workstream: "B", readyAfter: { high: 2 } }, start: { high: 3 } });
  });

  it("branches from the dependency that finishes last and merges in the others and the earlier wave", () => {
    expect(exec("E").base.ref).toBe("workstream/d");
    expect(exec("E").mergeIn.map((s) => s.ref)).toEqual(["workstream/c", "integration/one"]);
    expect(exec("E").start.high).toBe(Math.max(...exec("E").mergeIn.map((s) => s.readyAfter.high), exec("E").base.readyAfter.high) + 1);
  });

  it("never merges a wave into the base branch before its gates: the last wave gets its own integration branch", () => {
    expect(schedule.execution.waves.map((w) => [w.number, w.branch, w.from, w.into])).toEqual([
      [1, "integration/one", "main", null],
      [2, "integration/wave2", "integration/one", "main"],
    ]);
  });

  it("lists what can start now", () => {
    expect(schedule.execution.canStartNow).toEqual(["A", "F"]);
    expect(exec("B").waitsFor).toEqual(["A"]);
  });
});

describe("progress that counts", () => {
  const spec = (a: Partial<PlanSpec["workstreams"][number]>, b: Partial<PlanSpec["workstreams"][number]> = {}): PlanSpec => ({
    workstreams: [
      { id: "A", days: 3, wave: 1, ...a },
      { id: "B", days: 2, deps: ["A"], wave: 2, ...b },
    ],
    waves: [
      { number: 1, workstreams: ["A"] },
      { number: 2, workstreams: ["B"] },
    ],
  });

  it("fixes finished work at its actual days and reschedules the rest from there", () => {
    const planned = run(spec({}));
    expect(planned.exec("B").start.high).toBe(4);
    const early = run(spec({ status: "merged", started: 1, finished: 2 }));
    expect(early.exec("A")).toMatchObject({ start: { low: 1, high: 1 }, finish: { low: 2, high: 2 }, status: "merged" });
    expect(early.exec("B")).toMatchObject({ start: { high: 3 }, waitsFor: [], canStartNow: true });
    const late = run(spec({ status: "done", finished: 5 }));
    expect(late.exec("B").start.high).toBe(6);
    expect(late.schedule.withWaves.high.makespan).toBe(7);
  });

  it("fixes started work at its start, whatever its dependencies say", () => {
    const { exec } = run(spec({}, { status: "in progress", started: 2 }));
    expect(exec("B")).toMatchObject({ start: { high: 2 }, finish: { high: 3 } });
  });

  it("warns about blocked work, naming what waits for it", () => {
    const { diagnostics } = run(spec({ status: "blocked" }));
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([["workstream-blocked", "A is blocked: the schedule assumes it still takes its planned days; B waits for it"]]);
  });

  it("reports days that contradict each other", () => {
    const { diagnostics } = run(spec({ status: "done", started: 3, finished: 2 }));
    expect(diagnostics.map((d) => d.code)).toContain("progress-days");
  });
});
