/**
 * The hard-dependency graph of workstreams: the one graph that validation and scheduling
 * share, so a cycle is found by the same code that orders the work.
 *
 * Nodes are indexed in `compareIds` order, so "ties broken by id" is "ties broken by
 * index". Every algorithm here is iterative: a 50,000-long chain must not exhaust the stack.
 * Edges point from a workstream to what it depends on (`deps[i]` = what `i` needs first).
 */
import { diagnostic, type Diagnostic, type Location, type Related } from "../diagnostics/diagnostic.js";
import type { Ref } from "../model/types.js";
import { compareIds } from "../model/compare-ids.js";
import { MinHeap } from "./min-heap.js";

/** What the graph needs from a workstream. */
export interface GraphNodeInput {
  readonly id: string;
  readonly dependsOn: readonly Ref[];
}

/** The hard dependencies between known workstreams, by index. */
export interface DependencyGraph {
  /** Node ids in `compareIds` order; a node's index is its position here. */
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** `deps[i]`: the nodes `i` depends on, ascending and distinct; unknown ids and `i` itself left out. */
  readonly deps: readonly (readonly number[])[];
  /** `depAt[i][k]`: where the dependency `deps[i][k]` was first written. */
  readonly depAt: readonly (readonly Location[])[];
  /** Dependencies of a node on itself, as written (first mention per node). */
  readonly selfLoops: readonly { node: number; at: Location }[];
}

/** An edge left out so that the rest can be scheduled: `node` depends on `dependsOn`. */
export interface BrokenEdge {
  node: number;
  dependsOn: number;
  at: Location;
}

/** More cycles than this per tangle would drown the reader; fixing these shows the rest. */
const MAX_CYCLES_PER_COMPONENT = 20;

/** Builds the graph; with duplicate ids the first node given wins (duplicates are the validator's to report). */
export function buildDependencyGraph(nodes: readonly GraphNodeInput[]): DependencyGraph {
  const unique = uniqueById(nodes);
  const indexOf = new Map(unique.map((node, i) => [node.id, i] as const));
  const deps: number[][] = [];
  const depAt: Location[][] = [];
  const selfLoops: { node: number; at: Location }[] = [];
  unique.forEach((node, i) => {
    const firstAt = new Map<number, Location>();
    for (const ref of node.dependsOn) {
      const j = indexOf.get(ref.id);
      if (j === undefined || firstAt.has(j)) continue;
      firstAt.set(j, ref.at);
    }
    const selfAt = firstAt.get(i);
    if (selfAt !== undefined) {
      selfLoops.push({ node: i, at: selfAt });
      firstAt.delete(i);
    }
    const targets = [...firstAt.keys()].sort((a, b) => a - b);
    deps.push(targets);
    depAt.push(targets.map((j) => firstAt.get(j)!));
  });
  return { ids: unique.map((node) => node.id), indexOf, deps, depAt, selfLoops };
}

/** The nodes sorted by id, first occurrence of each id kept. */
function uniqueById(nodes: readonly GraphNodeInput[]): GraphNodeInput[] {
  const sorted = [...nodes].sort((a, b) => compareIds(a.id, b.id));
  return sorted.filter((node, i) => i === 0 || sorted[i - 1]!.id !== node.id);
}

/** The reverse adjacency: for each node, the nodes that depend on it, ascending. */
function dependentsOf(deps: readonly (readonly number[])[]): number[][] {
  const dependents: number[][] = deps.map(() => []);
  deps.forEach((targets, i) => {
    for (const j of targets) dependents[j]!.push(i);
  });
  return dependents;
}

/**
 * Strongly connected components (Tarjan's algorithm with an explicit stack).
 * Returns a component number per node and each component's size; a one-node component
 * holds no cycle (self-loops are kept apart from `deps`).
 */
export function stronglyConnectedComponents(deps: readonly (readonly number[])[]): { component: Int32Array; sizes: number[] } {
  const n = deps.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const next = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const component = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  const stack: number[] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const calls = [root];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (calls.length > 0) {
      const v = calls[calls.length - 1]!;
      const targets = deps[v]!;
      if (next[v]! < targets.length) {
        const w = targets[next[v]!++]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          calls.push(w);
        } else if (onStack[w] === 1) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      calls.pop();
      if (low[v] === index[v]) {
        const id = sizes.length;
        let size = 0;
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = id;
          size++;
        } while (w !== v);
        sizes.push(size);
      }
      const parent = calls[calls.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent]!, low[v]!);
    }
  }
  return { component, sizes };
}

/**
 * Every dependency cycle, as diagnostics: one `self-dependency` per node that depends on
 * itself, and for each tangle (strongly connected component of more than one node) cycles
 * until every dependency inside the tangle appears in one, each the shortest through a
 * dependency not yet shown (at most 20 per tangle).
 */
export function findCycles(graph: DependencyGraph): Diagnostic[] {
  const found = graph.selfLoops.map(({ node, at }) => selfDependency(graph.ids[node]!, at));
  const { component, sizes } = stronglyConnectedComponents(graph.deps);
  const search = new PathSearch(graph.deps.length);
  const covered = new Set<string>();
  const perComponent = new Map<number, number>();
  graph.deps.forEach((targets, u) => {
    const c = component[u]!;
    if (sizes[c]! < 2) return;
    for (const v of targets) {
      if (component[v] !== c || covered.has(edgeKey(u, v))) continue;
      const count = perComponent.get(c) ?? 0;
      if (count >= MAX_CYCLES_PER_COMPONENT) return; // u's other edges in this tangle are past the cap too
      const back = search.shortestPath(graph.deps, v, u, (w) => component[w] === c);
      if (back.length === 0) continue; // cannot happen inside a component; never loop on it
      perComponent.set(c, count + 1);
      const cycle = [u, ...back.slice(0, -1)]; // the path ends back at u
      cycle.forEach((a, k) => covered.add(edgeKey(a, cycle[(k + 1) % cycle.length]!)));
      found.push(cycleDiagnostic(graph, rotateToSmallest(cycle), sizes[c]!));
    }
  });
  return found;
}

/** Cycle diagnostics for a list of workstreams: the validator's entry point. */
export function findDependencyCycles(nodes: readonly GraphNodeInput[]): Diagnostic[] {
  return findCycles(buildDependencyGraph(nodes));
}

function edgeKey(u: number, v: number): string {
  return `${u}>${v}`;
}

/** The same cycle starting at its smallest node, so the message reads the same however it was found. */
function rotateToSmallest(cycle: number[]): number[] {
  const at = cycle.indexOf(Math.min(...cycle));
  return [...cycle.slice(at), ...cycle.slice(0, at)];
}

/** Breadth-first search with reusable buffers (cycle search runs it once per uncovered edge). */
class PathSearch {
  private readonly parent: Int32Array;
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.seen = new Int32Array(n);
  }

  /** Shortest path `from` … `to` along `deps` through nodes where `allowed` holds; `[from]`-first, `to`-last. */
  shortestPath(deps: readonly (readonly number[])[], from: number, to: number, allowed: (node: number) => boolean): number[] {
    const stamp = ++this.stamp;
    this.seen[from] = stamp;
    this.parent[from] = -1;
    const queue = [from];
    for (let head = 0; head < queue.length && this.seen[to] !== stamp; head++) {
      const v = queue[head]!;
      for (const w of deps[v]!) {
        if (this.seen[w] === stamp || !allowed(w)) continue;
        this.seen[w] = stamp;
        this.parent[w] = v;
        queue.push(w);
      }
    }
    const path: number[] = [];
    if (this.seen[to] !== stamp) return path;
    for (let v = to; v !== -1; v = this.parent[v]!) path.push(v);
    return path.reverse();
  }
}

function selfDependency(id: string, at: Location): Diagnostic {
  return diagnostic("error", "self-dependency", at, `${id} depends on itself`, `remove ${id} from its own depends_on`);
}

/** A `dependency-cycle` diagnostic at the first edge, with every edge's position in `related`. */
function cycleDiagnostic(graph: DependencyGraph, cycle: number[], componentSize: number): Diagnostic {
  const edges = cycle.map((u, k) => [u, cycle[(k + 1) % cycle.length]!] as const);
  const related: Related[] = edges.map(([u, v]) => ({
    ...edgeLocation(graph, u, v),
    message: `${graph.ids[u]!} depends on ${graph.ids[v]!}`,
  }));
  const names = [...cycle, cycle[0]!].map((u) => graph.ids[u]!).join(" → ");
  const more = componentSize > cycle.length ? `; ${componentSize} workstreams are tangled together, fix this cycle and check again` : "";
  return diagnostic(
    "error",
    "dependency-cycle",
    edgeLocation(graph, edges[0]![0], edges[0]![1]),
    `dependency cycle ${names}: each depends on the next, so none of them can start`,
    `remove one of these depends_on entries, or make it a soft_depends_on${more}`,
    related,
  );
}

/** Where the edge `u` depends on `v` was written. */
export function edgeLocation(graph: DependencyGraph, u: number, v: number): Location {
  const k = graph.deps[u]!.indexOf(v);
  return graph.depAt[u]![k]!;
}

/**
 * The dependencies with every cycle broken, so that a plan with a cycle still gets a
 * schedule. Inside a tangle only the dependencies on a node with a smaller id are kept:
 * indices then strictly fall along every kept edge inside a tangle, so no cycle is left, and
 * the choice depends on ids alone, never on the order the records were read in.
 */
export function breakCycles(graph: DependencyGraph): { deps: number[][]; broken: BrokenEdge[] } {
  const { component, sizes } = stronglyConnectedComponents(graph.deps);
  const broken: BrokenEdge[] = [];
  const deps = graph.deps.map((targets, u) =>
    targets.filter((v, k) => {
      const keep = component[v] !== component[u] || sizes[component[u]!]! < 2 || v < u;
      if (!keep) broken.push({ node: u, dependsOn: v, at: graph.depAt[u]![k]! });
      return keep;
    }),
  );
  return { deps, broken };
}

/**
 * Kahn's algorithm, always taking the ready node with the smallest index (the smallest id).
 * `complete` is false when a cycle kept some nodes out of `order`.
 */
export function topologicalSort(deps: readonly (readonly number[])[]): { order: number[]; complete: boolean } {
  const waiting = deps.map((targets) => targets.length);
  const dependents = dependentsOf(deps);
  const ready = new MinHeap();
  waiting.forEach((count, i) => {
    if (count === 0) ready.push(i);
  });
  const order: number[] = [];
  for (let v = ready.pop(); v !== undefined; v = ready.pop()) {
    order.push(v);
    for (const w of dependents[v]!) {
      if (--waiting[w]! === 0) ready.push(w);
    }
  }
  return { order, complete: order.length === deps.length };
}

/** Every workstream id, dependencies first, ties broken by id; cycles are broken as in `breakCycles`. */
export function topologicalOrder(graph: DependencyGraph): string[] {
  return topologicalSort(breakCycles(graph).deps).order.map((i) => graph.ids[i]!);
}
