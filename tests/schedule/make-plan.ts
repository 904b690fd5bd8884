/**
 * Builds `Plan` objects for schedule tests from short specs, with fake but distinct and
 * predictable positions:
 * - workstream `X` lives in `plan/workstreams/X.md` (record span line 1–20);
 *   its k-th `depends_on` entry is at line 3, column 10k+1; its k-th soft one at line 4;
 *   its k-th `owns` entry at line 6+k, its k-th `touches` entry at line 12+k;
 * - wave number n is the n-th row of `plan/waves.md`, at line 2+n; its k-th listed
 *   workstream at column 10k+1 of that line;
 * - the project is `plan/project.md`; resolution rule k is at line 30+k.
 */
import type { Location } from "../../src/diagnostics/diagnostic.js";
import type { Duration, Plan, Project, Ref, Wave, Workstream } from "../../src/model/types.js";

/** A workstream in brief. `days`: a number, a `[low, high]` pair, or text such as "1-2". */
export interface WorkstreamSpec {
  id: string;
  days?: number | [number, number] | string;
  deps?: string[];
  soft?: string[];
  wave?: number;
  start?: number;
  agent?: string;
  owns?: string[];
  touches?: string[];
  /** The waves that merge it in parts. */
  waves?: number[];
  status?: Workstream["status"];
  started?: number;
  finished?: number;
}

/** A wave in brief. */
export interface WaveSpec {
  number: number;
  day?: number;
  workstreams?: string[];
  branch?: string;
}

/** A plan in brief. */
export interface PlanSpec {
  workstreams: WorkstreamSpec[];
  waves?: WaveSpec[];
  maxParallel?: number;
  /** Resolution protocol rows: file pattern → rule. */
  rules?: [string, string][];
}

export const PROJECT_FILE = "plan/project.md";
export const WAVES_FILE = "plan/waves.md";

/** The file of workstream `id`. */
export function wsFile(id: string): string {
  return `plan/workstreams/${id}.md`;
}

/** A one-character-wide location. */
export function at(file: string, line: number, column = 1): Location {
  return { file, start: { line, column }, end: { line, column: column + 1 } };
}

/** The whole-record span of a file. */
function recordAt(file: string): Location {
  return { file, start: { line: 1, column: 1 }, end: { line: 20, column: 1 } };
}

function refs(ids: readonly string[], file: string, line: number): Ref[] {
  return ids.map((id, k) => ({ id, at: at(file, line, 10 * k + 1) }));
}

function duration(days: WorkstreamSpec["days"]): Duration {
  if (days === undefined) return { low: 1, high: 1, text: "1" };
  if (typeof days === "number") return { low: days, high: days, text: String(days) };
  if (Array.isArray(days)) return { low: days[0], high: days[1], text: `${days[0]}-${days[1]}` };
  const [low, high = low] = days.split("-").map(Number) as [number, number?];
  return { low, high, text: days };
}

/** A full workstream record from a spec. */
export function makeWorkstream(spec: WorkstreamSpec): Workstream {
  const file = wsFile(spec.id);
  const ws: Workstream = {
    id: spec.id,
    name: spec.id,
    slug: spec.id.toLowerCase(),
    days: duration(spec.days),
    priority: "medium",
    dependsOn: refs(spec.deps ?? [], file, 3),
    softDependsOn: refs(spec.soft ?? [], file, 4),
    branch: `workstream/${spec.id.toLowerCase()}`,
    worktree: `../p-${spec.id.toLowerCase()}`,
    owns: (spec.owns ?? []).map((pattern, k) => ({ pattern, at: at(file, 6 + k) })),
    touches: (spec.touches ?? []).map((pattern, k) => ({ pattern, at: at(file, 12 + k) })),
    status: "planned",
    goal: "",
    context: "",
    deliverables: [],
    qualityGates: [],
    outOfScope: [],
    notes: "",
    extras: [],
    source: { file, at: recordAt(file) },
  };
  if (spec.agent !== undefined) ws.agent = { id: spec.agent, at: at(file, 2) };
  if (spec.wave !== undefined) ws.wave = spec.wave;
  if (spec.start !== undefined) ws.start = spec.start;
  if (spec.waves !== undefined) ws.waves = spec.waves;
  if (spec.status !== undefined) ws.status = spec.status;
  if (spec.started !== undefined) ws.started = spec.started;
  if (spec.finished !== undefined) ws.finished = spec.finished;
  return ws;
}

/** A wave record (a row of plan/waves.md) from a spec. */
function makeWave(spec: WaveSpec): Wave {
  const line = 2 + spec.number;
  const wave: Wave = {
    number: spec.number,
    name: `Wave ${spec.number}`,
    workstreams: refs(spec.workstreams ?? [], WAVES_FILE, line),
    gates: [],
    mergeProcedure: "",
    rollback: "",
    extras: [],
    source: { file: WAVES_FILE, at: { file: WAVES_FILE, start: { line, column: 1 }, end: { line, column: 80 } } },
  };
  if (spec.day !== undefined) wave.day = spec.day;
  if (spec.branch !== undefined) wave.branch = spec.branch;
  return wave;
}

/** A project record. */
function makeProject(spec: Pick<PlanSpec, "maxParallel" | "rules">): Project {
  const project: Project = {
    name: "test",
    repository: ".",
    baseBranch: "main",
    worktreePattern: "../{project}-{slug}",
    summary: "",
    context: "",
    goals: [],
    successMetrics: [],
    resolutionProtocol: (spec.rules ?? []).map(([file, rule], k) => ({ file, rule, at: at(PROJECT_FILE, 30 + k) })),
    extras: [],
    source: { file: PROJECT_FILE, at: recordAt(PROJECT_FILE) },
  };
  if (spec.maxParallel !== undefined) project.maxParallel = spec.maxParallel;
  return project;
}

/** A whole plan from a spec. */
export function makePlan(spec: PlanSpec): Plan {
  return {
    project: makeProject(spec),
    agents: [],
    workstreams: spec.workstreams.map(makeWorkstream),
    waves: (spec.waves ?? []).map(makeWave),
    gates: [],
    risks: [],
    decisions: [],
    sessions: [],
  };
}
