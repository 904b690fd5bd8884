import { workstreamColumns } from "./shared-views.js";
import type { SessionSnapshot, Wave, Workstream } from "../../model/types.js";
import { abbreviatedPath, criticalPathText } from "./critical-path-text.js";
import { adrNumber } from "./decision-view.js";
import { dayLabel, days, range, workingDayOf } from "./figures.js";
import type { RenderContext } from "./render-context.js";

/** Every part of a session's snapshot, as the current plan gives it. */
export type PlanSnapshot = Required<SessionSnapshot>;

/** The critical paths a session log shows: a few (never all but one), the execution plan has the rest. */
const summaryPaths = <T>(paths: readonly T[], few = 3): readonly T[] => (paths.length <= few + 1 ? paths : paths.slice(0, few));

const ALL_WORKSTREAMS_UP_TO = 50;

/**
 * The plan as it stands, in the rows a session record freezes (`session new`, `session freeze`) and a log written
 * before snapshots shows: the schedule's figures, the workstreams, the waves, and the statuses of ADRs and risks.
 */
export function planSnapshot(ctx: RenderContext, date: string): PlanSnapshot {
  const { plan } = ctx;
  return {
    figures: snapshotFigures(ctx),
    workstreams: snapshotWorkstreams(ctx, date),
    waves: snapshotWaves(ctx, date),
    decisions: plan.decisions.map((d) => ({ adr: adrNumber(d), title: d.title, status: d.status })),
    risks: plan.risks.map((r) => ({ risk: r.id, title: r.title, severity: r.severity, status: r.status })),
  };
}

// The figures do not depend on the session: computed once per render, not once per log (a critical path is long in a large plan).
const figuresOf = new WeakMap<RenderContext, PlanSnapshot["figures"]>();

/** The schedule's figures as a session freezes them: makespans, speed-up, peak, wave cost and a few critical paths. */
export function snapshotFigures(ctx: RenderContext): PlanSnapshot["figures"] {
  const known = figuresOf.get(ctx);
  if (known) return known;
  const { schedule } = ctx;
  const w = schedule.withWaves.high;
  const paths = summaryPaths(w.criticalPaths);
  const more = w.criticalPaths.length - paths.length;
  const figures = [
    { figure: "Sequential total (one agent)", value: days(schedule.sequentialTotal) },
    { figure: "Makespan with waves", value: days({ low: schedule.withWaves.low.makespan, high: w.makespan }) },
    { figure: "Makespan on dependencies alone", value: days({ low: schedule.dependenciesOnly.low.makespan, high: schedule.dependenciesOnly.high.makespan }) },
    { figure: "Speed-up with waves", value: `${range(schedule.speedUp.withWaves)}×` },
    { figure: "Peak concurrency", value: `${w.peak.count} ${w.peak.count === 1 ? "session" : "sessions"}` },
    { figure: "Wave cost", value: schedule.waveCost.summary },
    ...paths.map((p) => ({ figure: "Critical path", value: pathWithDays(ctx, p) })),
    ...(more > 0 ? [{ figure: "Other critical paths", value: String(more) }] : []),
  ];
  figuresOf.set(ctx, figures);
  return figures;
}

/** The workstream rows a session freezes: every workstream of a small plan, those active on the session's day in a large one. */
export function snapshotWorkstreams(ctx: RenderContext, date: string): PlanSnapshot["workstreams"] {
  const start = ctx.plan.project.startDate;
  return workstreamsOn(ctx, date).map((ws) => {
    const t = ctx.timing.get(ws.id);
    return {
      ...workstreamColumns(ws),
      starts: t ? dayLabel(start, t.start) : "—",
      worktree: ws.worktree,
      branch: ws.branch,
    };
  });
}

/**
 * The wave rows a session freezes: every wave of a small plan with all its workstreams; in a large one, as for the
 * workstreams, only the waves that merge a workstream active on the session's day, each naming those and counting the
 * rest, so that a log stays the size of a day's work whatever the size of the plan.
 */
export function snapshotWaves(ctx: RenderContext, date: string): PlanSnapshot["waves"] {
  const { plan } = ctx;
  const start = plan.project.startDate;
  const row = (wave: Wave, workstreams: string) => {
    const t = ctx.waveTiming.get(wave.number);
    return { wave: String(wave.number), name: wave.name, merges: t ? dayLabel(start, t.mergeDay) : "—", workstreams: workstreams || "—", branch: wave.branch ?? "—" };
  };
  if (isSmall(ctx)) return plan.waves.map((wave) => row(wave, (ctx.waveTiming.get(wave.number)?.workstreams ?? wave.workstreams.map((r) => r.id)).join(", ")));
  const active = new Map<Wave, string[]>();
  for (const ws of workstreamsOn(ctx, date)) {
    const wave = ctx.waveOf.get(ws.id);
    if (!wave) continue;
    const ids = active.get(wave);
    if (ids) ids.push(ws.id);
    else active.set(wave, [ws.id]);
  }
  return [...active]
    .sort(([a], [b]) => a.number - b.number)
    .map(([wave, ids]) => {
      const more = (ctx.waveTiming.get(wave.number)?.workstreams.length ?? ids.length) - ids.length;
      return row(wave, more > 0 ? `${ids.join(", ")} and ${more} more` : ids.join(", "));
    });
}

/** `TD2 (1-2 days) → wave 1 merge → TD1 (2 days)`: a critical path as the seed writes it, long ones shortened. */
function pathWithDays(ctx: RenderContext, path: readonly string[]): string {
  const parts = criticalPathText(ctx.plan, path)
    .split(" → ")
    .map((part) => {
      const ws = ctx.workstream.get(part);
      return ws ? `${ws.id} (${ws.days.text} ${ws.days.high === 1 ? "day" : "days"})` : part;
    });
  return abbreviatedPath(parts);
}

/** Whether a plan is small enough for every session log to show all of it. */
function isSmall(ctx: RenderContext): boolean {
  return ctx.plan.workstreams.length <= ALL_WORKSTREAMS_UP_TO;
}

/** The workstreams a session freezes: all of a small plan, or those active on the session's day, so a log stays readable. */
function workstreamsOn(ctx: RenderContext, date: string): readonly Workstream[] {
  const { plan } = ctx;
  if (isSmall(ctx)) return plan.workstreams;
  // Without a start date the session's day is unknown: day 1's. The day's active list, not a scan of the plan.
  const day = Math.max(plan.project.startDate ? workingDayOf(plan.project.startDate, date) : 1, 1);
  return (ctx.activeOn.get(day) ?? []).flatMap((id) => ctx.workstream.get(id) ?? []).sort((a, b) => ctx.position.get(a.id)! - ctx.position.get(b.id)!);
}
