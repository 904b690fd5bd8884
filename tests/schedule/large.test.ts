/** Size: every algorithm is iterative, so long chains neither overflow the stack nor take long. */
import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/model/types.js";
import { findDependencyCycles, topologicalOrder, buildDependencyGraph } from "../../src/schedule/graph.js";
import { computeSchedule } from "../../src/schedule/index.js";
import { makePlan, makeWorkstream } from "./make-plan.js";

const N = 50_000;
const id = (i: number): string => `N${i}`;

/** N1 ← N2 ← … ← N50000, one day each, all in wave 1 (planned for day 10). */
function chainPlan(): Plan {
  return makePlan({
    workstreams: Array.from({ length: N }, (_, k) => ({ id: id(k + 1), deps: k === 0 ? [] : [id(k)], wave: 1 })),
    waves: [{ number: 1, day: 10 }],
  });
}

describe("a 50,000-workstream chain", () => {
  it("is scheduled without overflowing the stack", () => {
    const { schedule, diagnostics } = computeSchedule(chainPlan());
    // One day each, back to back: N50000 finishes on day 50,000; wave 1 merges then (50,000 − 10 days late).
    expect(schedule.dependenciesOnly.high.makespan).toBe(N);
    expect(schedule.withWaves.low.makespan).toBe(N);
    expect(schedule.withWaves.high.waves[0]).toMatchObject({ mergeDay: N, lateBy: N - 10, lateWorkstreams: Array.from({ length: N - 10 }, (_, k) => id(k + 11)) });
    expect(schedule.dependenciesOnly.high.criticalPaths).toHaveLength(1);
    expect(schedule.dependenciesOnly.high.criticalPaths[0]).toHaveLength(N);
    expect(schedule.order[0]).toBe("N1");
    expect(schedule.order[N - 1]).toBe(id(N));
    expect(diagnostics.map((d) => d.code)).toEqual(["wave-late"]);
  });

  it("finds a 50,000-long cycle without overflowing the stack", () => {
    const ring = Array.from({ length: N }, (_, k) => makeWorkstream({ id: id(k + 1), deps: [id(((k + 1) % N) + 1)] }));
    const cycles = findDependencyCycles(ring);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.related).toHaveLength(N);
    expect(topologicalOrder(buildDependencyGraph(ring))).toHaveLength(N);
  });
});
