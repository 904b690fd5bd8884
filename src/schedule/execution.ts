/**
 * The execution model: where each workstream's worktree branches from, what it merges in
 * before it starts, when it works, and which integration branch takes it (see
 * docs/execution-model.md). It follows the schedule's own rules, so every document that states
 * it agrees with the figures:
 *
 * - A workstream with no hard dependency branches from the project's base (the base commit,
 *   else the base branch).
 * - A dependency merged by an earlier wave reaches it through that wave's integration branch,
 *   which carries every wave before it too; the worktree branches from the latest such branch,
 *   once that wave has merged.
 * - A dependency merged by the same wave (or by none) reaches it through the dependency's own
 *   branch, once the dependency is finished: the worktree branches from the one that finishes
 *   last and merges in the others and the earlier wave's branch.
 * - Each wave merges into its own integration branch, created from the previous wave's (the
 *   first from the base); the last wave's branch is merged into the base branch only after its
 *   gates pass, so nothing reaches the base branch untested.
 */
import type { Plan, Workstream } from "../model/types.js";
import type { BranchSource, ExecutionModel, Range, ScheduleVariant, WaveExecution, WorkstreamExecution } from "./types.js";
import type { WavePlan } from "./waves.js";

/** The integration branch of a wave: its `branch`, unless that is the base branch (or none is written). */
function integrationBranch(branch: string | undefined, number: number, baseBranch: string): string {
  return branch && branch !== baseBranch ? branch : `integration/wave${number}`;
}

/** The execution model of a plan from its wave plan, (cycle-free) dependencies and both schedules with waves. */
export function executionModel(
  plan: Plan,
  workstreams: readonly Workstream[],
  deps: readonly (readonly number[])[],
  wavePlan: WavePlan,
  withWaves: { low: ScheduleVariant; high: ScheduleVariant },
): ExecutionModel {
  const { project } = plan;
  const baseRef = project.baseCommit ?? project.baseBranch;
  const pair = (pick: (v: ScheduleVariant) => number): Range => ({ low: pick(withWaves.low), high: pick(withWaves.high) });

  const waves: WaveExecution[] = wavePlan.waves.map((wave, k) => {
    const branch = integrationBranch(wave.record?.branch, wave.number, project.baseBranch);
    return {
      number: wave.number,
      branch,
      from: "",
      into: k === wavePlan.waves.length - 1 ? project.baseBranch : null,
      mergeDay: pair((v) => v.waves[k]!.mergeDay),
      workstreams: wave.members.map((i) => workstreams[i]!.id),
      parts: wave.partial.map((i) => workstreams[i]!.id),
      merged: wave.members.length > 0 && wave.members.every((i) => workstreams[i]!.status === "merged"),
    };
  });
  waves.forEach((w, k) => (w.from = k === 0 ? baseRef : waves[k - 1]!.branch));

  const finishOf = (i: number): Range => pair((v) => v.workstreams[i]!.finish);
  const sourceOf = (own: number, v: number): BranchSource => {
    const theirs = wavePlan.waveOf[v]!;
    if (own >= 0 && theirs >= 0 && theirs < own) {
      const w = waves[theirs]!;
      return { ref: w.branch, kind: "wave", wave: w.number, workstream: null, readyAfter: w.mergeDay };
    }
    const ws = workstreams[v]!;
    return { ref: ws.branch, kind: "workstream", wave: null, workstream: ws.id, readyAfter: finishOf(v) };
  };
  const base: BranchSource = { ref: baseRef, kind: "base", wave: null, workstream: null, readyAfter: { low: 0, high: 0 } };

  const list: WorkstreamExecution[] = workstreams.map((ws, i) => {
    const own = wavePlan.waveOf[i]!;
    const sources = deps[i]!.map((v) => sourceOf(own, v));
    const fromWaves = sources.filter((s) => s.kind === "wave").sort((a, b) => b.wave! - a.wave!);
    const fromBranches = sources.filter((s) => s.kind === "workstream").sort((a, b) => b.readyAfter.high - a.readyAfter.high || a.ref.localeCompare(b.ref));
    const latestWave = fromWaves[0];
    const start = fromBranches[0] ?? latestWave ?? base;
    const mergeIn = [...fromBranches.slice(1), ...(fromBranches.length > 0 && latestWave ? [latestWave] : [])];
    const waitsFor = deps[i]!.filter((v) => !isReady(workstreams[v]!, sourceOf(own, v))).map((v) => workstreams[v]!.id);
    return {
      id: ws.id,
      status: ws.status,
      branch: ws.branch,
      worktree: ws.worktree,
      base: start,
      mergeIn,
      start: pair((v) => v.workstreams[i]!.start),
      finish: finishOf(i),
      wave: own >= 0 ? waves[own]!.number : null,
      partWaves: wavePlan.partsOf[i]!.map((k) => waves[k]!.number),
      into: own >= 0 ? waves[own]!.branch : null,
      waitsFor,
      canStartNow: ws.status === "planned" && waitsFor.length === 0,
    };
  });
  return { baseBranch: project.baseBranch, baseRef, workstreams: list, waves, canStartNow: list.filter((w) => w.canStartNow).map((w) => w.id) };
}

/** Whether a dependency is there to build on now: merged, or done on its own branch when that branch is the source. */
function isReady(dep: Workstream, source: BranchSource): boolean {
  return dep.status === "merged" || (source.kind === "workstream" && dep.status === "done");
}
