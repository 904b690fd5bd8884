import v8 from "node:v8";
import vm from "node:vm";
import type { Plan } from "../model/types.js";

/**
 * Below this many files or documents a build never collects garbage itself: V8's own pacing is cheapest.
 * Above it, V8 lets a build's garbage (every file's syntax tree, every rendered page) grow the heap far past what
 * the build keeps: at 10,000 records, 350 MB of heap for 90 MB still in use, and a 480 MB peak.
 */
const COLLECT_FROM = 2_000;

/** How often a large build collects: every this many files parsed or documents rendered (1,000 let a 10,000-record `check` peak at 318 MB, 500 at 303 MB). */
const COLLECT_EVERY = 500;

let gc: (() => void) | undefined;

/** Runs a full garbage collection now (about 30 ms per 100 MB in use), so memory is given back during a large build. */
function collectGarbage(): void {
  if (!gc) {
    // The documented way to reach V8's collector without starting node with --expose-gc.
    v8.setFlagsFromString("--expose-gc");
    gc = vm.runInNewContext("gc") as () => void;
  }
  gc();
}

/** A counter that collects garbage every `COLLECT_EVERY` calls, when the build has at least `COLLECT_FROM` items. */
export function garbagePacer(items: number): () => void {
  if (items < COLLECT_FROM) return () => {};
  let count = 0;
  return () => {
    if (++count % COLLECT_EVERY === 0) collectGarbage();
  };
}

/**
 * The pacer for rendering a plan's documents: one per workstream, ADR and session, and a few more. A large build
 * collects once before the first document too: the parsed files it built the plan from are garbage by then (at
 * 10,000 records, 110 MB that V8 would otherwise carry into rendering, on top of the plan).
 */
export function documentPacer(plan: Pick<Plan, "workstreams" | "decisions" | "sessions">): () => void {
  collectIfLarge(plan);
  return garbagePacer(documentCount(plan));
}

/** Collects garbage now when the plan is large: before a step that needs much memory of its own (serialising the plan). */
export function collectIfLarge(plan: Pick<Plan, "workstreams" | "decisions" | "sessions">): void {
  if (documentCount(plan) >= COLLECT_FROM) collectGarbage();
}

function documentCount(plan: Pick<Plan, "workstreams" | "decisions" | "sessions">): number {
  return plan.workstreams.length + plan.decisions.length + plan.sessions.length;
}
