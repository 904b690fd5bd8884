/**
 * A wave's merge commands: every merge in the execution plan; in a prompt, every merge of a small wave, and of a large
 * one the prompt's own with two on each side and the rest counted, so a prompt does not grow with its wave.
 */
import { describe, expect, it } from "vitest";
import { renderContext } from "../../src/render/views/render-context.js";
import { mergeCommands } from "../../src/render/views/shared-views.js";
import { computeSchedule } from "../../src/schedule/index.js";
import { makePlan } from "../schedule/make-plan.js";

/** One wave of `n` independent workstreams. */
function context(n: number) {
  const ids = Array.from({ length: n }, (_, i) => `W${String(i + 1).padStart(2, "0")}`);
  const plan = makePlan({ workstreams: ids.map((id) => ({ id, wave: 1 })), waves: [{ number: 1 }] });
  return { ctx: renderContext(plan, computeSchedule(plan).schedule), wave: plan.waves[0]!, ids };
}

const merges = (commands: string) => commands.split("\n").filter((l) => l.startsWith("git merge --no-ff workstream/") || l.startsWith("#"));

describe("a wave's merge commands", () => {
  it("are all there for the execution plan, and for a prompt of a wave of up to 12", () => {
    const { ctx, wave, ids } = context(12);
    const all = ids.map((id) => `git merge --no-ff workstream/${id.toLowerCase()}`);
    expect(merges(mergeCommands(ctx, wave))).toEqual(all);
    expect(merges(mergeCommands(ctx, wave, "W06"))).toEqual(all);
  });

  it("in a prompt of a larger wave, are its own merge and two on each side, the others counted", () => {
    const { ctx, wave } = context(30);
    expect(merges(mergeCommands(ctx, wave))).toHaveLength(30);
    expect(merges(mergeCommands(ctx, wave, "W10"))).toEqual([
      "# … 7 earlier merges (the execution plan lists them)",
      ...["w08", "w09", "w10", "w11", "w12"].map((id) => `git merge --no-ff workstream/${id}`),
      "# … 18 later merges (the execution plan lists them)",
    ]);
    expect(merges(mergeCommands(ctx, wave, "W01"))).toEqual([...["w01", "w02", "w03"].map((id) => `git merge --no-ff workstream/${id}`), "# … 27 later merges (the execution plan lists them)"]);
    expect(merges(mergeCommands(ctx, wave, "W30"))).toEqual(["# … 27 earlier merges (the execution plan lists them)", ...["w28", "w29", "w30"].map((id) => `git merge --no-ff workstream/${id}`)]);
  });
});
