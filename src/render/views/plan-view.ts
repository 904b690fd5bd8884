import { adrPath, ADR_INDEX, PLAN_DOCUMENT } from "../output-paths.js";
import { count, dateOf, dayLabel, days, num, range } from "./figures.js";
import { conflictsView } from "./conflicts-view.js";
import { criticalPathText } from "./critical-path-text.js";
import { runbookView, worktreeBase, worktreeCommand } from "./runbook-view.js";
import { quote, sh } from "./shell-command.js";
import { adrNumber } from "./decision-view.js";
import { linkFrom, type RenderContext } from "./render-context.js";
import { extrasView, gateRows, mergeCommands } from "./shared-views.js";

/** Mermaid node and task labels must not contain quotes, colons or semicolons. */
function mermaidText(text: string): string {
  return text.replace(/["#:;`<>{}[\]]/g, " ").replace(/\s+/g, " ").trim();
}

/** The view model of PARALLEL_EXECUTION_PLAN.md: every figure computed here, none in the template. */
export function planView(ctx: RenderContext) {
  const { plan, schedule } = ctx;
  const { project } = plan;
  const waves = schedule.withWaves.high;
  const depsOnly = schedule.dependenciesOnly.high;
  const nodeId = new Map(plan.workstreams.map((w, i) => [w.id, `w${i + 1}`]));
  const critical = waves.workstreams.filter((t) => t.critical).map((t) => t.id);
  const agentName = new Map(plan.agents.map((a) => [a.id, a.name]));

  const workstreams = plan.workstreams.map((ws) => {
    const t = ctx.timing.get(ws.id);
    const low = ctx.timingLow.get(ws.id);
    const wave = ctx.waveOf.get(ws.id);
    return {
      id: ws.id,
      name: ws.name,
      agent: ws.agent?.id ?? "—",
      days: ws.days.text,
      priority: ws.priority,
      status: ws.status,
      start: t ? String(t.start) : "—",
      finish: t ? (low && low.finish !== t.finish ? `${low.finish} or ${t.finish}` : String(t.finish)) : "—",
      slack: t ? num(t.slack) : "—",
      critical: t?.critical ?? false,
      wave: wave ? String(wave.number) : "—",
      branch: ws.branch,
      worktree: ws.worktree,
      dependsOn: ws.dependsOn.map((d) => d.id).join(", ") || "—",
      softDependsOn: ws.softDependsOn.map((d) => d.id).join(", ") || "—",
      prompt: ctx.promptPath.get(ws.id)!,
    };
  });

  const graph = [
    "graph LR",
    ...plan.workstreams.map((ws) => `  ${nodeId.get(ws.id)}["${mermaidText(`${ws.id}: ${ws.name}`)}"]`),
    ...schedule.edges.filter((e) => nodeId.has(e.dependsOn) && nodeId.has(e.workstream)).map((e) => `  ${nodeId.get(e.dependsOn)} --> ${nodeId.get(e.workstream)}`),
    ...schedule.softEdges.filter((e) => nodeId.has(e.dependsOn) && nodeId.has(e.workstream)).map((e) => `  ${nodeId.get(e.dependsOn)} -.-> ${nodeId.get(e.workstream)}`),
    "  classDef critical stroke:#c00,stroke-width:3px",
    ...(critical.length > 0 ? [`  class ${critical.map((id) => nodeId.get(id)).join(",")} critical`] : []),
  ].join("\n");

  // Mermaid's gantt needs calendar dates; without a start date, day 1 is drawn as 2000-01-01.
  const base = project.startDate ?? "2000-01-01";
  const gantt = [
    "gantt",
    `  title ${mermaidText(project.name)}: schedule with integration waves`,
    "  dateFormat YYYY-MM-DD",
    ...(project.startDate ? ["  excludes weekends"] : []),
    project.startDate ? "  axisFormat %m-%d" : "  axisFormat day %j",
    ...plan.waves.flatMap((wave) => {
      const members = wave.workstreams.map((r) => ctx.timing.get(r.id)).filter((t) => t !== undefined);
      const merge = ctx.waveTiming.get(wave.number);
      return [
        `  section ${mermaidText(`Wave ${wave.number}`)}`,
        ...members.map((t) => `  ${mermaidText(`${t.id} ${ctx.workstream.get(t.id)?.name ?? ""}`)} :${t.critical ? "crit, " : ""}${nodeId.get(t.id)}, ${dateOf(base, t.start)}, ${Math.max(1, t.finish - t.start + 1)}d`),
        ...(merge && merge.mergeDay > 0 ? [`  ${mermaidText(`Merge wave ${wave.number}`)} :milestone, m${wave.number}, ${dateOf(base, merge.mergeDay)}, 0d`] : []),
      ];
    }),
    ...unwaved(ctx).map((t) => `  ${mermaidText(`${t.id} ${ctx.workstream.get(t.id)?.name ?? ""}`)} :${t.critical ? "crit, " : ""}${nodeId.get(t.id)}, ${dateOf(base, t.start)}, ${Math.max(1, t.finish - t.start + 1)}d`),
  ].join("\n");

  const timeline = waves.days.map((d) => ({
    day: d.day,
    date: dateOf(project.startDate, d.day) ?? "—",
    active: d.active.length,
    sessions: d.active.join(", ") || "—",
    starting: d.starting.join(", ") || "—",
    finishing: d.finishing.join(", ") || "—",
    merging: d.merging.map((n) => `wave ${n}`).join(", ") || "—",
    peak: waves.peak.days.includes(d.day),
  }));

  // A procedure written once for the whole collection (waves.md) is shown once, not under every wave.
  const sharedText = (pick: (w: (typeof plan.waves)[number]) => string) =>
    plan.waves.length > 1 && plan.waves.every((w) => pick(w) === pick(plan.waves[0]!)) ? pick(plan.waves[0]!) : "";
  const sharedMergeProcedure = sharedText((w) => w.mergeProcedure);
  const sharedRollback = sharedText((w) => w.rollback);
  const waveViews = plan.waves.map((wave) => {
    const t = ctx.waveTiming.get(wave.number);
    return {
      number: wave.number,
      name: wave.name,
      branch: wave.branch ?? "—",
      planned: wave.day !== undefined ? dayLabel(project.startDate, wave.day) : "not planned (merges when its last workstream finishes)",
      merges: t ? dayLabel(project.startDate, t.mergeDay) : "—",
      late: t && t.lateBy > 0 ? `${days(t.lateBy)} late, waiting for ${[...t.lateWorkstreams, ...(t.waitsForWave !== null ? [`wave ${t.waitsForWave}`] : [])].join(", ")}` : null,
      workstreams: wave.workstreams.map((r) => {
        const ws = ctx.workstream.get(r.id);
        return { id: r.id, name: ws?.name ?? r.id, branch: ws?.branch ?? "—" };
      }),
      coverage: wave.coverage !== undefined ? `${num(wave.coverage)}%` : null,
      gates: gateRows(ctx, wave),
      commands: mergeCommands(ctx, wave),
      mergeProcedure: sharedMergeProcedure ? "" : wave.mergeProcedure,
      rollback: sharedRollback ? "" : wave.rollback,
      extras: extrasView(wave.extras, 4),
    };
  });

  const conflicts = conflictsView(schedule.conflicts);

  const worktrees = plan.workstreams.map((w) => w.worktree);
  const setup = [
    ...(project.repository === "." ? [] : [sh`cd ${project.repository}`]),
    // Only the worktrees that branch from the base: the others wait for their base to exist (see the runbook).
    ...plan.workstreams.filter((w) => worktreeBase(ctx, w) === (project.baseCommit ?? project.baseBranch)).map((w) => worktreeCommand(ctx, w)),
  ].join("\n");
  const monitor = [
    "# One line of status per worktree, then the head of each progress.md",
    `for wt in ${quote(worktrees)}; do`,
    '  echo "== $wt"',
    '  git -C "$wt" status --short --branch | head -n 5',
    '  head -n 20 "$wt/progress.md" 2>/dev/null || echo "(no progress.md yet)"',
    "done",
    "git worktree list",
  ].join("\n");

  return {
    generatedPath: PLAN_DOCUMENT,
    project: {
      name: project.name,
      summary: project.summary,
      context: project.context,
      goals: project.goals,
      successMetrics: project.successMetrics,
      baseBranch: project.baseBranch,
      baseCommit: project.baseCommit ?? null,
      startDate: project.startDate ?? null,
      maxParallel: project.maxParallel ?? null,
      extras: extrasView(project.extras, 2),
    },
    figures: {
      workstreams: count(plan.workstreams.length, "workstream"),
      waves: count(plan.waves.length, "integration wave"),
      makespan: days({ low: schedule.withWaves.low.makespan, high: waves.makespan }),
      makespanDependenciesOnly: days({ low: schedule.dependenciesOnly.low.makespan, high: depsOnly.makespan }),
      sequentialTotal: days(schedule.sequentialTotal),
      speedUp: `${range(schedule.speedUp.withWaves)}×`,
      speedUpDependenciesOnly: `${range(schedule.speedUp.dependenciesOnly)}×`,
      waveCost: schedule.waveCost.summary,
      peak: `${waves.peak.count} on ${waves.peak.days.length === 1 ? "day" : "days"} ${dayRanges(waves.peak.days)}`,
      overParallel: project.maxParallel !== undefined && waves.peak.count > project.maxParallel,
      criticalPaths: waves.criticalPaths.map((p) => criticalPathText(plan, p)),
      criticalPathsDependenciesOnly: depsOnly.criticalPaths.map((p) => p.join(" → ")),
    },
    workstreams,
    graph,
    gantt,
    timeline,
    waves: waveViews,
    mergeProcedure: sharedMergeProcedure,
    rollback: sharedRollback,
    conflicts,
    risks: plan.risks.map((r) => ({
      id: r.id,
      title: r.title,
      severity: r.severity,
      status: r.status,
      workstreams: r.workstreams.map((w) => w.id).join(", ") || "—",
      mitigation: r.mitigation,
    })),
    agents: schedule.agentLoad.map((load) => ({ id: load.agent, name: agentName.get(load.agent) ?? load.agent, days: range(load.days), workstreams: load.workstreams.join(", ") })),
    decisions: plan.decisions.map((d) => ({ number: adrNumber(d), title: d.title, status: d.status, link: linkFrom(PLAN_DOCUMENT, adrPath(d)) })),
    adrIndex: ADR_INDEX,
    sessions: plan.sessions.map((s, i) => ({ date: s.date, title: s.title, link: ctx.sessionPaths[i]! })),
    setup,
    monitor,
    runbook: runbookView(ctx),
    prompts: workstreams.map((w) => ({ id: w.id, name: w.name, link: w.prompt })),
  };
}

/** Workstreams no wave merges, drawn after the waves in the Gantt chart. */
function unwaved(ctx: RenderContext) {
  return ctx.schedule.withWaves.high.workstreams.filter((t) => !ctx.waveOf.has(t.id));
}

/** `1–3, 5` from a sorted list of days. */
export function dayRanges(list: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < list.length; i++) {
    let j = i;
    while (j + 1 < list.length && list[j + 1] === list[j]! + 1) j++;
    parts.push(j > i ? `${list[i]}–${list[j]}` : String(list[i]));
    i = j;
  }
  return parts.join(", ") || "—";
}

