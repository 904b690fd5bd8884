/**
 * The computed schedule of a plan: plain JSON data (no Maps, classes, functions or
 * undefined), exported as JSON and handed to templates as is. Days are 1-based working days
 * (see durations.ts for the day convention); every id list is in id order unless it says
 * otherwise.
 */
import type { Range } from "./durations.js";

export type { Range } from "./durations.js";

/** When one workstream runs in one schedule. */
export interface WorkstreamTiming {
  /** The workstream's id. */
  id: string;
  /** Its first working day. */
  start: number;
  /** Its last working day: it finishes at the end of this day. */
  finish: number;
  /** Days its finish can slip without delaying the makespan. */
  slack: number;
  /** Zero slack: on a critical path (or holding a critical wave merge back). */
  critical: boolean;
}

/** When one integration wave merges, in one schedule with waves. */
export interface WaveTiming {
  /** The wave number. */
  number: number;
  /** The planned merge day, null when none was written. */
  plannedDay: number | null;
  /** The day it merges (at the end of the day): planned day, last member's finish, previous wave's merge, whichever is latest; 0 when it waits for nothing. */
  mergeDay: number;
  /** Days after the planned day it merges; 0 when on time or unplanned. */
  lateBy: number;
  /** Its workstreams that finish after the planned day (what makes it late). */
  lateWorkstreams: string[];
  /** The previous wave, when that one merges after this one's planned day (waves merge in order); otherwise null. */
  waitsForWave: number | null;
  /** The workstreams it merges (in full, or the rest of). */
  workstreams: string[];
  /** The workstreams it merges a part of (what is done by its day); they do not hold it back. */
  parts: string[];
  /** Days its merge can slip without delaying the makespan. */
  slack: number;
  /** Zero slack: a critical workstream or the end of the plan waits for this merge. */
  critical: boolean;
}

/** One working day of a schedule. */
export interface DayActivity {
  /** The day number. */
  day: number;
  /** Workstreams working on it. */
  active: string[];
  /** Workstreams starting on it. */
  starting: string[];
  /** Workstreams finishing at its end. */
  finishing: string[];
  /** Waves merging at its end. */
  merging: number[];
}

/** One schedule: with waves or on dependencies alone, at one end of the durations. */
export interface ScheduleVariant {
  /** Every workstream's timing. */
  workstreams: WorkstreamTiming[];
  /** The last day anything finishes or merges (0 for an empty plan). */
  makespan: number;
  /** Every chain of critical workstreams from a start to the end of the plan, lexicographic by ids; wave merges between them are left out (see `waves[].critical`). */
  criticalPaths: string[][];
  /** True when there were more critical paths than the 50 listed. */
  criticalPathsTruncated: boolean;
  /** Each wave's merge; empty in the schedule on dependencies alone. */
  waves: WaveTiming[];
  /** Days 1 … makespan (at most the first 100,000). */
  days: DayActivity[];
  /** The most workstreams active on one day, and the days that happens. */
  peak: { count: number; days: number[] };
}

/** A hard dependency, for diagrams and listings: `workstream` depends on `dependsOn`. */
export interface DependencyEdge {
  /** The dependent. */
  workstream: string;
  /** What it depends on. */
  dependsOn: string;
}

/** One side of a file conflict. */
export interface ConflictSide {
  /** The workstream. */
  workstream: string;
  /** The path or glob as it wrote it. */
  pattern: string;
  /** Whether it owns or only touches it. */
  kind: "owns" | "touches";
}

/** A file (or set of files) that two workstreams both name in `owns` / `touches`. */
export interface FileConflict {
  /** The shared path: the literal path when one side names one, else the narrower pattern. */
  file: string;
  /** The two workstreams, in id order. */
  sides: ConflictSide[];
  /** Whether their active days overlap in the schedule with waves, at either end of the durations. */
  overlapping: boolean;
  /** The overlapping days in the schedule with waves, at each end of the durations. */
  days: { low: number[]; high: number[] };
  /** The first rule of the project's resolution protocol that covers the file, null when none. */
  rule: { file: string; rule: string } | null;
}

/** The work given to one agent persona. */
export interface AgentLoad {
  /** The agent id. */
  agent: string;
  /** Sum of its workstreams' durations (fractions kept). */
  days: Range;
  /** Its workstreams. */
  workstreams: string[];
}

/** Everything computed from a plan's records; see plan-format.md, "Computed, never written by hand". */
export interface PlanSchedule {
  /** Not computed: from `paraplan.config.json`, the number of workstreams beyond which the execution plan is split into pages. */
  planPagesAbove?: number;
  /** The schedule with integration waves (the plan as it will run), at each end of the durations; `high` is the headline. */
  withWaves: { high: ScheduleVariant; low: ScheduleVariant };
  /** The schedule on hard dependencies alone, waves ignored. */
  dependenciesOnly: { high: ScheduleVariant; low: ScheduleVariant };
  /** Sum of all durations: the time one agent would take alone. */
  sequentialTotal: Range;
  /** Sequential total / makespan, 2 decimals (0 when the makespan is 0). */
  speedUp: { withWaves: Range; dependenciesOnly: Range };
  /** What the waves cost: the makespan with waves minus the makespan on dependencies alone, and why. */
  waveCost: { days: Range; summary: string };
  /** Every workstream id, dependencies first, ties broken by id. */
  order: string[];
  /** Hard dependencies between known workstreams, as written. */
  edges: DependencyEdge[];
  /** Soft dependencies: shown, never delaying anything. */
  softEdges: DependencyEdge[];
  /** Hard dependencies left out of every schedule to break a cycle (reported as errors). */
  brokenEdges: DependencyEdge[];
  /** Each agent's load, by agent id; workstreams without an agent are left out. */
  agentLoad: AgentLoad[];
  /** Files shared by two workstreams, by file then workstreams. */
  conflicts: FileConflict[];
  /** Where each workstream branches from, what it merges in, when it runs and where it is merged. */
  execution: ExecutionModel;
  /** The scheduling problems found (late waves, shared files without a rule, too many at once, blocked work, a missed target), with their fixes. */
  problems: ScheduleProblem[];
  /** The project's `target_days` against the makespan with waves, and changes that would meet it (target.ts); null without a target. */
  target: import("./target.js").TargetCheck | null;
}

/** A scheduling problem as documents show it: what, where, and what to do. */
export interface ScheduleProblem {
  /** The diagnostic code (`wave-late`). */
  code: string;
  severity: "error" | "warning" | "info";
  /** The plan file it points at, and the line. */
  file: string;
  line: number;
  message: string;
  /** What to do; empty when there is no hint. */
  hint: string;
}

/** A git ref a workstream's worktree starts from, or merges in before it starts. */
export interface BranchSource {
  /** The ref: the project's base commit or branch, a wave's integration branch, or a workstream's branch. */
  ref: string;
  /** What the ref is. */
  kind: "base" | "wave" | "workstream";
  /** The wave, for kind `wave`; otherwise null. */
  wave: number | null;
  /** The workstream, for kind `workstream`; otherwise null. */
  workstream: string | null;
  /** It is ready at the end of this day (0: from the start), at each end of the durations. */
  readyAfter: Range;
}

/** How one workstream runs: where it branches from, what it merges in, when it works, where it is merged. */
export interface WorkstreamExecution {
  /** The workstream's id. */
  id: string;
  /** Its status as recorded. */
  status: string;
  /** Its branch. */
  branch: string;
  /** Its worktree path. */
  worktree: string;
  /** What its worktree branches from. */
  base: BranchSource;
  /** What it merges into its branch before it starts (other same-wave dependencies, an earlier wave), in order. */
  mergeIn: BranchSource[];
  /** Its first working day at each end of the durations (a pair with `finish`). */
  start: Range;
  /** Its last working day at each end of the durations. */
  finish: Range;
  /** The wave that merges it (the rest of it, when it merges in parts); null when none does. */
  wave: number | null;
  /** Earlier waves that each merge a part of it (what is done by their day). */
  partWaves: number[];
  /** The integration branch its wave merges it into; null when no wave merges it. */
  into: string | null;
  /** Hard dependencies that are not yet merged (or, for a same-wave dependency, not yet done). */
  waitsFor: string[];
  /** Planned, and nothing it needs is still missing: it can start now. */
  canStartNow: boolean;
}

/** How one wave runs: its integration branch, what it is made from, and where it ends. */
export interface WaveExecution {
  /** The wave number. */
  number: number;
  /** The integration branch it merges into (never the base branch: the last wave's gates run before anything reaches it). */
  branch: string;
  /** What the integration branch is created from: the previous wave's integration branch, or the project's base. */
  from: string;
  /** The base branch, for the last wave (merged into it once its gates pass); otherwise null. */
  into: string | null;
  /** Its merge day at each end of the durations. */
  mergeDay: Range;
  /** The workstreams it merges in full (or the rest of). */
  workstreams: string[];
  /** The workstreams it takes a part of. */
  parts: string[];
  /** Every workstream it merges is `merged`. */
  merged: boolean;
}

/** The execution model (docs/execution-model.md): one answer, for every document, to where and when each piece of work runs. */
export interface ExecutionModel {
  /** The branch every wave ends in. */
  baseBranch: string;
  /** What the first worktrees and the first wave start from: the base commit, or the base branch. */
  baseRef: string;
  /** Each workstream, in id order. */
  workstreams: WorkstreamExecution[];
  /** Each wave, in order. */
  waves: WaveExecution[];
  /** Workstreams that can start now, in id order. */
  canStartNow: string[];
}
