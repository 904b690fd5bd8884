import type { Workstream } from "../../model/types.js";
import { plural } from "../../diagnostics/plural.js";
import { normalizePattern, patternsMayOverlap } from "../../schedule/file-patterns.js";
import type { BranchSource, Range, WaveExecution, WorkstreamExecution } from "../../schedule/types.js";
import { adrPath } from "../../model/output-paths.js";
import { commandsIn, dayLabel, days } from "./figures.js";
import { adrNumber } from "./decision-view.js";
import type { RenderContext } from "./render-context.js";
import { ownedNear } from "./nearby-owned-files.js";
import { sh } from "./shell-command.js";
import { extrasView, gateRows, mergeCommands } from "./shared-views.js";

/** The view model of one workstream's prompt: everything its agent needs, nothing it must look up, and nothing the schedule does not say. */
export function promptView(ctx: RenderContext, ws: Workstream) {
  const { plan } = ctx;
  const { project } = plan;
  const agent = ws.agent ? ctx.agent.get(ws.agent.id) : undefined;
  const exec = ctx.execution.get(ws.id);
  const t = ctx.timing.get(ws.id);
  const wave = ctx.waveOf.get(ws.id);
  const waveExec = wave ? ctx.waveExecution.get(wave.number) : undefined;
  const label = (d: number) => dayLabel(project.startDate, d);

  const dependency = (id: string, hard: boolean) => {
    const dep = ctx.workstream.get(id);
    const depExec = ctx.execution.get(id);
    const source = exec && depExec ? (hard ? sourceOf(ctx, exec, depExec) : mergeOf(ctx, depExec)) : undefined;
    return {
      id,
      name: dep?.name ?? id,
      status: dep?.status ?? "unknown",
      availability: availability(dep?.status, depExec, source, label),
      delivers: (dep?.deliverables ?? []).slice(0, MAX_DELIVERABLES),
      moreDeliverables: Math.max(0, (dep?.deliverables.length ?? 0) - MAX_DELIVERABLES),
      prompt: ctx.promptPath.get(id) ?? null,
    };
  };

  const ownGates = ws.qualityGates.map((item) => ({ text: item, commands: commandsIn(item) }));
  const waveGates = wave ? gateRows(ctx, wave) : [];
  const commands = [...new Set([...ownGates.flatMap((g) => g.commands), ...waveGates.map((g) => g.command)])];

  // Only accepted ADRs govern: a proposed one may still change, a superseded one no longer holds.
  const decisions = (ctx.decisionsOf.get(ws.id) ?? [])
    .filter((d) => d.status === "accepted")
    .map((d) => ({ number: adrNumber(d), title: d.title, status: d.status, decision: firstParagraph(d.decision), file: adrPath(d) }));

  return {
    id: ws.id,
    name: ws.name,
    role: agent?.role.trim() || `You are the agent for workstream ${ws.id} (${ws.name}).`,
    agent: agent ? { id: agent.id, name: agent.name, workingAgreements: agent.workingAgreements } : null,
    project: {
      name: project.name,
      summary: firstParagraph(project.summary) || `${project.name}: ${plan.workstreams.length} workstreams run in parallel, each in its own git worktree.`,
      parallel: `${plural(plan.workstreams.length, "workstream")} ${plan.workstreams.length === 1 ? "runs" : "run"} in parallel, each in its own worktree and branch, merged back in ${plural(plan.waves.length, "integration wave")}.`,
      context: project.context.trim(),
    },
    goal: ws.goal.trim(),
    context: ws.context.trim(),
    deliverables: ws.deliverables,
    outOfScope: ws.outOfScope,
    notes: ws.notes.trim(),
    worktree: ws.worktree,
    branch: ws.branch,
    status: ws.status,
    setup: exec ? worktreeSetup(ctx, ws, exec, label) : null,
    cd: sh`cd ${ws.worktree}`,
    days: days({ low: ws.days.low, high: ws.days.high }),
    priority: ws.priority,
    schedule: exec && t ? { when: daysPair(exec, label), slack: t.slack === 0 ? "none: this workstream is on the critical path, any delay delays the plan" : `${days(t.slack)} of slack` } : null,
    wave:
      wave && waveExec
        ? {
            number: wave.number,
            name: wave.name,
            branch: waveExec.branch,
            merges: mergeDays(waveExec, label),
            coverage: wave.coverage !== undefined ? `${wave.coverage}%` : null,
            parts: (exec?.partWaves ?? []).map((n) => ({ number: n, merges: mergeDays(ctx.waveExecution.get(n)!, label) })),
            commands: mergeCommands(ctx, wave, ws.id),
            final: waveExec.into !== null ? waveExec.into : null,
          }
        : null,
    dependsOn: ws.dependsOn.map((d) => dependency(d.id, true)),
    softDependsOn: ws.softDependsOn.map((d) => dependency(d.id, false)),
    dependents: (ctx.dependents.get(ws.id) ?? []).map((id) => ({ id, name: ctx.workstream.get(id)?.name ?? id })),
    ...filesView(ctx, ws),
    ownGates: ownGates.map((g) => g.text),
    waveGates,
    commands: commands.join("\n"),
    risks: (ctx.risksOf.get(ws.id) ?? []).map((r) => ({ id: r.id, title: r.title, severity: r.severity, status: r.status, mitigation: r.mitigation })),
    decisions,
    progressFile: `${ws.worktree}/progress.md`,
    extras: extrasView(ws.extras, 2),
  };
}

/** How a hard dependency reaches a workstream, by the execution model's rule: through its wave's integration branch when that wave is earlier, else through its own branch. */
function sourceOf(ctx: RenderContext, exec: WorkstreamExecution, dep: WorkstreamExecution): BranchSource {
  const wave = dep.wave !== null ? ctx.waveExecution.get(dep.wave) : undefined;
  if (wave && exec.wave !== null && dep.wave! < exec.wave) return { ref: wave.branch, kind: "wave", wave: wave.number, workstream: null, readyAfter: wave.mergeDay };
  return { ref: dep.branch, kind: "workstream", wave: null, workstream: dep.id, readyAfter: dep.finish };
}

/** Where a soft dependency lands: its wave's integration branch, when a wave merges it. */
function mergeOf(ctx: RenderContext, dep: WorkstreamExecution): BranchSource | undefined {
  const wave = dep.wave !== null ? ctx.waveExecution.get(dep.wave) : undefined;
  return wave ? { ref: wave.branch, kind: "wave", wave: wave.number, workstream: null, readyAfter: wave.mergeDay } : undefined;
}

/** A dependency's deliverables shown in a dependant's prompt; the rest are in its own prompt. */
const MAX_DELIVERABLES = 5;

/** Where a dependency stands for its dependant, as the execution model has it. */
function availability(status: string | undefined, dep: WorkstreamExecution | undefined, source: BranchSource | undefined, label: (day: number) => string): string {
  if (status === undefined || dep === undefined) return "not in the plan";
  if (status === "merged") return source?.kind === "wave" ? `merged: ${code(source.ref)} carries it` : "merged";
  const state = status === "planned" ? "not started" : status;
  if (source?.kind === "wave") return `${state}; wave ${source.wave} merges it into ${code(source.ref)} at the end of ${finishText(source.readyAfter, label)}`;
  if (source?.kind === "workstream") {
    const done = status === "done" ? "done: its branch is ready to build on" : `${state}; it finishes at the end of ${finishText(source.readyAfter, label)}`;
    return `${done} (your wave merges it too: you build on its branch ${code(source.ref)})`;
  }
  return dep.wave !== null ? `${state}; wave ${dep.wave} merges it, at the end of ${finishText(dep.finish, label)} at the earliest` : `${state}; no wave merges it`;
}

function code(text: string): string {
  return `\`${text}\``;
}

/** `day 4 (…)`, or `day 3 (…) or day 4 (…)` when the ends of the durations differ. */
function finishText(r: Range, label: (day: number) => string): string {
  return r.low === r.high ? label(r.high) : `${label(r.low)} with the shortest durations, ${label(r.high)} with the longest`;
}

/** The merge day of a wave at both ends. */
function mergeDays(wave: WaveExecution, label: (day: number) => string): string {
  return finishText(wave.mergeDay, label);
}

/** Start and finish as one consistent pair per end of the durations. */
function daysPair(exec: WorkstreamExecution, label: (day: number) => string): string {
  const pair = (start: number, finish: number) => (start === finish ? `${label(start)} only` : `${label(start)} to ${label(finish)}`);
  const low = pair(exec.start.low, exec.finish.low);
  const high = pair(exec.start.high, exec.finish.high);
  return low === high ? high : `${low} if every duration takes its lower end; ${high} at its upper end`;
}

/** How the worktree is made and what is merged into it before work starts, from the execution model. */
function worktreeSetup(ctx: RenderContext, ws: Workstream, exec: WorkstreamExecution, label: (day: number) => string) {
  const { project } = ctx.plan;
  const from = (s: BranchSource): string => {
    if (s.kind === "base") return project.baseCommit ? `${code(project.baseBranch)} at ${code(s.ref)}` : code(s.ref);
    if (s.kind === "wave") return `${code(s.ref)}, wave ${s.wave}'s integration branch, once it merges at the end of ${finishText(s.readyAfter, label)}`;
    return `${code(s.ref)}, ${s.workstream}'s branch, once ${s.workstream} finishes at the end of ${finishText(s.readyAfter, label)}`;
  };
  const create = [...(project.repository === "." ? [] : [sh`cd ${project.repository}`]), sh`git worktree add -b ${ws.branch} ${ws.worktree} ${exec.base.ref}`];
  const inside = [sh`cd ${ws.worktree}`, ...exec.mergeIn.map((s) => sh`git merge --no-ff ${s.ref}`), `git status --short --branch   # expect: ${ws.branch}`];
  return {
    base: from(exec.base),
    mergeIn: exec.mergeIn.map(from),
    create: create.join("\n"),
    inside: inside.join("\n"),
  };
}

/**
 * The files section: the agent's own files; the files other workstreams own near its own (nearby-owned-files.ts) that
 * it must leave alone, of workstreams running on some of the same days; and the shared files whose sharers really
 * overlap with it in time, each with the rule that decides that pair. Every other owned file is off-limits too, and the
 * prompt says so and where they are listed (the execution plan's Owned files table) rather than listing them: a prompt
 * names what its agent could collide with, so it stays the same size however large the plan grows.
 */
function filesView(ctx: RenderContext, ws: Workstream) {
  const mine = [...ws.owns, ...ws.touches].map((f) => normalizePattern(f.pattern));
  // A pattern that may name one of its own files is not forbidden: when another workstream owns it too, the shared
  // section below says who decides.
  const isMine = (pattern: string) => mine.some((p) => patternsMayOverlap(p, pattern));
  const forbidden = ownedNear(ctx.ownedIndex, mine)
    .filter((f) => f.owner !== ws.id && runTogether(ctx, ws.id, f.owner) && !isMine(f.normalized))
    .map((f) => ({ file: f.pattern, owner: f.owner }));
  const shared = (ctx.conflictsOf.get(ws.id) ?? [])
    .filter((c) => c.overlapping)
    .map((c) => {
      const other = c.sides.find((s) => s.workstream !== ws.id)!;
      const own = c.sides.find((s) => s.workstream === ws.id)!;
      const days = c.days.high.length > 0 ? c.days.high : c.days.low;
      return {
        file: c.file,
        you: own.kind === "owns" ? "you own it" : "you edit it",
        with: `${other.workstream} ${other.kind === "owns" ? "owns it" : "edits it"}`,
        days: dayList(days),
        rule: c.rule?.rule ?? `No rule decides this pair: agree with ${other.workstream} before merging.`,
      };
    });
  return { owns: ws.owns.map((f) => f.pattern), touches: ws.touches.map((f) => f.pattern), forbidden, shared };
}

/** `3–5` or `1, 3`. */
function dayList(days: readonly number[]): string {
  if (days.length === 0) return "—";
  const contiguous = days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  return contiguous && days.length > 1 ? `${days[0]}–${days.at(-1)}` : days.join(", ");
}

/** The first paragraph of some Markdown: a two-line summary for a prompt. */
function firstParagraph(markdown: string): string {
  return (
    markdown
      .trim()
      .split(/\n\s*\n/)[0]
      ?.trim() ?? ""
  );
}

/** Whether two workstreams are active on some same day (the days' active lists span start to finish, from day 1). */
function runTogether(ctx: RenderContext, a: string, b: string): boolean {
  const ta = ctx.timing.get(a);
  const tb = ctx.timing.get(b);
  return ta !== undefined && tb !== undefined && Math.max(1, ta.start, tb.start) <= Math.min(ta.finish, tb.finish);
}
