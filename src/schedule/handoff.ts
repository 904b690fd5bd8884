/**
 * A hand-off: what a fresh agent session needs to take a workstream over from a stopped one. Pure: the plan, the
 * branch's state (read by the git layer) and the progress file's summary come in, the facts go out.
 */
import type { Plan, Workstream } from "../model/types.js";
import type { AnalysedPlan } from "./analyse-plan.js";
import type { Range } from "./types.js";

/** The progress protocol's lines of a worktree's progress.md (null when not written). */
export interface ProgressSummary {
  status: string | null;
  done: string | null;
  next: string | null;
  blockers: string | null;
  gates: string | null;
}

/** A deliverable and what the branch shows of it. */
export interface DeliverableState {
  text: string;
  /** `changed`: a file it names changed on the branch; `untouched`: none of the files it names did; `unknown`: it names no file. */
  state: "changed" | "untouched" | "unknown";
}

/** The branch's facts a hand-off reports (see git/workstream-branch.ts). */
export interface HandoffBranch {
  exists: boolean;
  baseExists: boolean;
  commits: { id: string; subject: string }[];
  diffStat: string;
  changedFiles: string[];
  worktree: string | null;
  uncommitted: string[];
}

/** What a new session taking over workstream `id` needs to know. */
export interface Handoff {
  id: string;
  name: string;
  goal: string;
  status: string;
  branch: string;
  base: string;
  worktree: string;
  wave: number | null;
  days: string;
  start: Range | null;
  finish: Range | null;
  dependencies: { id: string; status: string; merged: boolean }[];
  owns: string[];
  touches: string[];
  gates: { name: string; command: string }[];
  qualityGates: string[];
  deliverables: DeliverableState[];
  branchState: HandoffBranch;
  progress: ProgressSummary | null;
}

/** Inline-code spans of a text that look like file paths (`src/x.ts`, `docs/guide.md`). */
function pathsIn(text: string): string[] {
  return [...text.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!).filter((p) => /[/.]/.test(p) && !/^[-.]/.test(p) && !p.includes("("));
}

/** Gates that apply to a wave: named in it, or applying to it or to every wave. */
function waveGates(plan: Plan, wave: number | null): { name: string; command: string }[] {
  if (wave === null) return [];
  const named = new Set(plan.waves.find((w) => w.number === wave)?.gates.map((g) => g.id) ?? []);
  return plan.gates.filter((g) => named.has(g.id) || g.appliesTo === "all" || g.appliesTo.includes(wave)).map((g) => ({ name: g.name, command: g.command }));
}

/** The hand-off of workstream `ws` of an analysed plan, given its branch's state and its progress file's summary. */
export function handoffFor(analysed: AnalysedPlan, ws: Workstream, branch: HandoffBranch, progress: ProgressSummary | null): Handoff {
  const { plan, schedule } = analysed;
  const execution = schedule.execution.workstreams.find((e) => e.id === ws.id);
  const changed = new Set(branch.changedFiles);
  const deliverables = ws.deliverables.map((text): DeliverableState => {
    const paths = pathsIn(text);
    if (paths.length === 0) return { text, state: "unknown" };
    return { text, state: paths.some((p) => changed.has(p) || [...changed].some((f) => f.startsWith(`${p.replace(/\/$/, "")}/`))) ? "changed" : "untouched" };
  });
  return {
    id: ws.id,
    name: ws.name,
    goal: ws.goal,
    status: ws.status,
    branch: ws.branch,
    base: execution?.base.ref ?? schedule.execution.baseRef,
    worktree: ws.worktree,
    wave: execution?.wave ?? null,
    days: ws.days.text,
    start: execution?.start ?? null,
    finish: execution?.finish ?? null,
    dependencies: ws.dependsOn.map((d) => {
      const status = plan.workstreams.find((w) => w.id === d.id)?.status ?? "unknown";
      return { id: d.id, status, merged: status === "merged" };
    }),
    owns: ws.owns.map((f) => f.pattern),
    touches: ws.touches.map((f) => f.pattern),
    gates: waveGates(plan, execution?.wave ?? null),
    qualityGates: ws.qualityGates,
    deliverables,
    branchState: branch,
    progress,
  };
}
