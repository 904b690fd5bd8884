/**
 * What a session log shows of the plan as it stands: a small plan whole; a large one (over 50 workstreams) as the
 * workstreams active on the session's day and the waves that merge them, each wave naming those and counting the
 * rest, so that a log is the size of a day's work, not of the plan.
 */
import { describe, expect, it } from "vitest";
import { planSnapshot } from "../../src/render/views/plan-snapshot.js";
import { renderContext } from "../../src/render/views/render-context.js";
import { computeSchedule } from "../../src/schedule/index.js";
import { makePlan, type WorkstreamSpec } from "../schedule/make-plan.js";

/** `n` workstreams in chains of three (2 days each), wave by position: with a start date on Monday 2026-01-05. */
function plan(n: number) {
  const specs = Array.from({ length: n }, (_, i): WorkstreamSpec => ({
    id: `W${String(i + 1).padStart(3, "0")}`,
    days: 2,
    deps: i % 3 === 0 ? [] : [`W${String(i).padStart(3, "0")}`],
    wave: 1 + (i % 4),
  }));
  const p = makePlan({ workstreams: specs, waves: [1, 2, 3, 4].map((number) => ({ number })) });
  p.project.startDate = "2026-01-05";
  return p;
}

describe("a session's snapshot of the plan", () => {
  it("shows every workstream and wave of a small plan", () => {
    const p = plan(12);
    const { schedule } = computeSchedule(p);
    const snap = planSnapshot(renderContext(p, schedule), "2026-01-07");
    expect(snap.workstreams.map((w) => w.id)).toEqual(p.workstreams.map((w) => w.id));
    expect(snap.waves.map((w) => w.workstreams)).toEqual([1, 2, 3, 4].map((n) => schedule.withWaves.high.waves.find((w) => w.number === n)!.workstreams.join(", ")));
  });

  it("shows a large plan's workstreams active on the session's day, and the waves that merge them with a count of the rest", () => {
    const p = plan(90);
    const { schedule } = computeSchedule(p);
    const ctx = renderContext(p, schedule);
    // Wednesday 2026-01-07 is day 3: the second workstream of each chain (days 3–4).
    const snap = planSnapshot(ctx, "2026-01-07");
    const active = schedule.withWaves.high.workstreams.filter((t) => t.start <= 3 && 3 <= t.finish).map((t) => t.id);
    expect(active.length).toBeGreaterThan(0);
    expect(active.length).toBeLessThan(p.workstreams.length);
    expect(snap.workstreams.map((w) => w.id)).toEqual(p.workstreams.map((w) => w.id).filter((id) => active.includes(id)));
    const expected = schedule.withWaves.high.waves
      .filter((w) => w.workstreams.some((id) => active.includes(id)))
      .map((w) => {
        const shown = w.workstreams.filter((id) => active.includes(id));
        const more = w.workstreams.length - shown.length;
        return { wave: String(w.number), workstreams: more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ") };
      });
    expect(snap.waves.map((w) => ({ wave: w.wave, workstreams: w.workstreams }))).toEqual(expected);
    // The ADRs and risks are frozen whole: they are short rows, and a later log compares statuses with them.
    expect(snap.decisions).toEqual([]);
  });

  it("shows nothing of a large plan on a day no workstream is active", () => {
    const p = plan(90);
    const { schedule } = computeSchedule(p);
    const snap = planSnapshot(renderContext(p, schedule), "2027-06-01");
    expect(snap.workstreams).toEqual([]);
    expect(snap.waves).toEqual([]);
  });
});
