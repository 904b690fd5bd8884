/**
 * The forward and backward passes over an event network (see network.ts): each event's
 * earliest time, its latest time that does not delay the makespan, and so its slack.
 */
import type { Network } from "./network.js";

/** Times of every node of a network, as end-of-day day numbers. */
export interface Passes {
  /** Earliest time: a workstream's finish day, a wave's merge day. */
  time: number[];
  /** Latest time that does not delay the makespan. */
  latest: number[];
  /** The last time of any node (0 for an empty network). */
  makespan: number;
}

/** Runs both passes; nodes missing from `order` (none, unless a cycle slipped through) count as time 0. */
export function runPasses(net: Network): Passes {
  const time = forwardPass(net);
  const makespan = time.reduce((a, b) => Math.max(a, b), 0);
  return { time, latest: backwardPass(net, makespan), makespan };
}

/** Earliest times: each node as soon as its prerequisites and its base allow. */
function forwardPass(net: Network): number[] {
  const time = net.base.map(() => 0);
  for (const v of net.order) {
    let ready = net.base[v]!;
    for (const p of net.preds[v]!) ready = Math.max(ready, time[p]!);
    time[v] = ready + net.span[v]!;
  }
  return time;
}

/** Latest times: each node early enough that every successor can still begin by its own latest start. */
function backwardPass(net: Network, makespan: number): number[] {
  const latest = net.base.map(() => makespan);
  for (let k = net.order.length - 1; k >= 0; k--) {
    const v = net.order[k]!;
    for (const s of net.succs[v]!) latest[v] = Math.min(latest[v]!, latest[s]! - net.span[s]!);
  }
  return latest;
}

/** Days a node can slip without delaying the makespan. */
export function slackOf(passes: Passes, node: number): number {
  return passes.latest[node]! - passes.time[node]!;
}

/** Whether `p` sets the time of its successor `v`: `v` begins right after `p` happens. */
export function isTight(net: Network, passes: Passes, p: number, v: number): boolean {
  return passes.time[p] === passes.time[v]! - net.span[v]!;
}
