import { normalizeKey } from "../../schema/field-spec.js";
import type { Session, Subsection } from "../../model/types.js";
import { adrPath, PLAN_DOCUMENT, sessionPath } from "../output-paths.js";
import { dayLabel, days, range, workingDayOf } from "./figures.js";
import { linkFrom, type RenderContext } from "./render-context.js";
import { abbreviatedPath, criticalPathSteps } from "./critical-path-text.js";
import { adrLabel, decisionBody } from "./decision-view.js";
import { extrasView, type ExtraView } from "./shared-views.js";

/** The critical paths a session log shows: a few (never all but one), the execution plan has the rest. */
const summaryPaths = <T>(paths: readonly T[], few = 3): readonly T[] => (paths.length <= few + 1 ? paths : paths.slice(0, few));

/** Which seed section an extra section of a session log belongs with, by its heading's words. */
function extraPlace(heading: string): "decisions" | "risks" | "metrics" | "end" {
  const key = normalizeKey(heading);
  if (/decision/.test(key)) return "decisions";
  if (/risk|blocker/.test(key)) return "risks";
  if (/metric|progress|velocity|worktree/.test(key)) return "metrics";
  return "end";
}

/** The view model of a session log, in the seed's section order, with ADRs, risks and metrics drawn from the plan. */
export function sessionView(ctx: RenderContext, session: Session) {
  const path = sessionPath(session);
  const { plan, schedule } = ctx;
  const extras = extrasView(session.extras.filter((e) => e.heading !== ""), 3);
  const placed = (where: ReturnType<typeof extraPlace>): ExtraView[] =>
    extras.filter((_, i) => extraPlace(session.extras.filter((e) => e.heading !== "")[i]!.heading) === where);
  const decisions = session.decisions.map((ref) => {
    const d = ctx.findDecision(ref.id);
    if (!d) return { heading: `ADR ${ref.id} (missing)`, link: null, status: "missing", body: null };
    return { heading: adrLabel(d), link: linkFrom(path, adrPath(d)), status: d.status, body: decisionBody(d, 4) };
  });
  const risks = session.risks.map((ref) => ctx.risk.get(ref.id)).filter((r) => r !== undefined);
  const w = schedule.withWaves.high;
  return {
    title: session.title,
    header: headerLines(session),
    preamble: session.extras.filter((e) => e.heading === "").map((e) => e.body),
    summary: session.summary.trim(),
    whatChanged: session.whatChanged.trim(),
    decisions,
    decisionExtras: placed("decisions"),
    prioritiesTitle: `Next ${session.nextPriorities.length} Priorities`,
    priorities: session.nextPriorities.map(subsectionView),
    risks: risks.map((r) => ({
      heading: `${r.id}: ${r.title}`,
      severity: r.severity,
      status: r.status,
      likelihood: r.likelihood ?? null,
      workstreams: r.workstreams.map((x) => x.id).join(", ") || null,
      impact: r.impact.trim(),
      mitigation: r.mitigation,
      contingency: r.contingency,
      currentStatus: r.currentStatus.trim(),
    })),
    riskExtras: placed("risks"),
    metrics: {
      sequential: days(schedule.sequentialTotal),
      makespan: days({ low: schedule.withWaves.low.makespan, high: w.makespan }),
      makespanDependenciesOnly: days({ low: schedule.dependenciesOnly.low.makespan, high: schedule.dependenciesOnly.high.makespan }),
      speedUp: `${range(schedule.speedUp.withWaves)}×`,
      waveCost: schedule.waveCost.summary,
      // A log summarises: a few paths, each shortened; the execution plan lists them all in full.
      criticalPaths: summaryPaths(w.criticalPaths).map((p) => abbreviatedPath(criticalPathSteps(ctx.plan, p))),
      moreCriticalPaths: w.criticalPaths.length - summaryPaths(w.criticalPaths).length,
      peak: w.peak.count,
      // Small plans list every worktree; large ones only those active on the session's day, so a log stays readable.
      worktrees: worktreesFor(ctx, session).map((ws) => {
        const t = ctx.timing.get(ws.id);
        return { id: ws.id, worktree: ws.worktree, branch: ws.branch, status: ws.status, start: t ? dayLabel(plan.project.startDate, t.start) : "—" };
      }),
      baseCommit: plan.project.baseCommit ?? null,
      plan: linkFrom(path, PLAN_DOCUMENT),
    },
    metricExtras: placed("metrics"),
    lessons: session.lessonsLearned.map(subsectionView),
    statistics: session.statistics,
    nextSessionPreparation: session.nextSessionPreparation.trim(),
    endExtras: placed("end"),
  };
}

/** The `**Date:** …` lines under the title, joined by hard line breaks as in the seed. */
function headerLines(session: Session) {
  const lines = [
    { key: "Date", value: session.date },
    ...(session.duration ? [{ key: "Duration", value: session.duration }] : []),
    ...(session.type ? [{ key: "Session Type", value: session.type }] : []),
    ...(session.status ? [{ key: "Status", value: session.status }] : []),
  ];
  return lines.map((line, i) => ({ ...line, lineEnd: i < lines.length - 1 ? "\\" : "" }));
}

/** A `###` block: its key-value lines as a list (a paragraph of them would be reflowed into one line), then the rest. */
function subsectionView(entry: Subsection) {
  return { title: entry.title, fields: entry.fields, rest: entry.rest.trim() };
}

const ALL_WORKTREES_UP_TO = 50;

/** The workstreams a session log shows: all of a small plan, or those active on the session's day. */
function worktreesFor(ctx: RenderContext, session: Session) {
  const { plan } = ctx;
  if (plan.workstreams.length <= ALL_WORKTREES_UP_TO) return plan.workstreams;
  // Without a start date the session's day is unknown: show day 1's.
  const day = plan.project.startDate ? workingDayOf(plan.project.startDate, session.date) : 1;
  return plan.workstreams.filter((ws) => {
    const t = ctx.timing.get(ws.id);
    return t !== undefined && t.start <= Math.max(day, 1) && Math.max(day, 1) <= t.finish;
  });
}
