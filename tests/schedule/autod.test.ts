/**
 * The autoD plan from the seed session log (shared/seed), and its true figures.
 *
 * Facts (the seed's table and wave list):
 *   TD2 Config Management   python-pro           1–2 days                    wave 1
 *   TD1 Error Handling      python-pro           2 days   depends TD2        wave 2
 *   TD3 API Client Refactor backend-architect    2 days   depends TD1, TD2   wave 3
 *   TD4 Test Coverage       test-automator       7 days                      wave 2
 *   WS1 Vector Store        python-pro           4 days   soft TD2           wave 3
 *   WS2 Batch Processing    backend-architect    4 days   depends TD2        wave 4
 *   WS3 Production Hardening deployment-engineer 5 days   soft TD2           wave 5
 *   Waves planned for days 2, 3, 5, 6, 7. max_parallel 7.
 *   Likely conflict files and the resolution protocol (risk 2): src/config.py (TD2 owns it:
 *   "TD2 version wins"), src/logging_config.py (TD1 and WS3 touch it: "merge both"),
 *   src/api_client.py (TD1 touches it, TD3 owns it: "merge both").
 *
 * Day convention: a d-day workstream starting day s works days s … s+d−1. "Mk = n": wave k
 * merges at the end of day n. Soft dependencies never delay anything (WS1, WS3 start day 1).
 *
 * Sequential total: low 1+2+2+7+4+4+5 = 25, high 2+2+2+7+4+4+5 = 26 days.
 *
 * On dependencies alone (high, TD2 = 2 days):
 *   TD2 1–2; TD1 3–4; TD3 5–6 (after TD1 day 4); WS2 3–6; TD4 1–7; WS1 1–4; WS3 1–5.
 *   Makespan 7, set by TD4 alone: critical path [TD4]. Backward: TD3 and WS2 may finish
 *   on day 7 (slack 1); TD1 by day 5 (TD3 must start by day 6): slack 1; TD2 by day 3
 *   (TD1 and WS2 must start by day 4): slack 1; WS1 slack 3; WS3 slack 2.
 *   Active: days 1–2 TD2 TD4 WS1 WS3 (4); days 3–4 TD1 TD4 WS1 WS2 WS3 (5);
 *   day 5 TD3 TD4 WS2 WS3; day 6 TD3 TD4 WS2; day 7 TD4. Peak 5 on days 3–4.
 *   Speed-up 26 / 7 = 3.71.
 * On dependencies alone (low, TD2 = 1 day):
 *   TD2 1–1; TD1 2–3; TD3 4–5; WS2 2–5; TD4 1–7; WS1 1–4; WS3 1–5. Makespan 7 (TD4).
 *   Slack: TD2, TD1, TD3, WS2 2; WS1 3; WS3 2. Peak 5 on days 2–4. Speed-up 25 / 7 = 3.57.
 *
 * With waves (high):
 *   TD2 1–2; M1 = max(planned 2, TD2 2) = 2.
 *   TD1 needs TD2 from wave 1: starts the day after M1: 3–4. TD4 1–7.
 *   M2 = max(planned 3, TD1 4, TD4 7, M1 2) = 7: 4 days late, because of TD1 and TD4.
 *   TD3 needs TD1 (wave 2, M2 = 7) and TD2 (wave 1, M1 = 2): 8–9. WS1 1–4.
 *   M3 = max(planned 5, TD3 9, WS1 4, M2 7) = 9: 4 days late (TD3; and it waits for wave 2).
 *   WS2 needs TD2 (M1 = 2): 3–6. M4 = max(planned 6, WS2 6, M3 9) = 9: 3 days late (waits for wave 3).
 *   WS3 1–5. M5 = max(planned 7, WS3 5, M4 9) = 9: 2 days late (waits for wave 4).
 *   Makespan 9. Critical: TD4 → M2 → TD3 → M3 → M4 → M5: critical path [TD4, TD3].
 *   Slack: TD1 finishes 4 but wave 2 merges 7 anyway: 3; TD2: M1 may slip to day 5 (TD1
 *   and WS2 must start by day 6): 3; WS1 9−4 = 5; WS2 9−6 = 3; WS3 9−5 = 4.
 *   Active: days 1–2 TD2 TD4 WS1 WS3; days 3–4 TD1 TD4 WS1 WS2 WS3 (5); day 5 TD4 WS2 WS3;
 *   day 6 TD4 WS2; day 7 TD4; days 8–9 TD3. Peak 5 on days 3–4, within max_parallel 7.
 *   Speed-up 26 / 9 = 2.89.
 * With waves (low): the same except TD2 1–1 (slack 4; wave 1 still merges on its planned
 *   day 2) and day 2 without TD2. Makespan 9, speed-up 25 / 9 = 2.78.
 *
 * What the waves cost: 9 − 7 = 2 days at both ends: TD3 cannot start until wave 2 merges,
 * and wave 2 waits for TD4 (7 days) although planned for day 3.
 *
 * Agents: python-pro TD1, TD2, WS1 = 7–8 days; backend-architect TD3, WS2 = 6;
 * test-automator TD4 = 7; deployment-engineer WS3 = 5.
 *
 * Conflicts: src/logging_config.py, TD1 (3–4) and WS3 (1–5) overlap on days 3–4 (rule:
 * merge both); src/api_client.py, TD1 (3–4) and TD3 (8–9) do not overlap. No warning.
 *
 * Against the seed's claims:
 * - "Critical path TD2 → TD1 → TD3 → WS2 = ~5 days": WS2 depends on TD2 only, so this is
 *   not a chain (as a chain it would add up to 9–10 days). The chain TD2 → TD1 → TD3 ends on
 *   day 5–6. The true critical path is TD4 alone (7 days) on dependencies, and TD4 → wave 2
 *   → TD3 with the planned waves.
 * - "21 days sequential": the durations add up to 25–26 days.
 * - "Total: 7 days": true on dependencies alone, but with the planned waves it is 9 days.
 * - "3x faster": 3.57–3.71 on dependencies alone, 2.78–2.89 with the waves.
 * - "Day 4: TD3 launches … (7 active)": at most 5 workstreams are ever active (days 3–4);
 *   TD3 starts on day 5 (day 4 at the lower end) on dependencies, day 8 with waves.
 * - Waves on days 2, 3, 5, 6, 7: only wave 1 is on time; waves 2–5 all merge on day 9
 *   (4, 4, 3 and 2 days late).
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { computeSchedule } from "../../src/schedule/index.js";
import type { ScheduleVariant } from "../../src/schedule/types.js";
import { makePlan } from "./make-plan.js";

const autoD = makePlan({
  maxParallel: 7,
  workstreams: [
    { id: "TD2", days: "1-2", wave: 1, agent: "python-pro", owns: ["src/config.py"] },
    { id: "TD1", days: 2, deps: ["TD2"], wave: 2, agent: "python-pro", touches: ["src/logging_config.py", "src/api_client.py"] },
    { id: "TD3", days: 2, deps: ["TD1", "TD2"], wave: 3, agent: "backend-architect", owns: ["src/api_client.py"] },
    { id: "TD4", days: 7, wave: 2, agent: "test-automator" },
    { id: "WS1", days: 4, soft: ["TD2"], wave: 3, agent: "python-pro" },
    { id: "WS2", days: 4, deps: ["TD2"], wave: 4, agent: "backend-architect" },
    { id: "WS3", days: 5, soft: ["TD2"], wave: 5, agent: "deployment-engineer", touches: ["src/logging_config.py"] },
  ],
  waves: [
    { number: 1, day: 2 },
    { number: 2, day: 3 },
    { number: 3, day: 5 },
    { number: 4, day: 6 },
    { number: 5, day: 7 },
  ],
  rules: [
    ["src/config.py", "TD2 version wins (source of truth)"],
    ["src/logging_config.py", "Merge both (combine fields)"],
    ["src/api_client.py", "Merge both (consult workstream owners)"],
  ],
});

const { schedule, diagnostics } = computeSchedule(autoD);

/** "id start–finish/slack", critical ones marked with "!". */
function timings(v: ScheduleVariant): string[] {
  return v.workstreams.map((w) => `${w.id} ${w.start}-${w.finish}/${w.slack}${w.critical ? "!" : ""}`);
}

function active(v: ScheduleVariant): string[] {
  return v.days.map((d) => `${d.day}: ${d.active.join(" ")}`);
}

describe("autoD on dependencies alone", () => {
  it("high end", () => {
    const v = schedule.dependenciesOnly.high;
    expect(timings(v)).toEqual(["TD1 3-4/1", "TD2 1-2/1", "TD3 5-6/1", "TD4 1-7/0!", "WS1 1-4/3", "WS2 3-6/1", "WS3 1-5/2"]);
    expect(v.makespan).toBe(7);
    expect(v.criticalPaths).toEqual([["TD4"]]);
    expect(active(v)).toEqual(["1: TD2 TD4 WS1 WS3", "2: TD2 TD4 WS1 WS3", "3: TD1 TD4 WS1 WS2 WS3", "4: TD1 TD4 WS1 WS2 WS3", "5: TD3 TD4 WS2 WS3", "6: TD3 TD4 WS2", "7: TD4"]);
    expect(v.peak).toEqual({ count: 5, days: [3, 4] });
    expect(v.waves).toEqual([]);
  });

  it("low end", () => {
    const v = schedule.dependenciesOnly.low;
    expect(timings(v)).toEqual(["TD1 2-3/2", "TD2 1-1/2", "TD3 4-5/2", "TD4 1-7/0!", "WS1 1-4/3", "WS2 2-5/2", "WS3 1-5/2"]);
    expect(v.makespan).toBe(7);
    expect(v.criticalPaths).toEqual([["TD4"]]);
    expect(v.peak).toEqual({ count: 5, days: [2, 3, 4] });
  });
});

describe("autoD with waves", () => {
  it("high end", () => {
    const v = schedule.withWaves.high;
    expect(timings(v)).toEqual(["TD1 3-4/3", "TD2 1-2/3", "TD3 8-9/0!", "TD4 1-7/0!", "WS1 1-4/5", "WS2 3-6/3", "WS3 1-5/4"]);
    expect(v.makespan).toBe(9);
    expect(v.criticalPaths).toEqual([["TD4", "TD3"]]);
    expect(v.waves.map((w) => [w.number, w.plannedDay, w.mergeDay, w.lateBy, w.lateWorkstreams, w.waitsForWave, w.workstreams, w.critical])).toEqual([
      [1, 2, 2, 0, [], null, ["TD2"], false],
      [2, 3, 7, 4, ["TD1", "TD4"], null, ["TD1", "TD4"], true],
      [3, 5, 9, 4, ["TD3"], 2, ["TD3", "WS1"], true],
      [4, 6, 9, 3, [], 3, ["WS2"], true],
      [5, 7, 9, 2, [], 4, ["WS3"], true],
    ]);
    expect(active(v)).toEqual(["1: TD2 TD4 WS1 WS3", "2: TD2 TD4 WS1 WS3", "3: TD1 TD4 WS1 WS2 WS3", "4: TD1 TD4 WS1 WS2 WS3", "5: TD4 WS2 WS3", "6: TD4 WS2", "7: TD4", "8: TD3", "9: TD3"]);
    expect(v.days.map((d) => d.merging)).toEqual([[], [1], [], [], [], [], [2], [], [3, 4, 5]]);
    expect(v.peak).toEqual({ count: 5, days: [3, 4] });
  });

  it("low end", () => {
    const v = schedule.withWaves.low;
    expect(timings(v)).toEqual(["TD1 3-4/3", "TD2 1-1/4", "TD3 8-9/0!", "TD4 1-7/0!", "WS1 1-4/5", "WS2 3-6/3", "WS3 1-5/4"]);
    expect(v.makespan).toBe(9);
    expect(v.criticalPaths).toEqual([["TD4", "TD3"]]);
    expect(v.waves.map((w) => w.mergeDay)).toEqual([2, 7, 9, 9, 9]);
    expect(active(v)[1]).toBe("2: TD4 WS1 WS3");
  });
});

describe("autoD plan figures", () => {
  it("sequential total, speed-ups and wave cost", () => {
    expect(schedule.sequentialTotal).toEqual({ low: 25, high: 26 });
    expect(schedule.speedUp).toEqual({ withWaves: { low: 2.78, high: 2.89 }, dependenciesOnly: { low: 3.57, high: 3.71 } });
    expect(schedule.waveCost).toEqual({ days: { low: 2, high: 2 }, summary: "the waves add 2 days; wave 2 waits for TD4" });
  });

  it("order and edges", () => {
    expect(schedule.order).toEqual(["TD2", "TD1", "TD3", "TD4", "WS1", "WS2", "WS3"]);
    expect(schedule.edges).toEqual([
      { workstream: "TD1", dependsOn: "TD2" },
      { workstream: "TD3", dependsOn: "TD1" },
      { workstream: "TD3", dependsOn: "TD2" },
      { workstream: "WS2", dependsOn: "TD2" },
    ]);
    expect(schedule.softEdges).toEqual([
      { workstream: "WS1", dependsOn: "TD2" },
      { workstream: "WS3", dependsOn: "TD2" },
    ]);
    expect(schedule.brokenEdges).toEqual([]);
  });

  it("agent load", () => {
    expect(schedule.agentLoad).toEqual([
      { agent: "backend-architect", days: { low: 6, high: 6 }, workstreams: ["TD3", "WS2"] },
      { agent: "deployment-engineer", days: { low: 5, high: 5 }, workstreams: ["WS3"] },
      { agent: "python-pro", days: { low: 7, high: 8 }, workstreams: ["TD1", "TD2", "WS1"] },
      { agent: "test-automator", days: { low: 7, high: 7 }, workstreams: ["TD4"] },
    ]);
  });

  it("conflicts", () => {
    expect(schedule.conflicts.map((c) => [c.file, c.sides.map((s) => `${s.workstream} ${s.kind}`), c.overlapping, c.days.high, c.rule?.rule])).toEqual([
      ["src/api_client.py", ["TD1 touches", "TD3 owns"], false, [], "Merge both (consult workstream owners)"],
      ["src/logging_config.py", ["TD1 touches", "WS3 touches"], true, [3, 4], "Merge both (combine fields)"],
    ]);
  });

  it("diagnostics: four late waves, nothing else", () => {
    const lines = diagnostics.map((d: Diagnostic) => `${d.severity} ${d.code} ${d.file}:${d.start.line} ${d.message}`);
    expect(lines).toEqual([
      "warning wave-late plan/waves.md:4 wave 2 is planned for day 3 but merges on day 7, 4 days late: TD1 and TD4 finish after it",
      "warning wave-late plan/waves.md:5 wave 3 is planned for day 5 but merges on day 9, 4 days late: TD3 finishes after it; it waits for wave 2, which merges on day 7",
      "warning wave-late plan/waves.md:6 wave 4 is planned for day 6 but merges on day 9, 3 days late: it waits for wave 3, which merges on day 9",
      "warning wave-late plan/waves.md:7 wave 5 is planned for day 7 but merges on day 9, 2 days late: it waits for wave 4, which merges on day 9",
    ]);
    expect(diagnostics[0]!.related?.map((r) => `${r.file}:${r.start.line} ${r.message}`)).toEqual([
      "plan/workstreams/TD1.md:1 TD1 finishes on day 4",
      "plan/workstreams/TD4.md:1 TD4 finishes on day 7",
    ]);
    expect(diagnostics.every((d) => d.hint !== undefined)).toBe(true);
  });

  it("is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(schedule))).toEqual(schedule);
  });
});
