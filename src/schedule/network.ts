/**
 * The event network a schedule is computed on. Each node is an event at the end of a day:
 * a workstream finishing, or (with waves) a wave merging. A node may begin once every
 * prerequisite has happened and not before its `base`; then it takes `span` days:
 *
 *   time(node) = max(base, time of each prerequisite) + span
 *
 * A workstream of span s that may begin after the end of day r works days r+1 … r+s, so its
 * finish day is r+s. A wave merge has span 0: it happens at the end of the day its last
 * prerequisite happens, or on its planned day (its base) when that is later.
 *
 * On dependencies alone a workstream's prerequisites are its hard dependencies. With waves
 * (the rule of plan-format.md): a dependency merged by an earlier wave than the dependent's
 * is a prerequisite through that wave's merge; one merged by the same wave (or not merged by
 * any wave) is a prerequisite directly, the dependent branching from it. A wave's
 * prerequisites are its workstreams and the previous wave's merge.
 */
import { topologicalSort } from "./graph.js";
import type { WaveOrderViolation, WavePlan } from "./waves.js";

/** Prerequisites, durations and lower bounds of the events of one schedule. */
export interface Network {
  /** Nodes 0 … workstreamCount−1 are workstream finishes (in id order); the rest are wave merges, in wave order. */
  workstreamCount: number;
  /** The day after whose end a node may begin at the earliest: a workstream's `start` − 1, a wave's planned day (0 when none). */
  base: number[];
  /** Whole days of work: ≥ 1 for a workstream, 0 for a merge. */
  span: number[];
  /** Prerequisites of each node, ascending. */
  preds: number[][];
  /** Nodes each node is a prerequisite of, ascending. */
  succs: number[][];
  /** Every node, each after its prerequisites. */
  order: number[];
}

/** The network on hard dependencies alone. `deps` must be acyclic. */
export function dependenciesOnlyNetwork(deps: readonly (readonly number[])[], span: readonly number[], base: readonly number[]): Network {
  return finish(
    deps.length,
    [...base],
    [...span],
    deps.map((targets) => [...targets]),
  ).net;
}

/**
 * The network with waves. Dependencies breaking the wave order (see waves.ts) are kept as
 * direct prerequisites when the network stays acyclic, and left out when keeping them would
 * make a workstream wait for its own wave's merge (they are reported as errors anyway).
 */
export function wavesNetwork(deps: readonly (readonly number[])[], span: readonly number[], base: readonly number[], plan: WavePlan, violations: readonly WaveOrderViolation[]): Network {
  const attempt = finish(deps.length, waveBases(base, plan), waveSpans(span, plan), wavePreds(deps, plan, new Set()));
  if (attempt.complete || violations.length === 0) return attempt.net;
  const dropped = new Set(violations.map((v) => `${v.node}>${v.via}`));
  return finish(deps.length, waveBases(base, plan), waveSpans(span, plan), wavePreds(deps, plan, dropped)).net;
}

function waveBases(base: readonly number[], plan: WavePlan): number[] {
  return [...base, ...plan.waves.map((w) => w.plannedDay ?? 0)];
}

function waveSpans(span: readonly number[], plan: WavePlan): number[] {
  return [...span, ...plan.waves.map(() => 0)];
}

/** Prerequisites with waves, leaving out the dependencies named in `dropped` (`node>dependency`). */
function wavePreds(deps: readonly (readonly number[])[], plan: WavePlan, dropped: ReadonlySet<string>): number[][] {
  const n = deps.length;
  const preds = deps.map((targets, u) => {
    const own = plan.waveOf[u]!;
    const found = new Set<number>();
    for (const v of targets) {
      const theirs = plan.waveOf[v]!;
      if (own >= 0 && theirs >= 0 && theirs < own) found.add(n + theirs);
      else if (!dropped.has(`${u}>${v}`)) found.add(v);
    }
    return [...found].sort((a, b) => a - b);
  });
  plan.waves.forEach((wave, k) => preds.push(k === 0 ? [...wave.members] : [...wave.members, n + k - 1]));
  return preds;
}

/** Completes a network: successors and a topological order (every node listed, even if a cycle slipped through). */
function finish(workstreamCount: number, base: number[], span: number[], preds: number[][]): { net: Network; complete: boolean } {
  const succs: number[][] = preds.map(() => []);
  preds.forEach((ps, v) => {
    for (const p of ps) succs[p]!.push(v);
  });
  const { order, complete } = topologicalSort(preds);
  if (!complete) appendMissing(order, preds.length);
  return { net: { workstreamCount, base, span, preds, succs, order }, complete };
}

/** Never reached for a valid build (see waves.ts); keeps the passes total instead of throwing. */
function appendMissing(order: number[], count: number): void {
  const listed = new Uint8Array(count);
  for (const v of order) listed[v] = 1;
  for (let v = 0; v < count; v++) if (listed[v] === 0) order.push(v);
}
