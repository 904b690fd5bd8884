import path from "node:path";
import { describe, expect, it } from "vitest";
import { abbreviatedPath, criticalPathText } from "../../src/render/views/critical-path-text.js";
import { computeSchedule } from "../../src/schedule/index.js";
import { renderPlan } from "../helpers/render-plan.js";
import { REPO } from "../helpers/run-cli.js";

describe("critical path text", () => {
  it("names the wave merge between two workstreams linked only by it (autoD with TD4 merged whole by wave 2: TD4 → wave 2 merge → TD3)", async () => {
    const { plan, schedule } = await renderPlan(path.join(REPO, "plan"), REPO);
    expect(schedule.withWaves.high.criticalPaths.map((p) => criticalPathText(plan, p))).toEqual(["TD4"]);
    const whole = { ...plan, workstreams: plan.workstreams.map(({ waves, ...ws }) => (ws.id === "TD4" ? { ...ws, wave: 2 } : { ...ws, ...(waves ? { waves } : {}) })) };
    whole.waves = plan.waves.map((w) => ({ ...w, workstreams: w.workstreams.filter((r) => r.id !== "TD4" || w.number === 2) }));
    const { schedule: slipped } = computeSchedule(whole);
    expect(slipped.withWaves.high.makespan).toBe(9);
    expect(slipped.withWaves.high.criticalPaths.map((p) => criticalPathText(whole, p))).toEqual(["TD4 → wave 2 merge → TD3"]);
    // A direct dependency in an earlier wave is reached through that wave's merge too.
    expect(criticalPathText(plan, ["TD2", "TD1", "TD3"])).toBe("TD2 → wave 1 merge → TD1 → wave 2 merge → TD3");
  });

  it("shortens a long path to its ends around a count, and leaves a short one whole", () => {
    const ids = Array.from({ length: 20 }, (_, i) => `W${i + 1}`);
    expect(abbreviatedPath(ids)).toBe("W1 → W2 → W3 → W4 → … 12 more … → W17 → W18 → W19 → W20");
    expect(abbreviatedPath(ids.slice(0, 9))).toBe(ids.slice(0, 9).join(" → "));
  });
});
