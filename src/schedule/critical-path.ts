/**
 * Critical paths: the chains of zero-slack workstreams that set the makespan.
 *
 * A workstream is critical when its slack is zero. Each critical workstream either begins
 * when it may (its `start`, or day 1) or right after a critical prerequisite, and either
 * ends the plan or is a tight prerequisite of a critical event, so the critical workstreams
 * form chains from a start to the end. Wave merges inside a chain are left out of the id
 * lists (a workstream waiting for a merge waits, through it, for the workstreams that set
 * the merge day); which merges are critical is shown on the waves themselves.
 */
import type { Network } from "./network.js";
import { isTight, slackOf, type Passes } from "./schedule.js";

/** Ties can multiply paths without bound; more than this many are not listed. */
const MAX_CRITICAL_PATHS = 50;

/** Every critical path, as workstream id lists in lexicographic id order, at most MAX_CRITICAL_PATHS. */
export function findCriticalPaths(net: Network, passes: Passes, ids: readonly string[]): { paths: string[][]; truncated: boolean } {
  const next = criticalSuccessors(net, passes);
  const hasPred = new Uint8Array(net.workstreamCount);
  for (const targets of next) for (const t of targets) hasPred[t] = 1;
  const paths: number[][] = [];
  let truncated = false;
  for (let u = 0; u < net.workstreamCount && !truncated; u++) {
    if (slackOf(passes, u) !== 0 || hasPred[u] === 1) continue;
    truncated = enumeratePaths(u, next, paths);
  }
  return { paths: paths.map((path) => path.map((u) => ids[u]!)), truncated };
}

/**
 * For each critical workstream, the critical workstreams that begin right after it, directly
 * or through tight critical merges (ascending, distinct).
 */
function criticalSuccessors(net: Network, passes: Passes): number[][] {
  const feeders = mergeFeeders(net, passes);
  const next: number[][] = Array.from({ length: net.workstreamCount }, () => []);
  for (let u = 0; u < net.workstreamCount; u++) {
    if (slackOf(passes, u) !== 0) continue;
    for (const p of criticalTightPreds(net, passes, u)) {
      const sources = p < net.workstreamCount ? [p] : (feeders.get(p) ?? []);
      for (const s of sources) next[s]!.push(u);
    }
  }
  return next.map((targets) => [...new Set(targets)].sort((a, b) => a - b));
}

/** For each critical merge, the critical workstreams whose finish sets it, through earlier tight merges too. */
function mergeFeeders(net: Network, passes: Passes): Map<number, number[]> {
  const feeders = new Map<number, number[]>();
  for (const v of net.order) {
    if (v < net.workstreamCount || slackOf(passes, v) !== 0) continue;
    const found = new Set<number>();
    for (const p of criticalTightPreds(net, passes, v)) {
      if (p < net.workstreamCount) found.add(p);
      else for (const f of feeders.get(p) ?? []) found.add(f);
    }
    feeders.set(v, [...found]);
  }
  return feeders;
}

/** The prerequisites of `v` that have zero slack and set its time. */
function criticalTightPreds(net: Network, passes: Passes, v: number): number[] {
  return net.preds[v]!.filter((p) => slackOf(passes, p) === 0 && isTight(net, passes, p, v));
}

/**
 * Appends every path from `start` to a workstream with no critical successor, depth first
 * with an explicit stack (chains can be 50,000 long). Returns true when it stopped at the cap.
 */
function enumeratePaths(start: number, next: readonly (readonly number[])[], paths: number[][]): boolean {
  const path = [start];
  const cursor = [0];
  if (next[start]!.length === 0) return emit(path, paths);
  while (path.length > 0) {
    const top = path.length - 1;
    const targets = next[path[top]!]!;
    if (cursor[top]! >= targets.length) {
      path.pop();
      cursor.pop();
      continue;
    }
    const w = targets[cursor[top]!++]!;
    path.push(w);
    cursor.push(0);
    if (next[w]!.length === 0 && emit(path, paths)) return true;
  }
  return false;
}

/** Records a finished path; true when the cap had already been reached (the path is not recorded). */
function emit(path: readonly number[], paths: number[][]): boolean {
  if (paths.length >= MAX_CRITICAL_PATHS) return true;
  paths.push([...path]);
  return false;
}
