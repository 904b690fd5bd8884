import { workstreamColumns } from "./shared-views.js";
import type { SessionSnapshot } from "../../model/types.js";
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
  const { plan, schedule } = ctx;
  const w = schedule.withWaves.high;
  const start = plan.project.startDate;
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
  return {
    figures,
    workstreams: workstreamsOn(ctx, date).map((ws) => {
      const t = ctx.timing.get(ws.id);
      return {
        ...workstreamColumns(ws),
        starts: t ? dayLabel(start, t.start) : "—",
        worktree: ws.worktree,
        branch: ws.branch,
      };
    }),
    waves: plan.waves.map((wave) => {
      const t = ctx.waveTiming.get(wave.number);
      return {
        wave: String(wave.number),
        name: wave.name,
        merges: t ? dayLabel(start, t.mergeDay) : "—",
        workstreams: (t?.workstreams ?? wave.workstreams.map((r) => r.id)).join(", ") || "—",
        branch: wave.branch ?? "—",
      };
    }),
    decisions: plan.decisions.map((d) => ({ adr: adrNumber(d), title: d.title, status: d.status })),
    risks: plan.risks.map((r) => ({ risk: r.id, title: r.title, severity: r.severity, status: r.status })),
  };
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

/** The workstreams a session freezes: all of a small plan, or those active on the session's day, so a log stays readable. */
function workstreamsOn(ctx: RenderContext, date: string) {
  const { plan } = ctx;
  if (plan.workstreams.length <= ALL_WORKSTREAMS_UP_TO) return plan.workstreams;
  // Without a start date the session's day is unknown: day 1's.
  const day = Math.max(plan.project.startDate ? workingDayOf(plan.project.startDate, date) : 1, 1);
  return plan.workstreams.filter((ws) => {
    const t = ctx.timing.get(ws.id);
    return t !== undefined && t.start <= day && day <= t.finish;
  });
}
