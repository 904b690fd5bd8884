/**
 * Worked examples: small plans whose every figure is derived by hand in the comments.
 * Notation: "A 1–2" = A works days 1 to 2 (starts day 1, finishes at the end of day 2);
 * "M1 = 5" = wave 1 merges at the end of day 5.
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { computeSchedule } from "../../src/schedule/index.js";
import type { ScheduleVariant, WorkstreamTiming } from "../../src/schedule/types.js";
import { at, makePlan, PROJECT_FILE, WAVES_FILE, wsFile, type PlanSpec } from "./make-plan.js";

function run(spec: PlanSpec) {
  return computeSchedule(makePlan(spec));
}

/** "id start–finish slack" per workstream, compact enough to assert a whole schedule on one line. */
function timings(variant: ScheduleVariant): string[] {
  return variant.workstreams.map((w: WorkstreamTiming) => `${w.id} ${w.start}-${w.finish} slack ${w.slack}${w.critical ? " critical" : ""}`);
}

function active(variant: ScheduleVariant): string[] {
  return variant.days.map((d) => `${d.day}: ${d.active.join(" ")}`);
}

function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.file}:${d.start.line}:${d.start.column}`);
}

/** The diagnostics other than the `no-wave` warnings of plans written without waves. */
function withoutNoWave(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.code !== "no-wave");
}

describe("a tiny chain", () => {
  // A (2d) ← B (3d) ← C (1d): A 1–2, B 3–5, C 6–6; makespan 6; all critical, slack 0.
  // No waves: each unwaved workstream branches from its dependencies, so the schedule with
  // waves is the same, and the waves add no days. Sequential total 6, speed-up 6/6 = 1.
  const { schedule, diagnostics } = run({
    workstreams: [
      { id: "A", days: 2 },
      { id: "B", days: 3, deps: ["A"] },
      { id: "C", days: 1, deps: ["B"] },
    ],
  });

  it("schedules both ends and both schedules alike", () => {
    const expected = ["A 1-2 slack 0 critical", "B 3-5 slack 0 critical", "C 6-6 slack 0 critical"];
    for (const v of [schedule.dependenciesOnly.high, schedule.dependenciesOnly.low, schedule.withWaves.high, schedule.withWaves.low]) {
      expect(timings(v)).toEqual(expected);
      expect(v.makespan).toBe(6);
      expect(v.criticalPaths).toEqual([["A", "B", "C"]]);
      expect(v.peak).toEqual({ count: 1, days: [1, 2, 3, 4, 5, 6] });
    }
    expect(active(schedule.dependenciesOnly.high)).toEqual(["1: A", "2: A", "3: B", "4: B", "5: B", "6: C"]);
    expect(schedule.dependenciesOnly.high.days[2]).toEqual({ day: 3, active: ["B"], starting: ["B"], finishing: [], merging: [] });
    expect(schedule.dependenciesOnly.high.days[4]).toEqual({ day: 5, active: ["B"], starting: [], finishing: ["B"], merging: [] });
  });

  it("computes the plan figures", () => {
    expect(schedule.sequentialTotal).toEqual({ low: 6, high: 6 });
    expect(schedule.speedUp).toEqual({ withWaves: { low: 1, high: 1 }, dependenciesOnly: { low: 1, high: 1 } });
    expect(schedule.waveCost).toEqual({ days: { low: 0, high: 0 }, summary: "the waves add no days" });
    expect(schedule.order).toEqual(["A", "B", "C"]);
    expect(schedule.edges).toEqual([
      { workstream: "B", dependsOn: "A" },
      { workstream: "C", dependsOn: "B" },
    ]);
    expect(schedule.withWaves.high.waves).toEqual([]);
  });

  it("warns that no wave merges anything", () => {
    expect(codes(diagnostics)).toEqual(["no-wave plan/workstreams/A.md:1:1", "no-wave plan/workstreams/B.md:1:1", "no-wave plan/workstreams/C.md:1:1"]);
    expect(diagnostics[0]).toMatchObject({ severity: "warning", message: "no wave merges A", hint: "add `wave: N` to A, or list A in a wave's workstreams" });
  });
});

describe("a diamond", () => {
  // A (1d); B (2d) and C (3d) depend on A; D (1d) depends on B and C.
  // A 1–1; B 2–3; C 2–4; D starts after both, day 5: 5–5. Makespan 5.
  // Backward: D latest finish 5 → latest start 5 → B and C latest finish 4:
  // B slack 4−3 = 1, C slack 0; A latest finish = min(B latest start 3, C latest start 2) − 1 = 1: slack 0.
  // Critical path A → C → D. Sequential 1+2+3+1 = 7, speed-up 7/5 = 1.4.
  it("finds the longer branch", () => {
    const { schedule } = run({ workstreams: [{ id: "A" }, { id: "B", days: 2, deps: ["A"] }, { id: "C", days: 3, deps: ["A"] }, { id: "D", deps: ["B", "C"] }] });
    const v = schedule.dependenciesOnly.high;
    expect(timings(v)).toEqual(["A 1-1 slack 0 critical", "B 2-3 slack 1", "C 2-4 slack 0 critical", "D 5-5 slack 0 critical"]);
    expect(v.makespan).toBe(5);
    expect(v.criticalPaths).toEqual([["A", "C", "D"]]);
    expect(v.peak).toEqual({ count: 2, days: [2, 3] });
    expect(schedule.speedUp.dependenciesOnly).toEqual({ low: 1.4, high: 1.4 });
  });

  // With B at 3 days too, both branches tie: two critical paths, listed in id order.
  it("lists every critical path when branches tie", () => {
    const { schedule } = run({ workstreams: [{ id: "A" }, { id: "B", days: 3, deps: ["A"] }, { id: "C", days: 3, deps: ["A"] }, { id: "D", deps: ["B", "C"] }] });
    expect(schedule.dependenciesOnly.high.criticalPaths).toEqual([
      ["A", "B", "D"],
      ["A", "C", "D"],
    ]);
    expect(schedule.dependenciesOnly.high.workstreams.every((w) => w.critical)).toBe(true);
  });
});

describe("a range duration", () => {
  // A takes 1–3 days, B (2d) depends on A.
  // High: A 1–3, B 4–5, makespan 5. Low: A 1–1, B 2–3, makespan 3.
  // Sequential total: low 1+2 = 3, high 3+2 = 5; speed-up 1 at both ends.
  it("computes every figure at both ends", () => {
    const { schedule } = run({
      workstreams: [
        { id: "A", days: "1-3" },
        { id: "B", days: 2, deps: ["A"] },
      ],
    });
    expect(timings(schedule.dependenciesOnly.high)).toEqual(["A 1-3 slack 0 critical", "B 4-5 slack 0 critical"]);
    expect(timings(schedule.dependenciesOnly.low)).toEqual(["A 1-1 slack 0 critical", "B 2-3 slack 0 critical"]);
    expect([schedule.dependenciesOnly.high.makespan, schedule.dependenciesOnly.low.makespan]).toEqual([5, 3]);
    expect(schedule.sequentialTotal).toEqual({ low: 3, high: 5 });
    expect(schedule.speedUp.dependenciesOnly).toEqual({ low: 1, high: 1 });
  });

  // Fractions: A 1.5 days from the start of day 1 (time 0) finishes at time 1.5, in day 2.
  // B (0.5d) starts the day after, day 3, and finishes at time 2.5, in day 3. Makespan 3.
  // The sequential total keeps the fractions: 2; speed-up 2/3 = 0.67.
  it("rounds a fraction of a day up to the day it falls in", () => {
    const { schedule } = run({
      workstreams: [
        { id: "A", days: 1.5 },
        { id: "B", days: 0.5, deps: ["A"] },
      ],
    });
    expect(timings(schedule.dependenciesOnly.high)).toEqual(["A 1-2 slack 0 critical", "B 3-3 slack 0 critical"]);
    expect(schedule.sequentialTotal).toEqual({ low: 2, high: 2 });
    expect(schedule.speedUp.dependenciesOnly.high).toBe(0.67);
  });
});

describe("a start constraint", () => {
  // A (2d) may not start before day 4: A 4–5; B (1d) depends on A: 6–6; C (2d) free: 1–2.
  // Makespan 6; A and B critical (A starts on its own start day), C slack 6−2 = 4.
  // Days 3 is idle: nothing active.
  it("delays the start and the dependents", () => {
    const { schedule } = run({
      workstreams: [
        { id: "A", days: 2, start: 4 },
        { id: "B", deps: ["A"] },
        { id: "C", days: 2 },
      ],
    });
    const v = schedule.dependenciesOnly.high;
    expect(timings(v)).toEqual(["A 4-5 slack 0 critical", "B 6-6 slack 0 critical", "C 1-2 slack 4"]);
    expect(v.criticalPaths).toEqual([["A", "B"]]);
    expect(active(v)).toEqual(["1: C", "2: C", "3: ", "4: A", "5: A", "6: B"]);
  });
});

describe("waves that add days", () => {
  // Wave 1 merges A (2d), C (5d) and D (1d, depends on A); wave 2 merges B (1d, depends on A).
  // No planned days.
  // Dependencies only: A 1–2, C 1–5, D 3–3, B 3–3; makespan 5; critical path C alone.
  //   Slack: A: latest finish min(B, D latest start 5) − 1 = 4 → 2; B 2; D 2; C 0.
  // With waves: A 1–2, C 1–5; D is in A's wave so branches from A: 3–3;
  //   M1 = max(2, 5, 3) = 5 (waits for C); B needs A from an earlier wave: starts the day
  //   after M1, 6–6; M2 = 6. Makespan 6: the waves add 1 day, because wave 1 waits for C.
  //   Backward: M2 latest 6; B latest 6, slack 0; M1 latest = B latest start − 1 = 5, slack 0;
  //   C slack 0; D latest 5 → slack 2; A latest = min(M1 latest 5, D latest start 5 − 1 = 4)
  //   → slack 2.
  //   Critical path C → (M1) → B.
  const { schedule, diagnostics } = run({
    workstreams: [
      { id: "A", days: 2, wave: 1 },
      { id: "B", deps: ["A"], wave: 2 },
      { id: "C", days: 5, wave: 1 },
      { id: "D", deps: ["A"], wave: 1 },
    ],
    waves: [{ number: 1 }, { number: 2 }],
  });

  it("computes the schedule on dependencies alone", () => {
    const v = schedule.dependenciesOnly.high;
    expect(timings(v)).toEqual(["A 1-2 slack 2", "B 3-3 slack 2", "C 1-5 slack 0 critical", "D 3-3 slack 2"]);
    expect(v.makespan).toBe(5);
    expect(v.criticalPaths).toEqual([["C"]]);
  });

  it("computes the schedule with waves", () => {
    const v = schedule.withWaves.high;
    expect(timings(v)).toEqual(["A 1-2 slack 2", "B 6-6 slack 0 critical", "C 1-5 slack 0 critical", "D 3-3 slack 2"]);
    expect(v.makespan).toBe(6);
    expect(v.criticalPaths).toEqual([["C", "B"]]);
    expect(v.waves).toEqual([
      { number: 1, plannedDay: null, mergeDay: 5, lateBy: 0, lateWorkstreams: [], waitsForWave: null, workstreams: ["A", "C", "D"], parts: [], slack: 0, critical: true },
      { number: 2, plannedDay: null, mergeDay: 6, lateBy: 0, lateWorkstreams: [], waitsForWave: null, workstreams: ["B"], parts: [], slack: 0, critical: true },
    ]);
    expect(v.days.map((d) => d.merging)).toEqual([[], [], [], [], [1], [2]]);
  });

  it("explains the cost", () => {
    expect(schedule.waveCost).toEqual({ days: { low: 1, high: 1 }, summary: "the waves add 1 day; wave 1 waits for C" });
    // Sequential 2+1+5+1 = 9: speed-up 9/6 = 1.5 with waves, 9/5 = 1.8 without.
    expect(schedule.speedUp).toEqual({ withWaves: { low: 1.5, high: 1.5 }, dependenciesOnly: { low: 1.8, high: 1.8 } });
    expect(diagnostics).toEqual([]);
  });
});

describe("waves merge in order", () => {
  // Wave 1: A (5d). Wave 2: B (1d). Wave 3: C (1d) depends on B.
  // Dependencies only: A 1–5, B 1–1, C 2–2: makespan 5, critical path [A].
  // With waves: M1 = 5 (A); B 1–1 but M2 = max(B 1, M1 5) = 5; C needs B from wave 2: 6–6;
  // M3 = 6. Makespan 6: 1 day more, because wave 2 cannot merge before wave 1.
  // Critical: A → M1 → M2 → C → M3: the path [A, C]; B slack 4 (M2 waits for wave 1 anyway).
  it("carries a late merge into the next wave", () => {
    const { schedule } = run({
      workstreams: [
        { id: "A", days: 5, wave: 1 },
        { id: "B", wave: 2 },
        { id: "C", deps: ["B"], wave: 3 },
      ],
    });
    const v = schedule.withWaves.high;
    expect(timings(v)).toEqual(["A 1-5 slack 0 critical", "B 1-1 slack 4", "C 6-6 slack 0 critical"]);
    expect(v.criticalPaths).toEqual([["A", "C"]]);
    expect(v.waves.map((w) => [w.number, w.mergeDay, w.critical])).toEqual([
      [1, 5, true],
      [2, 5, true],
      [3, 6, true],
    ]);
    expect(schedule.dependenciesOnly.high.criticalPaths).toEqual([["A"]]);
    expect(schedule.waveCost.summary).toBe("the waves add 1 day; wave 2 waits for wave 1, which waits for A");
  });
});

describe("a late wave", () => {
  // Wave 1 (planned day 2) lists A (1–3 days); wave 2 (planned day 2) lists B (1d).
  // High: A 1–3, M1 = max(2, 3) = 3: 1 day late because of A. B 1–1, M2 = max(2, 1, M1 3) = 3:
  //   1 day late, waiting for wave 1 (waves merge in order).
  // Low: A 1–1, M1 = 2, M2 = 2: both on time.
  const { schedule, diagnostics } = run({
    workstreams: [
      { id: "A", days: "1-3" },
      { id: "B", days: 1 },
    ],
    waves: [
      { number: 1, day: 2, workstreams: ["A"] },
      { number: 2, day: 2, workstreams: ["B"] },
    ],
  });

  it("measures lateness at both ends", () => {
    expect(schedule.withWaves.high.waves.map((w) => [w.number, w.mergeDay, w.lateBy, w.lateWorkstreams, w.waitsForWave])).toEqual([
      [1, 3, 1, ["A"], null],
      [2, 3, 1, [], 1],
    ]);
    expect(schedule.withWaves.low.waves.map((w) => [w.number, w.mergeDay, w.lateBy])).toEqual([
      [1, 2, 0],
      [2, 2, 0],
    ]);
  });

  it("warns at each wave, naming what makes it late", () => {
    expect(diagnostics).toEqual([
      {
        code: "wave-late",
        severity: "warning",
        file: WAVES_FILE,
        start: { line: 3, column: 1 },
        end: { line: 3, column: 80 },
        message: "wave 1 is planned for day 2 but merges on day 3, 1 day late: A finishes after it; at the lower end of durations it is on time",
        hint: "plan wave 1 for day 3 or later, or move A to a later wave",
        related: [{ ...at(WAVES_FILE, 3, 1), message: "A finishes on day 3" }],
      },
      {
        code: "wave-late",
        severity: "warning",
        file: WAVES_FILE,
        start: { line: 4, column: 1 },
        end: { line: 4, column: 80 },
        message: "wave 2 is planned for day 2 but merges on day 3, 1 day late: it waits for wave 1, which merges on day 3; at the lower end of durations it is on time",
        hint: "plan wave 2 for day 3 or later, or make wave 1 merge earlier",
      },
    ]);
  });

  // High: the makespan is 3 with waves (M2) and 3 on dependencies alone (A 1–3): no cost.
  // Low: 2 with waves (both waves planned for day 2) against 1 (A and B 1–1): 1 day.
  it("costs nothing at the high end, where the work sets the end anyway", () => {
    expect(schedule.waveCost).toEqual({ days: { low: 1, high: 0 }, summary: "the waves add no days (1 day at the lower end of durations)" });
  });
});

describe("a planned day that sets the end", () => {
  // A (1d) in wave 1 planned for day 4: M1 = 4; makespan 4 against 1 on dependencies alone.
  // No workstream is critical (A slack 3), so there is no critical path, but wave 1 is critical.
  it("explains the cost by the planned day", () => {
    const { schedule } = run({ workstreams: [{ id: "A", wave: 1 }], waves: [{ number: 1, day: 4 }] });
    expect(schedule.withWaves.high.makespan).toBe(4);
    expect(schedule.withWaves.high.criticalPaths).toEqual([]);
    expect(schedule.withWaves.high.waves[0]).toMatchObject({ mergeDay: 4, critical: true, slack: 0 });
    expect(timings(schedule.withWaves.high)).toEqual(["A 1-1 slack 3"]);
    expect(schedule.waveCost.summary).toBe("the waves add 3 days; wave 1 is planned for day 4");
  });
});

describe("file conflicts", () => {
  // A (2d) owns src/config.py and touches docs/**; B (2d) touches src/config.py and
  // docs/guide.md; C (1d) depends on A and touches src/config.py. No waves, so both
  // schedules agree: A 1–2, B 1–2, C 3–3.
  // - A/B on src/config.py: days 1–2 overlap; the rule "src/*.py" covers it: no warning.
  // - A/B on docs/guide.md (A's glob matches B's path): days 1–2; no rule: conflict-no-rule
  //   at A's touches entry (line 12), B's entry related.
  // - A/C and B/C on src/config.py: C runs on day 3 only: listed, not overlapping, no warning.
  //   "A's version wins" names A, so it decides A/C but not B/C: B/C falls to the next rule.
  const { schedule, diagnostics } = run({
    workstreams: [
      { id: "A", days: 2, owns: ["src/config.py"], touches: ["docs/**"] },
      { id: "B", days: 2, touches: ["src/config.py", "docs/guide.md"] },
      { id: "C", deps: ["A"], touches: ["./src/config.py"] },
    ],
    rules: [
      ["src/*.py", "A's version wins"],
      ["src/config.py", "the next covering rule, for pairs the first does not decide"],
    ],
  });
  const rule = { file: "src/*.py", rule: "A's version wins" };

  it("lists every shared file, with the days and the rule", () => {
    expect(schedule.conflicts).toEqual([
      {
        file: "docs/guide.md",
        sides: [
          { workstream: "A", pattern: "docs/**", kind: "touches" },
          { workstream: "B", pattern: "docs/guide.md", kind: "touches" },
        ],
        overlapping: true,
        days: { low: [1, 2], high: [1, 2] },
        rule: null,
      },
      {
        file: "src/config.py",
        sides: [
          { workstream: "A", pattern: "src/config.py", kind: "owns" },
          { workstream: "B", pattern: "src/config.py", kind: "touches" },
        ],
        overlapping: true,
        days: { low: [1, 2], high: [1, 2] },
        rule,
      },
      {
        file: "src/config.py",
        sides: [
          { workstream: "A", pattern: "src/config.py", kind: "owns" },
          { workstream: "C", pattern: "./src/config.py", kind: "touches" },
        ],
        overlapping: false,
        days: { low: [], high: [] },
        rule,
      },
      {
        file: "src/config.py",
        sides: [
          { workstream: "B", pattern: "src/config.py", kind: "touches" },
          { workstream: "C", pattern: "./src/config.py", kind: "touches" },
        ],
        overlapping: false,
        days: { low: [], high: [] },
        rule: { file: "src/config.py", rule: "the next covering rule, for pairs the first does not decide" },
      },
    ]);
  });

  it("warns only where no rule covers overlapping work", () => {
    expect(withoutNoWave(diagnostics)).toEqual([
      {
        code: "conflict-no-rule",
        severity: "warning",
        ...at(wsFile("A"), 12),
        message: "A and B both edit docs/guide.md on days 1–2, and the resolution protocol has no rule for it",
        hint: `add a row for docs/guide.md to the Resolution Protocol table in ${PROJECT_FILE}, or make one workstream depend on the other`,
        related: [{ ...at(wsFile("B"), 13), message: "B touches docs/guide.md" }],
      },
    ]);
  });

  // Two globs: "lib/**" and "lib/x/*.ts" may share files (nested literal prefixes); "lib/**"
  // and "docs/*.md" cannot (prefixes lib and docs are apart).
  it("approximates two globs by their literal prefixes", () => {
    const { schedule: s } = run({
      workstreams: [
        { id: "A", touches: ["lib/**"] },
        { id: "B", touches: ["lib/x/*.ts"] },
        { id: "C", touches: ["docs/*.md"] },
      ],
    });
    expect(s.conflicts.map((c) => [c.file, c.sides.map((x) => x.workstream)])).toEqual([["lib/x/*.ts", ["A", "B"]]]);
  });
});

describe("duplicate owners", () => {
  // A owns src/a.ts, B owns src/*.ts (matches it): an error whatever the days (B starts after A).
  // C owns lib/** and D owns lib/x/*.ts: two globs that only may overlap: a conflict, not an error.
  it("is an error for a file surely owned twice", () => {
    const { schedule, diagnostics } = run({
      workstreams: [
        { id: "A", owns: ["src/a.ts"], wave: 1 },
        { id: "B", owns: ["src/*.ts"], deps: ["A"], wave: 1 },
        { id: "C", owns: ["lib/**"], wave: 1 },
        { id: "D", owns: ["lib/x/*.ts"], wave: 1 },
      ],
      waves: [{ number: 1 }],
      rules: [["lib/**", "C wins"]],
    });
    expect(diagnostics).toEqual([
      {
        code: "duplicate-owner",
        severity: "error",
        ...at(wsFile("B"), 6),
        message: "A and B both own src/a.ts, expected one owner",
        hint: "keep src/a.ts in one workstream's owns and move it to the other's touches",
        related: [{ ...at(wsFile("A"), 6), message: "A owns src/a.ts" }],
      },
    ]);
    expect(schedule.conflicts.map((c) => [c.file, c.overlapping, c.rule?.rule ?? null])).toEqual([
      ["lib/x/*.ts", true, "C wins"],
      ["src/a.ts", false, null],
    ]);
  });
});

describe("cycles in a plan", () => {
  // TD1 → TD3 → TD2 → TD1, and X depends on itself. TD1's dependency on TD3 is broken
  // (inside a tangle only dependencies on smaller ids are kept), so TD1 1–1, TD2 2–2, TD3 3–3.
  const { schedule, diagnostics } = run({
    workstreams: [
      { id: "TD1", deps: ["TD3"] },
      { id: "TD2", deps: ["TD1"] },
      { id: "TD3", deps: ["TD2"] },
      { id: "X", deps: ["X"] },
    ],
  });

  it("reports the cycle with all three edges and the self dependency", () => {
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect(codes(errors)).toEqual(["dependency-cycle plan/workstreams/TD1.md:3:1", "self-dependency plan/workstreams/X.md:3:1"]);
    expect(errors[0]!.related?.map((r) => `${r.file}:${r.start.line}:${r.start.column} ${r.message}`)).toEqual([
      "plan/workstreams/TD1.md:3:1 TD1 depends on TD3",
      "plan/workstreams/TD3.md:3:1 TD3 depends on TD2",
      "plan/workstreams/TD2.md:3:1 TD2 depends on TD1",
    ]);
  });

  it("still schedules the rest", () => {
    expect(schedule.brokenEdges).toEqual([{ workstream: "TD1", dependsOn: "TD3" }]);
    expect(timings(schedule.dependenciesOnly.high)).toEqual(["TD1 1-1 slack 0 critical", "TD2 2-2 slack 0 critical", "TD3 3-3 slack 0 critical", "X 1-1 slack 2"]);
    expect(schedule.order).toEqual(["TD1", "TD2", "TD3", "X"]);
  });
});

describe("wave membership and order", () => {
  // A says wave 1, wave 2 lists it: mismatch (scheduled in wave 1).
  // B listed by waves 1 and 2: duplicate merge. C: no wave.
  // D (wave 1) depends on E (wave 2): wave order. F (wave 1) depends on G (no wave), which
  // depends on E (wave 2): wave order through G. Unknown ids (ZZ, QQ) are ignored.
  const { schedule, diagnostics } = run({
    workstreams: [{ id: "A", wave: 1 }, { id: "B" }, { id: "C" }, { id: "D", wave: 1, deps: ["E"] }, { id: "E", wave: 2 }, { id: "F", wave: 1, deps: ["G", "QQ"] }, { id: "G", deps: ["E"] }],
    waves: [
      { number: 1, workstreams: ["B", "ZZ"] },
      { number: 2, workstreams: ["A", "B"] },
    ],
  });

  it("reports each problem where it was written", () => {
    expect(diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}:${d.start.line}:${d.start.column} ${d.message}`)).toEqual([
      "error wave-mismatch plan/waves.md:4:1 wave 2 lists A, but A says wave 1",
      "error wave-duplicate-merge plan/waves.md:4:11 B is merged by waves 1 and 2, expected exactly one",
      "warning no-wave plan/workstreams/C.md:1:1 no wave merges C",
      "error wave-order plan/workstreams/D.md:3:1 wave 1 merges D before wave 2 merges E, which it depends on",
      "error wave-order plan/workstreams/F.md:3:1 wave 1 merges F before wave 2 merges E, which it depends on through G",
      "warning no-wave plan/workstreams/G.md:1:1 no wave merges G",
    ]);
    expect(diagnostics[0]!.related).toEqual([{ file: wsFile("A"), start: { line: 1, column: 1 }, end: { line: 20, column: 1 }, message: "A says wave 1" }]);
    expect(diagnostics[1]!.related?.map((r) => r.message)).toEqual(["wave 1 lists B", "wave 2 lists B"]);
    expect(diagnostics[3]!.hint).toBe("move D to wave 2 or later, or E to wave 1 or earlier");
  });

  // A, B merged by wave 1 (the earliest named). D still waits for E (branching from it):
  // E 1–1, D 2–2; G 2–2 branches from E; F 3–3 from G. M1 = 3 (waits for F), M2 = max(1, M1) = 3.
  it("schedules with the earliest wave and keeps the dependencies it can", () => {
    expect(schedule.withWaves.high.waves.map((w) => [w.number, w.workstreams, w.mergeDay])).toEqual([
      [1, ["A", "B", "D", "F"], 3],
      [2, ["E"], 3],
    ]);
    expect(timings(schedule.withWaves.high).filter((t) => /^[DEFG] /.test(t))).toEqual(["D 2-2 slack 1", "E 1-1 slack 0 critical", "F 3-3 slack 0 critical", "G 2-2 slack 0 critical"]);
  });

  // D (wave 1) ← E (wave 2) ← H (wave 1): E waits for wave 1's merge, which waits for D,
  // which waits for E. The network would be circular, so D's dependency on E is left out of
  // the schedule with waves (it is an error already): D 1–1, H 1–1, M1 = 1, E 2–2, M2 = 2.
  // E waits for M1, which waits for D and H: all three are critical.
  it("never deadlocks on a wave-order error", () => {
    const { schedule: s, diagnostics: d } = run({
      workstreams: [
        { id: "D", wave: 1, deps: ["E"] },
        { id: "E", wave: 2, deps: ["H"] },
        { id: "H", wave: 1 },
      ],
    });
    expect(codes(d)).toEqual(["wave-order plan/workstreams/D.md:3:1"]);
    expect(timings(s.withWaves.high)).toEqual(["D 1-1 slack 0 critical", "E 2-2 slack 0 critical", "H 1-1 slack 0 critical"]);
    expect(timings(s.dependenciesOnly.high)).toEqual(["D 3-3 slack 0 critical", "E 2-2 slack 0 critical", "H 1-1 slack 0 critical"]);
  });
});

describe("max_parallel", () => {
  // All in wave 1, no dependencies. High: A 1–1, B 1–1, C 1–3, D (2d, start day 2) 2–3:
  // day 1 holds A, B, C (3 > 2); days 2–3 hold C, D (2). Low: C 1–1: day 1 holds A, B, C
  // again, days 2–3 only D. The same day is over the limit at both ends: named once.
  it("warns, naming the days over the limit", () => {
    const { schedule, diagnostics } = run({
      workstreams: [
        { id: "A", wave: 1 },
        { id: "B", wave: 1 },
        { id: "C", days: "1-3", wave: 1 },
        { id: "D", days: 2, start: 2, wave: 1 },
      ],
      maxParallel: 2,
    });
    expect(schedule.withWaves.high.peak).toEqual({ count: 3, days: [1] });
    expect(diagnostics).toEqual([
      {
        code: "too-many-parallel",
        severity: "warning",
        file: PROJECT_FILE,
        start: { line: 1, column: 1 },
        end: { line: 20, column: 1 },
        message: "up to 3 workstreams run at once, more than max_parallel (2): on day 1",
        hint: "spread the work with start days or dependencies, or raise max_parallel",
      },
    ]);
  });
});

describe("agent load", () => {
  it("sums each agent's durations, fractions kept", () => {
    const { schedule } = run({
      workstreams: [
        { id: "A", days: "1-2", agent: "python-pro" },
        { id: "B", days: 0.5, agent: "python-pro" },
        { id: "C", days: 3, agent: "backend-architect" },
        { id: "D", days: 1 },
      ],
    });
    expect(schedule.agentLoad).toEqual([
      { agent: "backend-architect", days: { low: 3, high: 3 }, workstreams: ["C"] },
      { agent: "python-pro", days: { low: 1.5, high: 2.5 }, workstreams: ["A", "B"] },
    ]);
  });
});

describe("an empty plan", () => {
  it("has zero figures and no problems", () => {
    const { schedule, diagnostics } = run({ workstreams: [] });
    expect(schedule.withWaves.high).toEqual({ workstreams: [], makespan: 0, criticalPaths: [], criticalPathsTruncated: false, waves: [], days: [], peak: { count: 0, days: [] } });
    expect(schedule.speedUp.withWaves).toEqual({ low: 0, high: 0 });
    expect(diagnostics).toEqual([]);
  });
});
