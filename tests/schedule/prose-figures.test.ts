import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeSchedule } from "../../src/schedule/index.js";
import { build, lines } from "../parse/helpers.js";
import { makePlan } from "./make-plan.js";

const AGENT = { "agents/dev.md": lines("# Dev") };
const WAVES = lines("| Wave | Workstreams |", "| --- | --- |", "| 1 | A, C |", "| 2 | B |");

/** A (2 days) and C (1 day) in wave 1, merged on day 2; B (1-2 days) after it: days 3 or 3–4, wave 2 merges on day 3 or 4. */
function warnings(files: Record<string, string>) {
  const { plan, diagnostics } = build({
    ...AGENT,
    "waves.md": WAVES,
    "workstreams/A.md": lines("---", "id: A", "agent: dev", "days: 2", "---"),
    "workstreams/C.md": lines("---", "id: C", "agent: dev", "days: 1", "---"),
    ...files,
  });
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return computeSchedule(plan)
    .diagnostics.filter((d) => d.code === "prose-contradicts-schedule")
    .map((d) => `${d.file}:${d.start.line}:${d.start.column}-${d.end.line}:${d.end.column} ${d.message}`);
}

const b = (...body: string[]) => ({ "workstreams/B.md": lines("---", "id: B", "agent: dev", "days: 1-2", "depends_on: [A]", "---", "", "# B: Second", "", ...body) });
const project = (...body: string[]) => ({ "project.md": lines("---", "name: demo", "---", "", "# Demo", "", ...body) });

describe("prose that contradicts the schedule", () => {
  it("flags a workstream's start day and its wave's merge day, at the phrase inside the section", () => {
    expect(warnings(b("## Context", "", "Waits for A. It launches on day 2, and merges in Wave 2 on", "the afternoon of day 5."))).toEqual([
      "plan/workstreams/B.md:12:17-12:34 the text says `launches on day 2`, but the schedule starts B on day 3",
      "plan/workstreams/B.md:12:40-13:23 the text says `merges in Wave 2 on the afternoon of day 5`, but the schedule merges wave 2 on day 3 or 4 (lower or upper end of the durations)",
    ]);
  });

  it("accepts a figure that agrees with either end of the durations", () => {
    expect(warnings(b("## Notes", "", "It starts on day 3 and merges on day 3.", "", "Or it merges on day 4."))).toEqual([]);
  });

  it("keeps a parenthesis its own clause: its subjects are its own, and a merge outside it is not its day", () => {
    // B starts on day 3 and A (wave 1) merges on day 2: both true, though C is named before the parenthesis.
    expect(warnings(b("## Context", "", "C and B cannot start until A merges (B starts on day 3, after wave 1 merges on day 2)."))).toEqual([]);
    expect(warnings(b("## Context", "", "C and A finish first (B starts on day 2)."))).toEqual([
      "plan/workstreams/B.md:12:25-12:40 the text says `starts on day 2`, but the schedule starts B on day 3",
    ]);
  });

  it("reads the subject of the sentence: another workstream named before the verb, not one only mentioned", () => {
    // C starts on day 1; A's Config is only mentioned ("A's"), so "it" is B.
    expect(warnings(b("## Goal", "", "C starts on day 1. It needs A's output, so it begins on day 1."))).toEqual([
      "plan/workstreams/B.md:12:47-12:62 the text says `begins on day 1`, but the schedule starts B on day 3",
    ]);
    expect(warnings(b("## Goal", "", "A and C start on day 2."))).toEqual([
      "plan/workstreams/B.md:12:9-12:23 the text says `start on day 2`, but the schedule starts A on day 1",
      "plan/workstreams/B.md:12:9-12:23 the text says `start on day 2`, but the schedule starts C on day 1",
    ]);
  });

  it("flags the project's makespan, finish day, speed-up, peak and waves' days, and once for two phrasings of one figure", () => {
    const text = project(
      "## Summary",
      "",
      "We finish in 9 working days. Everything is merged by day 2.",
      "",
      "## Success Metrics",
      "",
      "- A 3x speed-up with all 3 sessions busy; waves on days 2, 5.",
      "- Done in",
      "  7 working days instead of 9.",
    );
    expect(warnings({ ...b(), ...text })).toEqual([
      "plan/project.md:9:11-9:28 the text says `in 9 working days`, but the schedule with waves takes 3–4 days",
      "plan/project.md:9:51-9:59 the text says `by day 2`, but the schedule with waves ends on day 3 or 4 (lower or upper end of the durations)",
      "plan/project.md:13:5-13:16 the text says `3x speed-up`, but the schedule's speed-up with waves is 1.25–1.33×",
      "plan/project.md:13:22-13:36 the text says `all 3 sessions`, but at most 2 sessions run at once in the schedule with waves",
      "plan/project.md:13:43-13:61 the text says `waves on days 2, 5`, but the waves merge on days 2, 4 (2, 3 at the lower end of durations)",
      "plan/project.md:14:8-15:17 the text says `in 7 working days`, but the schedule with waves takes 3–4 days",
    ]);
  });

  it("keeps quiet when the project's figures agree, rounded as written", () => {
    const text = project("## Summary", "", "All merged in 4 working days, by day 4: a 1.3× speed-up, 1x faster, with 2 parallel sessions and waves merging on days 2 and 3.");
    expect(warnings({ ...b(), ...text })).toEqual([]);
  });

  it("ignores numbers that are not about the schedule", () => {
    const text = project("## Summary", "", "Coverage goes from 42% to 60% by day 1. A merged by day 1. The baseline report lands on day 1-2; 3 sessions of review.");
    const ws = b("## Goal", "", "Raise coverage by day 1, in 2 working days, with all 9 tests merged on day 1-2.");
    expect(warnings({ ...ws, ...text })).toEqual([]);
  });

  it("points at the field when the text is YAML, whose exact offset is not kept", () => {
    const ws = { "workstreams/B.md": lines("---", "id: B", "agent: dev", "days: 1-2", "depends_on: [A]", 'goal: "It launches on day 9."', "---") };
    expect(warnings(ws)).toEqual(["plan/workstreams/B.md:6:7-6:30 the text says `launches on day 9`, but the schedule starts B on day 3"]);
  });
});

describe("prose figures on generated plans", () => {
  const genPlan = fc.array(fc.record({ low: fc.integer({ min: 1, max: 3 }), extra: fc.integer({ min: 0, max: 2 }), depMask: fc.nat({ max: 31 }), wave: fc.integer({ min: 1, max: 3 }) }), {
    minLength: 1,
    maxLength: 5,
  });

  it("never warns about prose that restates the computed figures, and always about a start day outside the range", () => {
    fc.assert(
      fc.property(genPlan, fc.integer({ min: 1, max: 3 }), (gen, beyond) => {
        const ids = gen.map((_, i) => `W${i + 1}`);
        const specs = gen.map((g, i) => ({
          id: ids[i]!,
          days: [g.low, g.low + g.extra] as [number, number],
          wave: g.wave,
          deps: ids.slice(0, i).filter((_, j) => (g.depMask >> j) & 1 && gen[j]!.wave <= g.wave),
        }));
        const waves = [1, 2, 3].map((n) => ({ number: n, workstreams: specs.filter((w) => w.wave === n).map((w) => w.id) }));
        const plan = makePlan({ workstreams: specs, waves });
        const { schedule } = computeSchedule(plan);
        const { high, low } = schedule.withWaves;
        const merge = (id: string, v: typeof high) => v.waves.find((w) => w.workstreams.includes(id))!.mergeDay;
        plan.workstreams.forEach((ws) => {
          const hi = high.workstreams.find((t) => t.id === ws.id)!;
          const lo = low.workstreams.find((t) => t.id === ws.id)!;
          ws.notes = `It starts on day ${hi.start}. It begins on day ${lo.start}. It merges on day ${merge(ws.id, high)}, or merges on day ${merge(ws.id, low)}.`;
        });
        plan.project.summary = `Done in ${high.makespan} working days with ${high.peak.count} parallel sessions, waves on days ${high.waves.map((w) => w.mergeDay).join(", ")}.`;
        expect(computeSchedule(plan).diagnostics.filter((d) => d.code === "prose-contradicts-schedule")).toEqual([]);
        const first = plan.workstreams[0]!;
        const latest = Math.max(...[high, low].map((v) => v.workstreams.find((t) => t.id === first.id)!.start));
        first.notes = `It launches on day ${latest + beyond}.`;
        expect(
          computeSchedule(plan)
            .diagnostics.filter((d) => d.code === "prose-contradicts-schedule")
            .map((d) => d.message),
        ).toEqual([
          `the text says \`launches on day ${latest + beyond}\`, but the schedule starts ${first.id} on ${(() => {
            const a = low.workstreams.find((t) => t.id === first.id)!.start;
            const b = high.workstreams.find((t) => t.id === first.id)!.start;
            return a === b ? `day ${b}` : `day ${Math.min(a, b)} or ${Math.max(a, b)} (lower or upper end of the durations)`;
          })()}`,
        ]);
      }),
      { seed: 20251016, numRuns: 100 },
    );
  });
});
