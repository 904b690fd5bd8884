import { PLAN_DOCUMENT, PLAN_TIMELINE } from "../../model/output-paths.js";
import { dateOf } from "./figures.js";
import { conflictsView } from "./conflicts-view.js";
import type { PlanPage } from "./plan-pages.js";
import type { FileConflict } from "../../schedule/types.js";
import { dependencyGraph, ganttChart, monitorScript, ownedFiles, pageList, pageTitle, startable, timelineRows, waveView, workstreamRows, worktreeSetup } from "./plan-view.js";
import { linkFrom, type RenderContext } from "./render-context.js";
import { runbookView } from "./runbook-view.js";

// What every page of one rendering shares, computed once for all of them.
const shared = new WeakMap<RenderContext, { nodeId: Map<string, string>; critical: Set<string>; canStart: Set<string>; conflictAt: Map<FileConflict, number>; around: ReturnType<typeof pageList> }>();

function sharedOf(ctx: RenderContext, pages: readonly PlanPage[]) {
  let found = shared.get(ctx);
  if (!found) {
    found = {
      nodeId: new Map(ctx.plan.workstreams.map((w, i) => [w.id, `w${i + 1}`])),
      critical: new Set(ctx.schedule.withWaves.high.workstreams.filter((t) => t.critical).map((t) => t.id)),
      canStart: new Set(ctx.schedule.execution.canStartNow),
      conflictAt: new Map(ctx.schedule.conflicts.map((c, i) => [c, i])),
      around: pageList(ctx, pages, pages[0]!.path),
    };
    shared.set(ctx, found);
  }
  return found;
}

/**
 * The view model of one page of a split execution plan: what the plan shows of every workstream, for the page's
 * workstreams only (their tables, graph, Gantt chart, owned files, conflicts, runbook, worktrees and prompts), and on
 * a wave's first page the wave itself. Node names in the graphs are those of the whole plan, so pages agree.
 */
export function planPageView(ctx: RenderContext, pages: readonly PlanPage[], index: number) {
  const { plan } = ctx;
  const page = pages[index]!;
  const ids = new Set(page.workstreams);
  const list = page.workstreams.map((id) => ctx.workstream.get(id)!);
  const { nodeId, critical, conflictAt, canStart } = sharedOf(ctx, pages);
  // The conflicts naming a workstream of the page, in the schedule's order, as the whole plan would list them.
  const conflicts = [...new Set(page.workstreams.flatMap((id) => ctx.conflictsOf.get(id) ?? []))].sort((a, b) => conflictAt.get(a)! - conflictAt.get(b)!);
  const workstreams = workstreamRows(ctx, list, page.path);
  // Every page is in the same folder: one list of links serves them all.
  const around = sharedOf(ctx, pages).around;
  // The wave's own text and merge commands are on its first page; the workstreams no wave merges have none.
  const wave = page.wave && page.part === 1 ? waveView(ctx, page.wave) : null;
  return {
    generatedPath: page.path,
    project: plan.project.name,
    title: pageTitle(page),
    plan: linkFrom(page.path, PLAN_DOCUMENT),
    previous: index > 0 ? around[index - 1]! : null,
    next: index + 1 < pages.length ? around[index + 1]! : null,
    firstPart: page.part > 1 ? around[index - page.part + 1]! : null,
    unwaved: page.wave === undefined,
    wave,
    workstreams,
    canStartNow: startable(
      ctx,
      page.workstreams.filter((id) => canStart.has(id)),
      page.path,
    ),
    graph: dependencyGraph(ctx, nodeId, critical, ids),
    gantt: ganttChart(ctx, nodeId, page.wave ? [page.wave] : [], page.wave === undefined, ids),
    owned: ownedFiles(ctx, list),
    conflicts: conflictsView(conflicts),
    runbook: runbookView(ctx, { path: page.path, workstreams: ids, merges: new Set(wave ? [wave.number] : []) }),
    setup: worktreeSetup(ctx, list),
    monitor: monitorScript(list),
    prompts: workstreams.map((w) => ({ id: w.id, name: w.name, link: w.prompt })),
  };
}

/** The view model of a split execution plan's day-by-day timeline, a page of its own: a long plan has thousands of days. */
export function planTimelineView(ctx: RenderContext) {
  return {
    generatedPath: PLAN_TIMELINE,
    project: ctx.plan.project.name,
    plan: linkFrom(PLAN_TIMELINE, PLAN_DOCUMENT),
    // Day 1's date, as the timeline counts it: a weekend start date means the Monday after.
    startDate: dateOf(ctx.plan.project.startDate, 1) ?? null,
    timeline: timelineRows(ctx, true),
  };
}
