import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeSchedule } from "../../src/schedule/index.js";
import { at, makePlan, PROJECT_FILE, type PlanSpec } from "./make-plan.js";

/** autoD before TD4 merges in several waves: the 7-day TD4 sits in wave 2, which TD3 and later waves wait for. */
const AUTOD: PlanSpec = {
  workstreams: [
    { id: "TD1", days: 2, deps: ["TD2"], wave: 2 },
    { id: "TD2", days: [1, 2], wave: 1 },
    { id: "TD3", days: 2, deps: ["TD1", "TD2"], wave: 3, start: 4 },
    { id: "TD4", days: 7, wave: 2 },
    { id: "WS1", days: 4, wave: 3 },
    { id: "WS2", days: 4, deps: ["TD2"], wave: 4 },
    { id: "WS3", days: 5, wave: 5 },
  ],
  waves: [
    { number: 1, day: 2, workstreams: ["TD2"] },
    { number: 2, day: 3, workstreams: ["TD1", "TD4"] },
    { number: 3, day: 5, workstreams: ["WS1", "TD3"] },
    { number: 4, day: 6, workstreams: ["WS2"] },
    { number: 5, day: 7, workstreams: ["WS3"] },
  ],
};

const TARGET_AT = at(PROJECT_FILE, 9, 14);

function withTarget(spec: PlanSpec, days: number | undefined) {
  const plan = makePlan(spec);
  if (days !== undefined) {
    plan.project.targetDays = days;
    plan.project.targetDaysAt = TARGET_AT;
  }
  return plan;
}

const brief = (diagnostics: ReturnType<typeof computeSchedule>["diagnostics"]) => diagnostics.filter((d) => d.code === "target-missed");

describe("target_days", () => {
  it("on autoD, finds `move TD4 to wave 5 → 7 days` and warns at the field by how much it is missed", () => {
    const { schedule, diagnostics } = computeSchedule(withTarget(AUTOD, 7));
    expect(schedule.target).toEqual({
      days: 7,
      makespan: 9,
      met: false,
      missedBy: 2,
      suggestions: [
        { change: "move TD4 to wave 5", makespan: 7 },
        { change: "move TD3 to wave 2", makespan: 7 },
        { change: "make TD3's dependency on TD1 soft", makespan: 7 },
      ],
      searchCapped: false,
    });
    expect(brief(diagnostics)).toEqual([
      {
        ...TARGET_AT,
        severity: "warning",
        code: "target-missed",
        message: "the schedule with waves takes 9 days, 2 days more than target_days (7)",
        hint: "Smallest changes that meet it, each checked by rescheduling: move TD4 to wave 5 → 7 days; move TD3 to wave 2 → 7 days; make TD3's dependency on TD1 soft → 7 days. Or raise target_days.",
      },
    ]);
  });

  it("checks the suggestion by scheduling the moved plan: TD4 in wave 5 really takes 7 days", () => {
    const moved: PlanSpec = {
      workstreams: AUTOD.workstreams.map((ws) => (ws.id === "TD4" ? { ...ws, wave: 5 } : ws)),
      waves: AUTOD.waves!.map((w) => ({ ...w, workstreams: w.number === 2 ? ["TD1"] : w.number === 5 ? ["WS3", "TD4"] : (w.workstreams ?? []) })),
    };
    const { schedule, diagnostics } = computeSchedule(withTarget(moved, 7));
    expect(schedule.target).toEqual({ days: 7, makespan: 7, met: true, missedBy: 0, suggestions: [], searchCapped: false });
    expect(brief(diagnostics)).toEqual([]);
  });

  it("is null, with no warning, when the project states no target", () => {
    const { schedule, diagnostics } = computeSchedule(withTarget(AUTOD, undefined));
    expect(schedule.target).toBeNull();
    expect(brief(diagnostics)).toEqual([]);
  });

  it("never changes the plan it is given", () => {
    const plan = withTarget(AUTOD, 7);
    const before = structuredClone(plan);
    computeSchedule(plan);
    expect(plan).toEqual(before);
  });

  it("suggests no change that brings a new error, even one that would meet the target", () => {
    // Moving E into wave 1 makes the schedule 4 days but merges E before D, which it depends on (`wave-order`).
    const spec: PlanSpec = {
      workstreams: [
        { id: "D", days: 2, wave: 2 },
        { id: "E", days: 1, deps: ["D"], wave: 3 },
        { id: "F", days: 4, wave: 1 },
      ],
      waves: [
        { number: 1, workstreams: ["F"] },
        { number: 2, workstreams: ["D"] },
        { number: 3, workstreams: ["E"] },
      ],
    };
    const target = computeSchedule(withTarget(spec, 4)).schedule.target!;
    expect(target.suggestions.map((s) => s.change)).toEqual(["move E to wave 2", "make E's dependency on D soft", "move F to wave 3"]);
  });

  it("tries pairs of changes only when no single change meets the target", () => {
    // Either planned day alone still holds C back; dropping both lets C run on days 2–3.
    const spec: PlanSpec = {
      workstreams: [
        { id: "A", days: 1, wave: 1 },
        { id: "C", days: 2, deps: ["A"], wave: 2 },
      ],
      waves: [
        { number: 1, day: 4, workstreams: ["A"] },
        { number: 2, day: 6, workstreams: ["C"] },
      ],
    };
    const { schedule, diagnostics } = computeSchedule(withTarget(spec, 3));
    expect(schedule.target!.suggestions).toEqual([{ change: "drop wave 1's planned day 4 and drop wave 2's planned day 6", makespan: 3 }]);
    expect(brief(diagnostics).map((d) => d.message)).toEqual(["the schedule with waves takes 6 days, 3 days more than target_days (3)"]);
    // A single change that meets it hides every pair.
    expect(computeSchedule(withTarget(spec, 6)).schedule.target!.met).toBe(true);
    expect(
      computeSchedule(
        withTarget(
          {
            ...spec,
            waves: [
              { number: 1, workstreams: ["A"] },
              { number: 2, day: 6, workstreams: ["C"] },
            ],
          },
          3,
        ),
      ).schedule.target!.suggestions,
    ).toEqual([{ change: "drop wave 2's planned day 6", makespan: 3 }]);
  });

  it("says so when nothing tried meets it, and stops after a bounded number of re-runs on a big plan", () => {
    // A chain of 40 one-day workstreams over 10 waves: no move, softening or dropped day brings it to 2 days.
    const workstreams = Array.from({ length: 40 }, (_, i) => ({ id: `W${i + 1}`, days: 1, deps: i === 0 ? [] : [`W${i}`], wave: Math.floor(i / 4) + 1 }));
    const waves = Array.from({ length: 10 }, (_, k) => ({ number: k + 1, workstreams: workstreams.filter((w) => w.wave === k + 1).map((w) => w.id) }));
    const { schedule, diagnostics } = computeSchedule(withTarget({ workstreams, waves }, 2));
    expect(schedule.target).toMatchObject({ days: 2, makespan: 40, met: false, missedBy: 38, suggestions: [], searchCapped: true });
    expect(brief(diagnostics).map((d) => d.hint)).toEqual([
      "No change tried meets it (moving a critical workstream to another wave, making one of its hard dependencies soft, dropping a critical wave's planned day, or two of these; the search stopped after 300 tries): shorten or split the critical workstreams, or raise target_days.",
    ]);
  });
});

describe("target_days on generated plans", () => {
  const genPlan = fc.record({
    workstreams: fc.array(fc.record({ days: fc.integer({ min: 1, max: 4 }), depMask: fc.nat({ max: 63 }), wave: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 6 }),
    planned: fc.array(fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }), { minLength: 3, maxLength: 3 }),
    target: fc.integer({ min: 1, max: 12 }),
  });

  it("says met exactly when the makespan fits, suggests only changes that fit, at most 3, shortest first, and never changes the plan", () => {
    fc.assert(
      fc.property(genPlan, ({ workstreams, planned, target }) => {
        const ids = workstreams.map((_, i) => `W${i + 1}`);
        // Dependencies only on earlier workstreams in the same or an earlier wave: a plan with no errors of its own.
        const wsSpecs = workstreams.map((w, i) => ({
          id: ids[i]!,
          days: w.days,
          wave: w.wave,
          deps: ids.slice(0, i).filter((_, j) => (w.depMask >> j) & 1 && workstreams[j]!.wave <= w.wave),
        }));
        const waves = [1, 2, 3].map((n) => ({ number: n, ...(planned[n - 1] !== undefined ? { day: planned[n - 1]! } : {}), workstreams: wsSpecs.filter((w) => w.wave === n).map((w) => w.id) }));
        const plan = withTarget({ workstreams: wsSpecs, waves }, target);
        const before = structuredClone(plan);
        const { schedule, diagnostics } = computeSchedule(plan);
        expect(plan).toEqual(before);
        const result = schedule.target!;
        const makespan = schedule.withWaves.high.makespan;
        expect(result.makespan).toBe(makespan);
        expect(result.met).toBe(makespan <= target);
        expect(result.missedBy).toBe(Math.max(0, makespan - target));
        expect(brief(diagnostics)).toHaveLength(result.met ? 0 : 1);
        expect(result.suggestions.length).toBeLessThanOrEqual(3);
        for (const s of result.suggestions) expect(s.makespan).toBeLessThanOrEqual(target);
        const spans = result.suggestions.map((s) => s.makespan);
        expect(spans).toEqual([...spans].sort((a, b) => a - b));
      }),
      { seed: 20251016, numRuns: 80 },
    );
  });
});
