import { describe, expect, it } from "vitest";
import { compareIds } from "../../src/model/compare-ids.js";
import { breakCycles, buildDependencyGraph, findCycles, findDependencyCycles, stronglyConnectedComponents, topologicalOrder } from "../../src/schedule/graph.js";
import { at, makeWorkstream, wsFile } from "./make-plan.js";

/** Graph input from `id: deps` pairs. */
function nodes(spec: Record<string, string[]>) {
  return Object.entries(spec).map(([id, deps]) => makeWorkstream({ id, deps }));
}

describe("compareIds", () => {
  it("orders ids naturally, and never calls distinct ids equal", () => {
    const ids = ["TD10", "WS1", "TD2", "TD1", "td1", "TD02", "A", "TD2a"];
    expect([...ids].sort(compareIds)).toEqual(["A", "TD1", "TD02", "TD2", "TD2a", "TD10", "WS1", "td1"]);
    expect(compareIds("TD2", "TD2")).toBe(0);
    expect(Math.sign(compareIds("TD02", "TD2"))).toBe(-Math.sign(compareIds("TD2", "TD02")));
  });
});

describe("buildDependencyGraph", () => {
  it("indexes by id, drops unknown ids and repeats, keeps the first position, sets self-loops apart", () => {
    const a = makeWorkstream({ id: "A", deps: ["B", "QQ", "B", "A"] });
    const graph = buildDependencyGraph([makeWorkstream({ id: "B" }), a]);
    expect(graph.ids).toEqual(["A", "B"]);
    expect(graph.deps).toEqual([[1], []]);
    // The first "B" of A's depends_on is its entry 0: column 1 of line 3.
    expect(graph.depAt[0]).toEqual([at(wsFile("A"), 3, 1)]);
    expect(graph.selfLoops).toEqual([{ node: 0, at: at(wsFile("A"), 3, 31) }]);
  });
});

describe("topologicalOrder", () => {
  it("puts dependencies first and breaks ties by id, whatever the input order", () => {
    const spec = { C: ["A"], B: [], A: [], D: ["B", "C"], TD10: [], TD9: [] };
    const forward = topologicalOrder(buildDependencyGraph(nodes(spec)));
    const reversed = topologicalOrder(buildDependencyGraph(nodes(spec).reverse()));
    // Ready at first: A, B, TD9, TD10 (smallest first: A); then C becomes ready.
    expect(forward).toEqual(["A", "B", "C", "D", "TD9", "TD10"]);
    expect(reversed).toEqual(forward);
  });

  it("still lists every node when there is a cycle", () => {
    expect(topologicalOrder(buildDependencyGraph(nodes({ A: ["B"], B: ["A"], C: ["A"] })))).toEqual(["A", "B", "C"]);
  });
});

describe("stronglyConnectedComponents", () => {
  it("groups the nodes of each cycle", () => {
    const graph = buildDependencyGraph(nodes({ A: ["B"], B: ["C"], C: ["A"], D: ["A"], E: ["E"] }));
    const { component, sizes } = stronglyConnectedComponents(graph.deps);
    expect(component[0]).toBe(component[1]);
    expect(component[1]).toBe(component[2]);
    expect(sizes[component[0]!]).toBe(3);
    expect(sizes[component[3]!]).toBe(1);
    expect(sizes[component[4]!]).toBe(1); // a self-loop is kept apart from deps
  });
});

describe("findCycles", () => {
  it("reports a 3-step cycle once, listing all three edges with their positions", () => {
    // TD1 → TD3 → TD2 → TD1 (each depends on the next).
    const diagnostics = findDependencyCycles(nodes({ TD1: ["TD3"], TD2: ["TD1"], TD3: ["TD2"] }));
    expect(diagnostics).toEqual([
      {
        code: "dependency-cycle",
        severity: "error",
        ...at(wsFile("TD1"), 3, 1),
        message: "dependency cycle TD1 → TD3 → TD2 → TD1: each depends on the next, so none of them can start",
        hint: "remove one of these depends_on entries, or make it a soft_depends_on",
        related: [
          { ...at(wsFile("TD1"), 3, 1), message: "TD1 depends on TD3" },
          { ...at(wsFile("TD3"), 3, 1), message: "TD3 depends on TD2" },
          { ...at(wsFile("TD2"), 3, 1), message: "TD2 depends on TD1" },
        ],
      },
    ]);
  });

  it("reports the spec's two-step example as TD1 → TD3 → TD1", () => {
    const [d] = findDependencyCycles(nodes({ TD1: ["TD3"], TD3: ["TD1"] }));
    expect(d?.message).toContain("TD1 → TD3 → TD1");
    expect(d?.related?.map((r) => r.message)).toEqual(["TD1 depends on TD3", "TD3 depends on TD1"]);
  });

  it("reports a self dependency", () => {
    expect(findDependencyCycles(nodes({ X: ["X"] }))).toEqual([
      { code: "self-dependency", severity: "error", ...at(wsFile("X"), 3, 1), message: "X depends on itself", hint: "remove X from its own depends_on" },
    ]);
  });

  it("covers every edge of a tangle and every tangle", () => {
    // Tangle 1: A⇄B and B⇄C share B (two distinct cycles); tangle 2: D⇄E.
    const graph = buildDependencyGraph(nodes({ A: ["B"], B: ["A", "C"], C: ["B"], D: ["E"], E: ["D"] }));
    expect(findCycles(graph).map((d) => d.message.split(":")[0])).toEqual(["dependency cycle A → B → A", "dependency cycle B → C → B", "dependency cycle D → E → D"]);
  });

  it("finds no cycle in a DAG", () => {
    expect(findDependencyCycles(nodes({ A: [], B: ["A"], C: ["A", "B"] }))).toEqual([]);
  });
});

describe("breakCycles", () => {
  it("keeps, inside a tangle, only dependencies on smaller ids", () => {
    const graph = buildDependencyGraph(nodes({ TD1: ["TD3"], TD2: ["TD1"], TD3: ["TD2"], TD4: ["TD3"] }));
    const { deps, broken } = breakCycles(graph);
    expect(deps).toEqual([[], [0], [1], [2]]);
    expect(broken.map((b) => [graph.ids[b.node], graph.ids[b.dependsOn]])).toEqual([["TD1", "TD3"]]);
  });
});
