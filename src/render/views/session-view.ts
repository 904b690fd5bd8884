import { normalizeKey } from "../../schema/field-spec.js";
import type { Session, Subsection } from "../../model/types.js";
import { adrPath, PLAN_DOCUMENT, promptPath, sessionPath } from "../../model/output-paths.js";
import { agentCommand, sh } from "./shell-command.js";
import { linkFrom, type RenderContext } from "./render-context.js";
import { adrLabel, adrNumber, decisionBody } from "./decision-view.js";
import { snapshotFigures, snapshotWaves, snapshotWorkstreams, type PlanSnapshot } from "./plan-snapshot.js";
import { extrasView, type ExtraView } from "./shared-views.js";

/** Which seed section an extra section of a session log belongs with, by its heading's words. */
function extraPlace(heading: string): "decisions" | "risks" | "metrics" | "end" {
  const key = normalizeKey(heading);
  if (/decision/.test(key)) return "decisions";
  if (/risk|blocker/.test(key)) return "risks";
  if (/metric|progress|velocity|worktree|artifact/.test(key)) return "metrics";
  return "end";
}

/** The view model of a session log, in the seed's section order: the plan as the session's snapshot froze it, ADR and risk text from their records. */
export function sessionView(ctx: RenderContext, session: Session) {
  const path = sessionPath(session);
  const { plan } = ctx;
  const extras = extrasView(
    session.extras.filter((e) => e.heading !== ""),
    3,
  );
  const placed = (where: ReturnType<typeof extraPlace>): ExtraView[] => extras.filter((_, i) => extraPlace(session.extras.filter((e) => e.heading !== "")[i]!.heading) === where);
  // What the log shows of the plan: the session's own snapshot where it has one, the plan as it stands for the rest,
  // each part computed only when the snapshot lacks it (and the statuses read from the records it cites, not from a
  // snapshot of every ADR and risk of the plan: a log costs what it shows, not the size of the plan).
  const snap = session.snapshot;
  const figures = snap.figures ?? snapshotFigures(ctx);
  const workstreams = snap.workstreams ?? snapshotWorkstreams(ctx, session.date);
  const decisionStatus = snap.decisions ? new Map(snap.decisions.map((d) => [d.adr.replace(/^ADR-?/i, ""), d.status])) : undefined;
  const riskStatus = snap.risks ? new Map(snap.risks.map((r) => [r.risk, r])) : undefined;
  const decisions = session.decisions.map((ref) => {
    const d = ctx.findDecision(ref.id);
    if (!d) return { heading: `ADR ${ref.id} (missing)`, link: null, status: "missing", body: null };
    return { heading: adrLabel(d), link: linkFrom(path, adrPath(d)), status: decisionStatus?.get(adrNumber(d)) ?? d.status, body: decisionBody(d, 4) };
  });
  const risks = session.risks.map((ref) => ctx.risk.get(ref.id)).filter((r) => r !== undefined);
  return {
    title: session.title,
    header: headerLines(session),
    preamble: session.extras.filter((e) => e.heading === "").map((e) => e.body),
    summary: session.summary.trim(),
    whatChanged: session.whatChanged.trim(),
    workstreams,
    // A cell left as `—` (or empty) says the wave has no integration branch.
    waves: (snap.waves ?? snapshotWaves(ctx, session.date)).map((w) => ({ ...w, branch: w.branch === "—" || w.branch === "" ? null : w.branch })),
    decisions,
    decisionExtras: placed("decisions"),
    prioritiesTitle: `Next ${session.nextPriorities.length} Priorities`,
    priorities: session.nextPriorities.map((p) => priorityView(p, workstreams, path, agentCommand(ctx.plan.project))),
    risks: risks.map((r) => ({
      heading: `${r.id}: ${r.title}`,
      severity: riskStatus?.get(r.id)?.severity ?? r.severity,
      status: riskStatus?.get(r.id)?.status ?? r.status,
      likelihood: r.likelihood ?? null,
      workstreams: r.workstreams.map((x) => x.id).join(", ") || null,
      impact: r.impact.trim(),
      mitigation: r.mitigation,
      contingency: r.contingency,
      currentStatus: r.currentStatus.trim(),
      // The resolution rules for the files the risk names: what the project manager does when the risk occurs.
      protocol: plan.project.resolutionProtocol
        .filter((row) => row.file !== "" && [r.impact, ...r.mitigation, ...r.contingency].some((t) => t.includes(row.file)))
        .map((row) => ({ file: row.file, rule: row.rule })),
    })),
    riskExtras: placed("risks"),
    metrics: {
      figures,
      worktrees: workstreams,
      baseCommit: plan.project.baseCommit ?? null,
      plan: linkFrom(path, PLAN_DOCUMENT),
    },
    metricExtras: placed("metrics"),
    lessons: session.lessonsLearned.map(lessonView),
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

/** The key of a priority's line that names the sessions it launches: `**Launch:** TD2, TD4`. */
const LAUNCH = "launch";

/** A priority: its lines, and for each workstream its `Launch` line names, a copy-ready block that starts its session. */
function priorityView(entry: Subsection, workstreams: PlanSnapshot["workstreams"], from: string, command: string) {
  const launch = entry.fields
    .filter((f) => normalizeKey(f.key) === LAUNCH)
    .flatMap((f) =>
      f.value
        .split(",")
        .map((id) => id.replace(/`/g, "").trim())
        .filter((id) => id !== ""),
    );
  const row = new Map(workstreams.map((w) => [w.id, w]));
  return {
    ...subsectionView({ ...entry, fields: entry.fields.filter((f) => normalizeKey(f.key) !== LAUNCH) }),
    launches: launch.map((id) => {
      const ws = row.get(id);
      if (!ws) return { id, name: null, prompt: null, command: null };
      return { id, name: ws.name, prompt: linkFrom(from, promptPath(ws)), command: `${sh`cd ${ws.worktree}`} && ${command}` };
    }),
  };
}

/**
 * A `###` block of lessons. One with lessons under their own headings (`#### 1. …` with Action / Result / Lesson lines)
 * is shown as written, since its key-value lines belong to those headings; any other as a priority is.
 */
function lessonView(entry: Subsection) {
  return /^#{4,6}\s/m.test(entry.body) ? { title: entry.title, fields: [], rest: entry.body.trim() } : subsectionView(entry);
}

/** A `###` block: its key-value lines as a list (a paragraph of them would be reflowed into one line), then the rest. */
function subsectionView(entry: Subsection) {
  return { title: entry.title, fields: entry.fields, rest: entry.rest.trim() };
}
