import path from "node:path";
import { describe, expect, it } from "vitest";
import { abbreviatedPath, criticalPathText } from "../../src/render/views/critical-path-text.js";
import { renderPlan } from "../helpers/render-plan.js";
import { REPO } from "../helpers/run-cli.js";

describe("critical path text", () => {
  it("names the wave merge between two workstreams linked only by it (autoD: TD4 → wave 2 merge → TD3)", async () => {
    const { plan, schedule } = await renderPlan(path.join(REPO, "plan"), REPO);
    expect(schedule.withWaves.high.criticalPaths.map((p) => criticalPathText(plan, p))).toEqual(["TD4 → wave 2 merge → TD3"]);
    expect(criticalPathText(plan, ["TD2", "TD1", "TD3"])).toBe("TD2 → TD1 → TD3");
  });

  it("shortens a long path to its ends around a count, and leaves a short one whole", () => {
    const ids = Array.from({ length: 20 }, (_, i) => `W${i + 1}`);
    expect(abbreviatedPath(ids)).toBe("W1 → W2 → W3 → W4 → … 12 more … → W17 → W18 → W19 → W20");
    expect(abbreviatedPath(ids.slice(0, 9))).toBe(ids.slice(0, 9).join(" → "));
  });
});
