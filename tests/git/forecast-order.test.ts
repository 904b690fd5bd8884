import { describe, expect, it } from "vitest";
import { conflictHunks, rangeText } from "../../src/git/conflict-markers.js";
import { greedyOrder, leastConflictingOrder, orderCost, type OrderStep } from "../../src/git/merge-order.js";
import { parseMergeTree } from "../../src/git/merge-simulation.js";

/**
 * A model of merges for the order search: the state is the set of merged items; merging `item` costs one conflict
 * per already-merged item it clashes with, unless an already-merged item resolves that clash.
 */
function model(clashes: [string, string][], resolvedBy: Record<string, string> = {}) {
  let calls = 0;
  const step = (state: string[], item: string): Promise<OrderStep<string[]>> => {
    calls++;
    const cost = state
      .filter((s) => clashes.some(([a, b]) => (a === s && b === item) || (a === item && b === s)))
      .filter(() => !state.some((s) => resolvedBy[s] === item) && resolvedBy[item] === undefined).length;
    return Promise.resolve({ cost, next: () => Promise.resolve([...state, item]) });
  };
  return { step, calls: () => calls };
}

describe("leastConflictingOrder", () => {
  it("finds an order that avoids a clash when a third item resolves it", async () => {
    const { step } = model([["A", "B"]], { C: "B" });
    expect(await orderCost(["A", "B", "C"], [], step)).toBe(1);
    expect(await leastConflictingOrder(["A", "B", "C"], [], 1, step)).toEqual({ order: ["A", "C", "B"], cost: 0 });
  });

  it("suggests nothing when every order conflicts as much as the planned one", async () => {
    const { step } = model([["A", "B"]]);
    expect(await leastConflictingOrder(["A", "B", "C"], [], 1, step)).toBeNull();
  });

  it("does not search when the planned order is clean", async () => {
    const { step, calls } = model([]);
    expect(await leastConflictingOrder(["A", "B"], [], 0, step)).toBeNull();
    expect(calls()).toBe(0);
  });

  it("orders large sets greedily", async () => {
    const items = ["A", "B", "C", "D", "E", "F", "G", "H"];
    const { step } = model([["A", "B"]], { H: "B" });
    const greedy = await greedyOrder(items, [], step);
    expect(greedy.cost).toBe(0);
    expect(await leastConflictingOrder(items, [], 1, step)).toEqual(greedy);
  });
});

describe("conflictHunks", () => {
  it("gives each hunk's lines in the merged file and on each side, diff3 bases included", () => {
    const text = ["a", "<<<<<<< ours", "x", "y", "||||||| base", "b", "=======", "z", ">>>>>>> theirs", "c", "<<<<<<< ours", "=======", "w", ">>>>>>> theirs", ""].join("\n");
    expect(conflictHunks(text)).toEqual([
      { merged: { start: 2, end: 9 }, ours: { start: 2, end: 3 }, theirs: { start: 2, end: 2 } },
      { merged: { start: 11, end: 14 }, ours: { start: 5, end: 4 }, theirs: { start: 4, end: 4 } },
    ]);
    expect(rangeText({ start: 2, end: 3 })).toBe("lines 2–3");
    expect(rangeText({ start: 5, end: 4 })).toBe("no lines (after line 4)");
  });
});

describe("parseMergeTree", () => {
  it("reads the tree, the conflicted paths and their kinds", () => {
    const out = [
      "t1",
      "f.txt",
      "g.txt",
      "",
      "1",
      "f.txt",
      "Auto-merging",
      "Auto-merging f.txt\n",
      "1",
      "f.txt",
      "CONFLICT (contents)",
      "…\n",
      "1",
      "g.txt",
      "CONFLICT (modify/delete)",
      "…\n",
      "",
    ].join("\0");
    const parsed = parseMergeTree(out);
    expect(parsed.tree).toBe("t1");
    expect(parsed.paths).toEqual(["f.txt", "g.txt"]);
    expect(Object.fromEntries(parsed.kinds)).toEqual({ "f.txt": ["contents"], "g.txt": ["modify/delete"] });
  });
});
