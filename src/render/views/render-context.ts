import path from "node:path/posix";
import { decisionIndex } from "../../model/decision-ref.js";
import { groupBy } from "../../model/group-by.js";
import type { Agent, Decision, Plan, Risk, Session, Wave, Workstream } from "../../model/types.js";
import type { FileConflict, PlanSchedule, WaveExecution, WaveTiming, WorkstreamExecution, WorkstreamTiming } from "../../schedule/types.js";
import { promptPath, sessionPath } from "../../model/output-paths.js";
import { ownedFileIndex, type OwnedFileIndex } from "./nearby-owned-files.js";

/** Look-ups shared by every view, built once per render so no view searches lists in a loop. */
export interface RenderContext {
  plan: Plan;
  schedule: PlanSchedule;
  workstream: Map<string, Workstream>;
  /** Each workstream's place in the plan, to list a few of them in plan order without scanning all. */
  position: Map<string, number>;
  /** The workstreams active on each day (schedule with waves, upper end of durations, as `timing`). */
  activeOn: Map<number, string[]>;
  /** Timing in the schedule with waves (upper end of durations): the plan as it will run. */
  timing: Map<string, WorkstreamTiming>;
  /** Timing at the lower end of durations. */
  timingLow: Map<string, WorkstreamTiming>;
  /** The wave that merges each workstream (the rest of it, when it merges in parts). */
  waveOf: Map<string, Wave>;
  /** How each workstream runs: base, merges, days, wave (the execution model). */
  execution: Map<string, WorkstreamExecution>;
  /** How each wave runs: its integration branch, what it is made from, where it ends. */
  waveExecution: Map<number, WaveExecution>;
  waveTiming: Map<number, WaveTiming>;
  /** The ADR a reference names (`3`, `ADR-0003`, `0003-use-x.md`, a log4brains file name), if it exists. */
  findDecision(ref: string): Decision | undefined;
  risk: Map<string, Risk>;
  promptPath: Map<string, string>;
  /** Workstreams that depend (hard) on each workstream. */
  dependents: Map<string, string[]>;
  sessionPaths: string[];
  agent: Map<string, Agent>;
  /** The risks, ADRs and shared-file conflicts that name each workstream. */
  risksOf: Map<string, Risk[]>;
  decisionsOf: Map<string, Decision[]>;
  conflictsOf: Map<string, FileConflict[]>;
  /** What points at each ADR: the other ADRs' links (with their relation) and the sessions that cite it. */
  linksTo: Map<Decision, { from: Decision; relation: string }[]>;
  citedBy: Map<Decision, Session[]>;
  /** Owned files over all workstreams. */
  ownedFiles: number;
  /** Every owned pattern by folder, so a prompt finds the files near its own without scanning the plan. */
  ownedIndex: OwnedFileIndex;
}

/** Each item under every id it names, once per id. */
function byNamed<T>(items: readonly T[], refs: (item: T) => readonly { id: string }[]): Map<string, T[]> {
  return groupBy(items.flatMap((item) => [...new Set(refs(item).map((r) => r.id))].map((id): [string, T] => [id, item])));
}

/** Builds the shared look-ups. */
export function renderContext(plan: Plan, schedule: PlanSchedule): RenderContext {
  // The schedule decided which wave merges each workstream; views never decide it again.
  const waveRecord = new Map<number, Wave>();
  for (const wave of plan.waves) if (!waveRecord.has(wave.number)) waveRecord.set(wave.number, wave);
  const execution = new Map(schedule.execution.workstreams.map((e) => [e.id, e]));
  const waveOf = new Map<string, Wave>();
  for (const e of schedule.execution.workstreams) {
    const wave = e.wave === null ? undefined : waveRecord.get(e.wave);
    if (wave) waveOf.set(e.id, wave);
  }
  const decisions = decisionIndex(plan.decisions);
  const dependents = groupBy(schedule.edges.map((edge): [string, string] => [edge.dependsOn, edge.workstream]));
  const linksTo = groupBy(
    plan.decisions.flatMap((from) =>
      from.links.flatMap((l) => {
        const target = decisions.find(l.target.id);
        return target && target !== from ? [[target, { from, relation: l.relation }] as [Decision, { from: Decision; relation: string }]] : [];
      }),
    ),
  );
  const citedBy = groupBy(plan.sessions.flatMap((s) => [...new Set(s.decisions.flatMap((r) => decisions.find(r.id) ?? []))].map((d): [Decision, Session] => [d, s])));
  return {
    plan,
    schedule,
    workstream: new Map(plan.workstreams.map((w) => [w.id, w])),
    position: new Map(plan.workstreams.map((w, i) => [w.id, i])),
    activeOn: new Map(schedule.withWaves.high.days.map((d) => [d.day, d.active])),
    timing: new Map(schedule.withWaves.high.workstreams.map((t) => [t.id, t])),
    timingLow: new Map(schedule.withWaves.low.workstreams.map((t) => [t.id, t])),
    waveOf,
    execution,
    waveExecution: new Map(schedule.execution.waves.map((w) => [w.number, w])),
    waveTiming: new Map(schedule.withWaves.high.waves.map((w) => [w.number, w])),
    findDecision: (ref) => decisions.find(ref),
    risk: new Map(plan.risks.map((r) => [r.id, r])),
    promptPath: new Map(plan.workstreams.map((w) => [w.id, promptPath(w)])),
    dependents,
    sessionPaths: plan.sessions.map(sessionPath),
    agent: new Map(plan.agents.map((a) => [a.id, a])),
    risksOf: byNamed(plan.risks, (r) => r.workstreams),
    decisionsOf: byNamed(plan.decisions, (d) => d.workstreams),
    conflictsOf: byNamed(schedule.conflicts, (c) => c.sides.map((s) => ({ id: s.workstream }))),
    linksTo,
    citedBy,
    ownedFiles: plan.workstreams.reduce((n, w) => n + w.owns.length, 0),
    ownedIndex: ownedFileIndex(plan.workstreams),
  };
}

/** A relative link from one output file to another (`../adr/0001-x.md`), encoded as a Markdown link destination. */
export function linkFrom(from: string, to: string): string {
  return linkTarget(path.relative(path.dirname(from), to));
}

/**
 * A path as a link destination: the characters that would end or change it percent-encoded (`#` starts a fragment,
 * `?` a query, `%` an escape, `&` a character reference, parentheses, brackets and spaces end it, `|` a table cell).
 * Letters of any script are kept as written: they are valid in links and readable.
 */
function linkTarget(filePath: string): string {
  return filePath.replace(/[\s%#?&()[\]<>\\|"`^{}]/gu, (c) => encodeURIComponent(c).replace(/[()]/g, (p) => `%${p.charCodeAt(0).toString(16).toUpperCase()}`));
}
