import type { Workstream } from "../../model/types.js";
import { adrPath } from "../output-paths.js";
import { commandsIn, dayLabel, days } from "./figures.js";
import { adrNumber } from "./decision-view.js";
import type { RenderContext } from "./render-context.js";
import { sh } from "./shell-command.js";
import { extrasView, gateRows } from "./shared-views.js";

/** The view model of one workstream's prompt: everything its agent needs, nothing it must look up. */
export function promptView(ctx: RenderContext, ws: Workstream) {
  const { plan } = ctx;
  const { project } = plan;
  const agent = ws.agent ? ctx.agent.get(ws.agent.id) : undefined;
  const t = ctx.timing.get(ws.id);
  const low = ctx.timingLow.get(ws.id);
  const wave = ctx.waveOf.get(ws.id);
  const waveTiming = wave ? ctx.waveTiming.get(wave.number) : undefined;
  const start = (d: number) => dayLabel(project.startDate, d);

  const dependency = (id: string) => {
    const dep = ctx.workstream.get(id);
    const depWave = ctx.waveOf.get(id);
    const merge = depWave ? ctx.waveTiming.get(depWave.number) : undefined;
    const merged = dep?.status === "merged";
    return {
      id,
      name: dep?.name ?? id,
      status: dep?.status ?? "unknown",
      merged,
      availability: merged
        ? "merged"
        : depWave && merge
          ? `not merged yet: wave ${depWave.number} merges it at the end of ${start(merge.mergeDay)} into ${depWave.branch ?? "its integration branch"}`
          : "not merged yet, and no wave merges it",
    };
  };

  const mine = new Set([...ws.owns, ...ws.touches].map((f) => f.pattern));
  // Only workstreams running on some of the same days can collide with this one; listing every owned file of
  // a large plan would make each prompt grow with the plan (and the plan's prompts quadratically).
  const concurrent = concurrentWith(ctx, ws.id);
  const forbidden = concurrent.flatMap((other) => other.owns.filter((f) => !mine.has(f.pattern)).map((f) => ({ file: f.pattern, owner: other.id })));
  const elsewhere = ctx.ownedFiles - ws.owns.length - concurrent.reduce((n, other) => n + other.owns.length, 0);
  const shared = (ctx.conflictsOf.get(ws.id) ?? [])
    .map((c) => ({
      file: c.file,
      with: c.sides.filter((s) => s.workstream !== ws.id).map((s) => `${s.workstream} (${s.kind})`).join(", "),
      rule: c.rule?.rule ?? "no rule in the Resolution Protocol: stop and ask the project manager before editing it",
    }));

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
    role: agent?.role.trim() || `You are the ${ws.agent?.id ?? "assigned"} agent for this workstream.`,
    agent: agent ? { id: agent.id, name: agent.name, workingAgreements: agent.workingAgreements } : null,
    project: {
      name: project.name,
      summary: firstParagraph(project.summary) || `${project.name}: ${plan.workstreams.length} workstreams run in parallel, each in its own git worktree.`,
      parallel: `${plan.workstreams.length} workstreams run in parallel, each in its own worktree and branch, merged back in ${plan.waves.length} integration waves.`,
    },
    goal: ws.goal.trim(),
    context: ws.context.trim(),
    deliverables: ws.deliverables,
    outOfScope: ws.outOfScope,
    notes: ws.notes.trim(),
    worktree: ws.worktree,
    branch: ws.branch,
    cd: sh`cd ${ws.worktree}`,
    days: days({ low: ws.days.low, high: ws.days.high }),
    priority: ws.priority,
    schedule: t
      ? {
          start: start(t.start),
          finish: low && low.finish !== t.finish ? `${start(low.finish)} at the earliest, ${start(t.finish)} at the latest` : start(t.finish),
          slack: t.slack === 0 ? "none: this workstream is on the critical path, any delay delays the plan" : `${days(t.slack)} of slack`,
          critical: t.critical,
        }
      : null,
    wave: wave
      ? { number: wave.number, name: wave.name, branch: wave.branch ?? "—", merges: waveTiming ? start(waveTiming.mergeDay) : "—", coverage: wave.coverage !== undefined ? `${wave.coverage}%` : null }
      : null,
    dependsOn: ws.dependsOn.map((d) => dependency(d.id)),
    softDependsOn: ws.softDependsOn.map((d) => dependency(d.id)),
    dependents: (ctx.dependents.get(ws.id) ?? []).map((id) => ({ id, name: ctx.workstream.get(id)?.name ?? id })),
    owns: ws.owns.map((f) => f.pattern),
    touches: ws.touches.map((f) => f.pattern),
    forbidden,
    forbiddenElsewhere: elsewhere,
    shared,
    ownGates: ownGates.map((g) => g.text),
    waveGates,
    commands: commands.join("\n"),
    risks: (ctx.risksOf.get(ws.id) ?? []).map((r) => ({ id: r.id, title: r.title, severity: r.severity, status: r.status, mitigation: r.mitigation })),
    decisions,
    progressFile: `${ws.worktree}/progress.md`,
    extras: extrasView(ws.extras, 2),
  };
}

/** The first paragraph of some Markdown: a two-line summary for a prompt. */
export function firstParagraph(markdown: string): string {
  return markdown.trim().split(/\n\s*\n/)[0]?.trim() ?? "";
}


/** Whether two workstreams are active on at least one common day. */
/** The other workstreams active on some day this one is (in plan order): those are the days' active lists, not a scan of the plan. */
function concurrentWith(ctx: RenderContext, id: string): Workstream[] {
  const t = ctx.timing.get(id);
  if (!t) return [];
  const ids = new Set<string>();
  for (let day = t.start; day <= t.finish; day++) for (const other of ctx.activeOn.get(day) ?? []) if (other !== id) ids.add(other);
  return [...ids].flatMap((other) => ctx.workstream.get(other) ?? []).sort((a, b) => ctx.position.get(a.id)! - ctx.position.get(b.id)!);
}
