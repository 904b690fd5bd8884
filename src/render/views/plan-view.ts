import { adrPath, ADR_INDEX, PLAN_DOCUMENT, PLAN_TIMELINE } from "../../model/output-paths.js";
import { count, dateOf, dayLabel, days, num, range, spanPair } from "./figures.js";
import { conflictsView } from "./conflicts-view.js";
import { criticalPathText } from "./critical-path-text.js";
import { runbookView, worktreeCommands } from "./runbook-view.js";
import { quote, sh } from "./shell-command.js";
import { adrNumber } from "./decision-view.js";
import { linkFrom, type RenderContext } from "./render-context.js";
import { extrasView, gateRows, mergeCommands, workstreamColumns } from "./shared-views.js";
import type { PlanPage } from "./plan-pages.js";
import type { Wave, Workstream } from "../../model/types.js";
import type { FileConflict } from "../../schedule/types.js";

/** How many schedule problems a split execution plan lists; `paraplan validate` lists them all. */
const SPLIT_PROBLEMS = 50;

/** A critical path with every merge it passes and, of the workstreams between two merges, the first and the last. */
function pathByWaves(text: string): string {
  const steps: string[] = [];
  let run: string[] = [];
  const flush = () => {
    steps.push(...(run.length > 3 ? [run[0]!, `… ${run.length - 2} more …`, run.at(-1)!] : run));
    run = [];
  };
  for (const step of text.split(" → ")) {
    if (/^wave \S+ merge$/.test(step)) {
      flush();
      steps.push(step);
    } else run.push(step);
  }
  flush();
  return steps.join(" → ");
}

/** Mermaid node and task labels must not contain quotes, colons or semicolons. */
function mermaidText(text: string): string {
  return text
    .replace(/["#:;`<>{}[\]]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The view model of PARALLEL_EXECUTION_PLAN.md: every figure computed here, none in the template. */
export function planView(ctx: RenderContext, pages: readonly PlanPage[] = []) {
  const { plan, schedule } = ctx;
  const { project } = plan;
  const waves = schedule.withWaves.high;
  const depsOnly = schedule.dependenciesOnly.high;
  const nodeId = new Map(plan.workstreams.map((w, i) => [w.id, `w${i + 1}`]));
  const critical = waves.workstreams.filter((t) => t.critical).map((t) => t.id);
  const agentName = new Map(plan.agents.map((a) => [a.id, a.name]));

  // A split plan keeps here what does not grow with the workstreams; its pages hold the rest.
  const split = pages.length > 0;
  const workstreams = split ? [] : workstreamRows(ctx, plan.workstreams, PLAN_DOCUMENT);

  const graph = split ? "" : dependencyGraph(ctx, nodeId, new Set(critical));

  const gantt = split ? "" : ganttChart(ctx, nodeId, plan.waves, true);

  // Split, the timeline is a page of its own.
  const timeline = split ? [] : timelineRows(ctx, false);

  const { mergeProcedure: sharedMergeProcedure, rollback: sharedRollback } = sharedWaveText(plan.waves);
  const waveViews = split ? [] : plan.waves.map((wave) => waveView(ctx, wave));

  const owned = split ? [] : ownedFiles(ctx);
  const canStartNow = split ? [] : startable(ctx, schedule.execution.canStartNow, PLAN_DOCUMENT);
  // Messages and hints are sentences without their full stop in diagnostics; the template adds one.
  const sentence = (text: string) => text.trim().replace(/[.\s]+$/, "");
  // Split, the plan lists the first problems only: a large plan may have one per workstream.
  const listed = split ? schedule.problems.slice(0, SPLIT_PROBLEMS) : schedule.problems;
  const problems = listed.map((p) => ({ id: p.code, where: `${p.file}:${p.line}`, message: sentence(p.message), hint: sentence(p.hint) }));
  const moreProblems = schedule.problems.length > listed.length ? count(schedule.problems.length - listed.length, "more problem") : null;

  const conflicts = split ? conflictsView([]) : conflictsView(schedule.conflicts);

  const setup = split ? "" : worktreeSetup(ctx);
  const monitor = split ? "" : monitorScript(plan.workstreams);

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
      // Day 1's date, as the timeline counts it: a weekend start date means the Monday after.
      startDate: dateOf(project.startDate, 1) ?? project.startDate ?? null,
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
      target: schedule.target ? `${days(schedule.target.days)}: ${schedule.target.met ? "met" : `missed by ${days(schedule.target.missedBy)}`}` : null,
      peak: `${waves.peak.count} on ${waves.peak.days.length === 1 ? "day" : "days"} ${dayRanges(waves.peak.days)}`,
      overParallel: project.maxParallel !== undefined && waves.peak.count > project.maxParallel,
      // Split, one critical path, shortened between the merges: a large plan's paths are thousands of steps long.
      criticalPaths: (split ? waves.criticalPaths.slice(0, 1) : waves.criticalPaths).map((p) => (split ? pathByWaves(criticalPathText(plan, p)) : criticalPathText(plan, p))),
      moreCriticalPaths: split && waves.criticalPaths.length > 1 ? count(waves.criticalPaths.length - 1, "more critical path") : null,
      criticalPathsDependenciesOnly: depsOnly.criticalPaths.map((p) => p.join(" → ")),
    },
    workstreams,
    canStartNow,
    owned,
    problems,
    moreProblems,
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
    agents: schedule.agentLoad.map((load) => ({
      id: load.agent,
      name: agentName.get(load.agent) ?? load.agent,
      days: range(load.days),
      workstreams: split ? count(load.workstreams.length, "workstream") : load.workstreams.join(", "),
    })),
    decisions: plan.decisions.map((d) => ({ number: adrNumber(d), title: d.title, status: d.status, link: linkFrom(PLAN_DOCUMENT, adrPath(d)) })),
    adrIndex: linkFrom(PLAN_DOCUMENT, ADR_INDEX),
    sessions: plan.sessions.map((s, i) => ({ date: s.date, title: s.title, link: linkFrom(PLAN_DOCUMENT, ctx.sessionPaths[i]!) })),
    setup,
    monitor,
    runbook: split ? [] : runbookView(ctx),
    prompts: workstreams.map((w) => ({ id: w.id, name: w.name, link: w.prompt })),
    pages: pageList(ctx, pages, PLAN_DOCUMENT),
    conflictCounts: split ? conflictCounts(schedule.conflicts) : null,
    canStartNowCount: count(schedule.execution.canStartNow.length, "workstream"),
    timelinePage: split ? linkFrom(PLAN_DOCUMENT, PLAN_TIMELINE) : null,
    days: count(waves.days.length, "day"),
  };
}

/** The rows of the day-by-day timeline; with `counts`, how many workstreams start and finish, not which (a split plan's pages name them). */
export function timelineRows(ctx: RenderContext, counts: boolean) {
  const { startDate } = ctx.plan.project;
  const { days, peak } = ctx.schedule.withWaves.high;
  const peakDays = new Set(peak.days);
  return days.map((d) => ({
    day: d.day,
    date: dateOf(startDate, d.day) ?? "—",
    active: d.active.length,
    sessions: counts ? "" : d.active.join(", ") || "—",
    starting: counts ? String(d.starting.length) : d.starting.join(", ") || "—",
    finishing: counts ? String(d.finishing.length) : d.finishing.join(", ") || "—",
    merging: d.merging.map((n) => `wave ${n}`).join(", ") || "—",
    peak: peakDays.has(d.day),
  }));
}

/** The rows of the workstream tables, links relative to the document `from`. */
export function workstreamRows(ctx: RenderContext, list: readonly Workstream[], from: string) {
  return list.map((ws) => {
    const t = ctx.timing.get(ws.id);
    const exec = ctx.execution.get(ws.id);
    return {
      ...workstreamColumns(ws),
      span: exec ? spanPair(exec.start, exec.finish) : "—",
      slack: t ? num(t.slack) : "—",
      critical: t?.critical ?? false,
      wave: exec && exec.wave !== null ? [...exec.partWaves, exec.wave].join(", ") : "—",
      base: exec ? exec.base.ref : "—",
      branch: ws.branch,
      worktree: ws.worktree,
      dependsOn: ws.dependsOn.map((d) => d.id).join(", ") || "—",
      softDependsOn: ws.softDependsOn.map((d) => d.id).join(", ") || "—",
      prompt: linkFrom(from, ctx.promptPath.get(ws.id)!),
    };
  });
}

/** The workstreams of `ids` that can start now, with their prompts linked from the document `from`. */
export function startable(ctx: RenderContext, ids: readonly string[], from: string) {
  return ids.map((id) => {
    const exec = ctx.execution.get(id)!;
    return { id, name: ctx.workstream.get(id)?.name ?? id, base: exec.base.ref, prompt: linkFrom(from, ctx.promptPath.get(id)!) };
  });
}

/** A procedure written once for the whole collection (waves.md) is shown once, not under every wave. */
export function sharedWaveText(waves: readonly Wave[]): { mergeProcedure: string; rollback: string } {
  const sharedText = (pick: (w: Wave) => string) => (waves.length > 1 && waves.every((w) => pick(w) === pick(waves[0]!)) ? pick(waves[0]!) : "");
  return { mergeProcedure: sharedText((w) => w.mergeProcedure), rollback: sharedText((w) => w.rollback) };
}

/** One integration wave: its branch, days, workstreams, gates and merge commands. */
export function waveView(ctx: RenderContext, wave: Wave) {
  const { project } = ctx.plan;
  const shared = sharedWaveText(ctx.plan.waves);
  const t = ctx.waveTiming.get(wave.number);
  return {
    number: wave.number,
    name: wave.name,
    branch: wave.branch ?? "—",
    planned: wave.day !== undefined ? dayLabel(project.startDate, wave.day) : "not planned (merges when its last workstream finishes)",
    merges: t ? dayLabel(project.startDate, t.mergeDay) : "—",
    late: t && t.lateBy > 0 ? `${days(t.lateBy)} late, waiting for ${[...t.lateWorkstreams, ...(t.waitsForWave !== null ? [`wave ${t.waitsForWave}`] : [])].join(", ")}` : null,
    workstreams: [...(ctx.waveExecution.get(wave.number)?.workstreams ?? []), ...(ctx.waveExecution.get(wave.number)?.parts ?? [])]
      .sort((a, b) => (ctx.position.get(a) ?? 0) - (ctx.position.get(b) ?? 0))
      .map((id) => {
        const ws = ctx.workstream.get(id);
        return { id, name: ws?.name ?? id, branch: ws?.branch ?? "—", part: ctx.waveExecution.get(wave.number)?.parts.includes(id) ?? false };
      }),
    coverage: wave.coverage !== undefined ? `${num(wave.coverage)}%` : null,
    gates: gateRows(ctx, wave),
    commands: mergeCommands(ctx, wave),
    mergeProcedure: shared.mergeProcedure ? "" : wave.mergeProcedure,
    rollback: shared.rollback ? "" : wave.rollback,
    extras: extrasView(wave.extras, 4),
  };
}

/** The pages of a split plan as the document `from` lists them: each with its wave, workstreams and merge day. */
export function pageList(ctx: RenderContext, pages: readonly PlanPage[], from: string) {
  return pages.map((page) => {
    const t = page.wave ? ctx.waveTiming.get(page.wave.number) : undefined;
    return {
      title: pageTitle(page),
      link: linkFrom(from, page.path),
      workstreams: count(page.workstreams.length, "workstream"),
      range: page.workstreams.length > 0 ? `${page.workstreams[0]}–${page.workstreams.at(-1)}` : "—",
      merges: t ? dayLabel(ctx.plan.project.startDate, t.mergeDay) : "—",
    };
  });
}

/** `Wave 3: Storefront`, `Wave 3: Storefront (part 2 of 4)`, `No wave`. */
export function pageTitle(page: PlanPage): string {
  const title = page.wave ? `Wave ${page.wave.number}: ${page.wave.name}` : "No wave";
  return page.parts > 1 ? `${title} (part ${page.part} of ${page.parts})` : title;
}

/** How many files are shared, on the same days or apart, and how many of the first lack a rule: a split plan's summary. */
function conflictCounts(conflicts: readonly FileConflict[]) {
  const view = conflictsView(conflicts);
  return {
    overlapping: count(view.overlapping.length, "file"),
    withoutRule: count(view.overlapping.filter((c) => c.missingFor !== null).length, "file"),
    apart: count(view.apart.length, "file"),
  };
}

/** The script that shows the state of the given workstreams' worktrees. */
export function monitorScript(list: readonly Workstream[]): string {
  return [
    "# One line of status per worktree, then the head of each progress.md",
    `for wt in ${quote(list.map((w) => w.worktree))}; do`,
    '  echo "== $wt"',
    '  git -C "$wt" status --short --branch | head -n 5',
    '  head -n 20 "$wt/progress.md" 2>/dev/null || echo "(no progress.md yet)"',
    "done",
    "git worktree list",
  ].join("\n");
}

/**
 * The Gantt chart of the given waves' workstreams (of `only`, when given), then, with `unwavedToo`, those no wave
 * merges. Mermaid's gantt needs calendar dates; without a start date, day 1 is drawn as 2000-01-01.
 */
export function ganttChart(ctx: RenderContext, nodeId: ReadonlyMap<string, string>, waves: readonly Wave[], unwavedToo: boolean, only?: ReadonlySet<string>): string {
  const { project } = ctx.plan;
  const base = project.startDate ?? "2000-01-01";
  const shown = (id: string) => !only || only.has(id);
  const bar = (t: { id: string; critical: boolean; start: number; finish: number }) =>
    `  ${mermaidText(`${t.id} ${ctx.workstream.get(t.id)?.name ?? ""}`)} :${t.critical ? "crit, " : ""}${nodeId.get(t.id)}, ${dateOf(base, t.start)}, ${Math.max(1, t.finish - t.start + 1)}d`;
  return [
    "gantt",
    `  title ${mermaidText(project.name)}: schedule with integration waves`,
    "  dateFormat YYYY-MM-DD",
    ...(project.startDate ? ["  excludes weekends"] : []),
    project.startDate ? "  axisFormat %m-%d" : "  axisFormat day %j",
    ...waves.flatMap((wave) => {
      // A workstream merged in parts is drawn once, in the wave that merges the rest of it.
      const members = (ctx.waveExecution.get(wave.number)?.workstreams ?? [])
        .filter(shown)
        .map((id) => ctx.timing.get(id))
        .filter((t) => t !== undefined);
      const merge = ctx.waveTiming.get(wave.number);
      return [
        `  section ${mermaidText(`Wave ${wave.number}`)}`,
        ...members.map(bar),
        // A wave merges at the end of its day: the milestone stands at the start of the next, after the bars it merges.
        ...(merge && merge.mergeDay > 0 ? [`  ${mermaidText(`Merge wave ${wave.number}`)} :milestone, m${wave.number}, ${dateOf(base, merge.mergeDay + 1)}, 0d`] : []),
      ];
    }),
    ...(unwavedToo
      ? unwaved(ctx)
          .filter((t) => shown(t.id))
          .map(bar)
      : []),
  ].join("\n");
}

/**
 * The dependency graph: workstreams, each wave's merge as a node between the work it merges and the work that
 * waits for it, hard and soft dependencies, and the critical workstreams, merges and edges marked.
 */
export function dependencyGraph(ctx: RenderContext, nodeId: ReadonlyMap<string, string>, critical: ReadonlySet<string>, only?: ReadonlySet<string>): string {
  const { plan, schedule } = ctx;
  const waveTimings = schedule.withWaves.high.waves;
  // A page draws the edges of its workstreams (to the merges that take them, from what they depend on), and the
  // workstreams and merges those reach; `reached` collects the workstreams.
  const mine = (id: string) => !only || only.has(id);
  const reached = new Set(only);
  const pageWaves = only ? new Set([...only].flatMap((id) => [...(ctx.execution.get(id)?.partWaves ?? []), ctx.execution.get(id)?.wave ?? []].flat())) : undefined;
  const edges: { from: string; to: string; style: string; critical: boolean }[] = [];
  for (const w of waveTimings) {
    if (pageWaves && !pageWaves.has(w.number)) continue;
    for (const id of w.workstreams) if (nodeId.has(id) && mine(id)) edges.push({ from: nodeId.get(id)!, to: `m${w.number}`, style: "-->", critical: w.critical && critical.has(id) });
    for (const id of w.parts) if (nodeId.has(id) && mine(id)) edges.push({ from: nodeId.get(id)!, to: `m${w.number}`, style: "-.->", critical: false });
  }
  for (const e of schedule.edges) {
    if (!mine(e.workstream)) continue;
    const from = nodeId.get(e.dependsOn);
    const to = nodeId.get(e.workstream);
    if (!from || !to) continue;
    const exec = ctx.execution.get(e.workstream);
    const dep = ctx.execution.get(e.dependsOn);
    // A dependency merged by an earlier wave reaches its dependant through that wave's merge, as the schedule has it.
    const through = exec && dep && exec.wave !== null && dep.wave !== null && dep.wave < exec.wave ? `m${dep.wave}` : null;
    const timing = through ? waveTimings.find((w) => `m${w.number}` === through) : undefined;
    if (!through) reached.add(e.dependsOn);
    edges.push({ from: through ?? from, to, style: "-->", critical: critical.has(e.workstream) && (through ? timing?.critical === true : critical.has(e.dependsOn)) });
  }
  for (const e of schedule.softEdges) {
    if (nodeId.has(e.dependsOn) && nodeId.has(e.workstream) && mine(e.workstream)) {
      reached.add(e.dependsOn);
      edges.push({ from: nodeId.get(e.dependsOn)!, to: nodeId.get(e.workstream)!, style: "-.->", critical: false });
    }
  }
  const seen = new Set<string>();
  const unique = edges.filter((e) => !seen.has(`${e.from}>${e.to}`) && seen.add(`${e.from}>${e.to}`));
  const merges = only ? new Set(unique.flatMap((e) => [e.from, e.to]).filter((node) => node.startsWith("m"))) : undefined;
  const nodes = only ? [...reached].filter((id) => nodeId.has(id)).sort((a, b) => ctx.position.get(a)! - ctx.position.get(b)!) : plan.workstreams.map((ws) => ws.id);
  const mergeNodes = waveTimings.filter((w) => !merges || merges.has(`m${w.number}`));
  const lines = [
    "graph LR",
    ...nodes.map((id) => `  ${nodeId.get(id)}["${mermaidText(`${id}: ${ctx.workstream.get(id)!.name}`)}"]`),
    ...mergeNodes.map((w) => `  m${w.number}{{"${mermaidText(`wave ${w.number} merge, day ${w.mergeDay}`)}"}}`),
  ];
  lines.push(...unique.map((e) => `  ${e.from} ${e.style} ${e.to}`));
  lines.push("  classDef critical stroke:#c00,stroke-width:3px");
  const criticalNodes = [...(only ? nodes.filter((id) => critical.has(id)) : [...critical]).flatMap((id) => nodeId.get(id) ?? []), ...mergeNodes.filter((w) => w.critical).map((w) => `m${w.number}`)];
  if (criticalNodes.length > 0) lines.push(`  class ${criticalNodes.join(",")} critical`);
  const criticalLinks = unique.flatMap((e, k) => (e.critical ? [k] : []));
  if (criticalLinks.length > 0) lines.push(`  linkStyle ${criticalLinks.join(",")} stroke:#c00,stroke-width:3px`);
  return lines.join("\n");
}

/** The Owned files table: each owned file or glob, its owner, who else edits it, on which days they overlap, and the rule that decides it. */
export function ownedFiles(ctx: RenderContext, list: readonly Workstream[] = ctx.plan.workstreams) {
  return list.flatMap((ws) =>
    ws.owns.map((f) => {
      const shared = (ctx.conflictsOf.get(ws.id) ?? []).filter((c) => c.sides.some((s) => s.workstream === ws.id && s.kind === "owns" && s.pattern === f.pattern));
      const others = shared.map((c) => {
        const other = c.sides.find((s) => s.workstream !== ws.id)!;
        const days = c.days.high.length > 0 ? c.days.high : c.days.low;
        return {
          who: `${other.workstream} (${other.kind})`,
          days: c.overlapping ? dayRanges(days) : "never at once",
          rule: c.rule ? c.rule.rule : c.overlapping ? `no rule: agree with ${other.workstream} before merging` : "—",
        };
      });
      return {
        file: f.pattern,
        owner: ws.id,
        others: others.map((o) => o.who).join(", ") || "—",
        days: others.map((o) => o.days).join("; ") || "—",
        rules: [...new Set(others.map((o) => o.rule).filter((r) => r !== "—"))].join(" ") || "—",
      };
    }),
  );
}

/**
 * The commands that create every worktree, as the execution model says: each from its base, grouped by the day its
 * base is ready (the work that can start at once first), with what each must merge in before it starts.
 */
export function worktreeSetup(ctx: RenderContext, list: readonly Workstream[] = ctx.plan.workstreams): string {
  const { project } = ctx.plan;
  const byDay = new Map<number, string[]>();
  for (const ws of list) {
    const exec = ctx.execution.get(ws.id);
    if (!exec) continue;
    const ready = Math.max(exec.base.readyAfter.high, ...exec.mergeIn.map((m) => m.readyAfter.high));
    const lines = worktreeCommands(ctx, ws);
    byDay.set(ready, [...(byDay.get(ready) ?? []), ...lines]);
  }
  const days = [...byDay.keys()].sort((a, b) => a - b);
  return [
    ...(project.repository === "." ? [] : [sh`cd ${project.repository}`]),
    ...days.flatMap((day, k) => [
      ...(k > 0 ? [""] : []),
      day === 0 ? "# day 1: work that needs nothing else" : `# after the end of ${dayLabel(project.startDate, day)}: its base is ready`,
      ...byDay.get(day)!,
    ]),
  ].join("\n");
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
