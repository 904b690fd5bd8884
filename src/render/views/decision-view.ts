import type { Decision } from "../../model/types.js";
import { ADR_INDEX, adrPath, sessionPath } from "../output-paths.js";
import { adrKey, linkFrom, type RenderContext } from "./render-context.js";
import { extrasView } from "./shared-views.js";

/** A link to an ADR from an output file, or plain text when the ADR does not exist. */
function adrLink(ctx: RenderContext, from: string, id: string) {
  const d = ctx.decision.get(adrKey(id));
  return d ? { label: `ADR-${String(d.number).padStart(4, "0")}: ${d.title}`, link: linkFrom(from, adrPath(d)) } : { label: `ADR ${id} (missing)`, link: null };
}

/** The content of an ADR as sections, shared by its page and by the session logs that cite it. */
export function decisionBody(d: Decision, level: number) {
  return {
    context: d.context.trim(),
    decision: d.decision.trim(),
    rationale: d.rationale.trim(),
    consequences: { text: d.consequences.text.trim(), positive: d.consequences.positive, negative: d.consequences.negative },
    alternatives: d.alternatives,
    extras: extrasView(d.extras, level),
  };
}

/** The view model of one ADR page, with its supersession banner and backlinks. */
export function decisionView(ctx: RenderContext, d: Decision) {
  const path = adrPath(d);
  const key = String(d.number);
  const backlinks = [
    ...ctx.plan.decisions
      .filter((o) => o !== d && (o.supersedes.some((r) => adrKey(r.id) === key) || (o.supersededBy && adrKey(o.supersededBy.id) === key)))
      .map((o) => ({ label: `ADR-${String(o.number).padStart(4, "0")}: ${o.title}`, link: linkFrom(path, adrPath(o)) })),
    ...ctx.plan.workstreams.filter((w) => d.workstreams.some((r) => r.id === w.id)).map((w) => ({ label: `${w.id}: ${w.name} (prompt)`, link: linkFrom(path, ctx.promptPath.get(w.id)!) })),
    ...ctx.plan.sessions.filter((s) => s.decisions.some((r) => adrKey(r.id) === key)).map((s) => ({ label: `Session ${s.date}: ${s.title}`, link: linkFrom(path, sessionPath(s)) })),
  ];
  return {
    number: String(d.number).padStart(4, "0"),
    title: d.title,
    status: d.status,
    statusText: d.statusText,
    statusDiffers: d.statusText.trim().toLowerCase() !== d.status,
    date: d.date ?? null,
    deciders: d.deciders.join(", ") || null,
    tags: d.tags.join(", ") || null,
    supersedes: d.supersedes.map((r) => adrLink(ctx, path, r.id)),
    supersededBy: d.supersededBy ? adrLink(ctx, path, d.supersededBy.id) : null,
    workstreams: d.workstreams.map((r) => r.id).join(", ") || null,
    backlinks,
    index: linkFrom(path, ADR_INDEX),
    ...decisionBody(d, 2),
  };
}

const STATUS_ORDER = ["proposed", "accepted", "superseded", "deprecated", "rejected"] as const;

/** The view model of the ADR index: grouped by status, with a graph of supersessions. */
export function decisionIndexView(ctx: RenderContext) {
  const from = ADR_INDEX;
  const groups = STATUS_ORDER.map((status) => ({
    status,
    title: `${status[0]!.toUpperCase()}${status.slice(1)}`,
    decisions: ctx.plan.decisions
      .filter((d) => d.status === status)
      .map((d) => ({
        number: String(d.number).padStart(4, "0"),
        title: d.title,
        link: linkFrom(from, adrPath(d)),
        date: d.date ?? "—",
        supersedes: d.supersedes.map((r) => adrLink(ctx, from, r.id).label).join(", ") || "—",
        supersededBy: d.supersededBy ? adrLink(ctx, from, d.supersededBy.id).label : "—",
      })),
  })).filter((g) => g.decisions.length > 0);
  const edges = ctx.plan.decisions.flatMap((d) => [
    ...d.supersedes.filter((r) => ctx.decision.has(adrKey(r.id))).map((r) => `  adr${d.number} -->|supersedes| adr${adrKey(r.id)}`),
  ]);
  const graph = edges.length > 0 ? ["graph TD", ...ctx.plan.decisions.map((d) => `  adr${d.number}["${String(d.number).padStart(4, "0")} ${d.title.replace(/["#:;`]/g, " ")}"]`), ...edges].join("\n") : null;
  return { project: ctx.plan.project.name, count: ctx.plan.decisions.length, groups, graph };
}
