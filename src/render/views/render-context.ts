import path from "node:path";
import { decisionIndex } from "../../model/decision-ref.js";
import type { Decision, Plan, Risk, Wave, Workstream } from "../../model/types.js";
import type { PlanSchedule, WaveTiming, WorkstreamTiming } from "../../schedule/types.js";
import { adrPath, promptPath, sessionPath } from "../output-paths.js";

/** Look-ups shared by every view, built once per render so no view searches lists in a loop. */
export interface RenderContext {
  plan: Plan;
  schedule: PlanSchedule;
  workstream: Map<string, Workstream>;
  /** Timing in the schedule with waves (upper end of durations): the plan as it will run. */
  timing: Map<string, WorkstreamTiming>;
  /** Timing at the lower end of durations. */
  timingLow: Map<string, WorkstreamTiming>;
  /** The wave that merges each workstream. */
  waveOf: Map<string, Wave>;
  waveTiming: Map<number, WaveTiming>;
  /** The ADR a reference names (`3`, `ADR-0003`, `0003-use-x.md`, a log4brains file name), if it exists. */
  findDecision(ref: string): Decision | undefined;
  risk: Map<string, Risk>;
  promptPath: Map<string, string>;
  /** Workstreams that depend (hard) on each workstream. */
  dependents: Map<string, string[]>;
  sessionPaths: string[];
}


/** Builds the shared look-ups. */
export function renderContext(plan: Plan, schedule: PlanSchedule): RenderContext {
  const waveOf = new Map<string, Wave>();
  for (const wave of plan.waves) for (const ref of wave.workstreams) if (!waveOf.has(ref.id)) waveOf.set(ref.id, wave);
  for (const ws of plan.workstreams) {
    const wave = plan.waves.find((w) => w.number === ws.wave);
    if (wave && !waveOf.has(ws.id)) waveOf.set(ws.id, wave);
  }
  const decisions = decisionIndex(plan.decisions);
  const dependents = new Map<string, string[]>();
  for (const edge of schedule.edges) dependents.set(edge.dependsOn, [...(dependents.get(edge.dependsOn) ?? []), edge.workstream]);
  return {
    plan,
    schedule,
    workstream: new Map(plan.workstreams.map((w) => [w.id, w])),
    timing: new Map(schedule.withWaves.high.workstreams.map((t) => [t.id, t])),
    timingLow: new Map(schedule.withWaves.low.workstreams.map((t) => [t.id, t])),
    waveOf,
    waveTiming: new Map(schedule.withWaves.high.waves.map((w) => [w.number, w])),
    findDecision: (ref) => decisions.find(ref),
    risk: new Map(plan.risks.map((r) => [r.id, r])),
    promptPath: new Map(plan.workstreams.map((w) => [w.id, promptPath(w)])),
    dependents,
    sessionPaths: plan.sessions.map(sessionPath),
  };
}

/** A relative link from one output file to another (`../adr/0001-x.md`). */
export function linkFrom(from: string, to: string): string {
  return path.posix.relative(path.posix.dirname(from), to);
}

export { adrPath };
