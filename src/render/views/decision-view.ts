import { INVERSE } from "../../model/decision-link-phrase.js";
import type { Decision } from "../../model/types.js";
import { ADR_INDEX, adrPath, sessionPath } from "../../model/output-paths.js";
import { groupBy } from "../../model/group-by.js";
import { linkFrom, type RenderContext } from "./render-context.js";
import { decisionSentence } from "./decision-summary.js";
import { extrasView } from "./shared-views.js";

/** `0003`; an ADR without a number (log4brains) goes by its file name. */
export function adrNumber(d: Decision): string {
  return d.number !== undefined ? String(d.number).padStart(4, "0") : d.id;
}

/** `ADR-0003: Title`; the title alone for an ADR without a number. */
export function adrLabel(d: Decision): string {
  return d.number !== undefined ? `ADR-${adrNumber(d)}: ${d.title}` : d.title;
}

/** `Superseded by`, `Amends`, `Clarified by`: a relation as a reader says it. */
function relationText(relation: string): string {
  const words = relation.replace(/-/g, " ");
  return `${words[0]!.toUpperCase()}${words.slice(1)}`;
}

/** A link to an ADR from an output file, or plain text when the ADR does not exist. */
function adrLink(ctx: RenderContext, from: string, id: string) {
  const d = ctx.findDecision(id);
  return d ? { label: adrLabel(d), link: linkFrom(from, adrPath(d)) } : { label: `ADR ${id} (missing)`, link: null };
}

/** The content of an ADR as fields, shared by its page (for templates written before `sections`) and by the session logs that cite it. */
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

/** The body in the order written, every section under its heading as written: nothing is dropped or renamed. */
function sectionsView(d: Decision) {
  return d.sections.filter((s) => s.heading !== "" || s.body.trim() !== "").map((s) => ({ heading: s.heading === "" ? null : `## ${s.heading}`, body: s.body.trim() }));
}

/** The page's title: the `# Heading` as written (inline Markdown kept) after the number, or the title. */
function pageTitle(d: Decision): string {
  const written = d.heading?.replace(/^(?:ADR[- ]?)?\d+[.:]?\s+/i, "").trim();
  const title = written || d.title;
  return d.number !== undefined ? `${adrNumber(d)}. ${title}` : title;
}

/** Other ADRs that link to this one, each with what it says about it (`supersedes this`). */
function adrBacklinks(ctx: RenderContext, d: Decision, from: string) {
  // Grouped by the linking ADR, in plan order (linksTo lists links in that order).
  const relations = groupBy((ctx.linksTo.get(d) ?? []).map((l): [Decision, string] => [l.from, l.relation.replace(/-/g, " ")]));
  return [...relations].map(([o, said]) => ({ label: `${adrLabel(o)} (${[...new Set(said)].join(", ")} this)`, link: linkFrom(from, adrPath(o)) }));
}

/** The view model of one ADR page: banner, metadata, links, the body as written, and backlinks. */
export function decisionView(ctx: RenderContext, d: Decision) {
  const path = adrPath(d);
  const backlinks = [
    ...adrBacklinks(ctx, d, path),
    // A prompt cites only accepted ADRs (prompt-view): only then does it refer to this one.
    ...[...new Set(d.status === "accepted" ? d.workstreams.map((r) => r.id) : [])]
      .flatMap((id) => ctx.workstream.get(id) ?? [])
      .sort((a, b) => ctx.position.get(a.id)! - ctx.position.get(b.id)!)
      .map((w) => ({ label: `${w.id}: ${w.name} (prompt)`, link: linkFrom(path, ctx.promptPath.get(w.id)!) })),
    ...(ctx.citedBy.get(d) ?? []).map((s) => ({ label: `Session ${s.date}: ${s.title}`, link: linkFrom(path, sessionPath(s)) })),
  ];
  const written = d.dateWritten?.text;
  return {
    heading: pageTitle(d),
    number: adrNumber(d),
    title: d.title,
    status: d.status,
    statusText: d.statusText,
    // A `## Status` section is shown as written below: no need to repeat it here.
    statusDiffers: d.statusText !== "" && d.statusText.trim().toLowerCase() !== d.status && !d.sections.some((s) => s.field === "status"),
    statusMissing: d.statusText === "",
    // A `## Status` section shows the status as written: the list above does not say it again.
    statusInList: !d.sections.some((s) => s.field === "status"),
    date: d.date ?? written ?? null,
    dateWritten: written !== undefined && d.date !== undefined && written !== d.date ? written : null,
    deciders: d.deciders.join(", ") || null,
    consulted: d.consulted.join(", ") || null,
    informed: d.informed.join(", ") || null,
    tags: d.tags.join(", ") || null,
    supersedes: d.supersedes.map((r) => adrLink(ctx, path, r.id)),
    supersededBy: d.supersededBy ? adrLink(ctx, path, d.supersededBy.id) : null,
    links: d.links.filter((l) => l.relation !== "superseded-by").map((l) => ({ relation: relationText(l.relation), ...adrLink(ctx, path, l.target.id) })),
    workstreams: d.workstreams.map((r) => r.id).join(", ") || null,
    otherFields: d.otherFields,
    sections: sectionsView(d),
    backlinks,
    index: linkFrom(path, ADR_INDEX),
    ...decisionBody(d, 2),
  };
}

const STATUS_ORDER = ["proposed", "accepted", "superseded", "deprecated", "rejected"] as const;

/** Mermaid edges of the links between ADRs, each pair once: `supersedes` for `superseded by` too, one `relates to` per pair. */
function graphEdges(ctx: RenderContext, node: Map<Decision, string>): { edges: string[]; linked: Set<Decision> } {
  const edges = new Map<string, string>();
  const linked = new Set<Decision>();
  for (const d of ctx.plan.decisions) {
    for (const link of d.links) {
      const other = ctx.findDecision(link.target.id);
      if (!other || other === d) continue;
      // A pair is drawn from the side that acts: `B supersedes A` whether A or B wrote it.
      const passive = link.relation.endsWith("-by") && INVERSE[link.relation] !== undefined;
      const [from, to, relation] = passive ? [other, d, INVERSE[link.relation]!] : [d, other, link.relation];
      const symmetric = INVERSE[relation] === relation;
      const [a, b] = symmetric && node.get(to)! < node.get(from)! ? [to, from] : [from, to];
      const key = `${node.get(a)} ${relation} ${node.get(b)}`;
      const arrow = symmetric ? `-.-|${relation.replace(/-/g, " ")}|` : `-->|${relation.replace(/-/g, " ")}|`;
      if (!edges.has(key)) edges.set(key, `  ${node.get(a)} ${arrow} ${node.get(b)}`);
      linked.add(a).add(b);
    }
  }
  return { edges: [...edges.values()], linked };
}

/** What each status group tells a reviewer; proposed ADRs come first, as the reviewers' queue. */
const GROUP_TITLES: Record<(typeof STATUS_ORDER)[number], string> = {
  proposed: "Proposed: awaiting review",
  accepted: "Accepted",
  superseded: "Superseded",
  deprecated: "Deprecated",
  rejected: "Rejected",
};

/** The view model of the ADR index: grouped by status (the reviewers' queue first), each ADR with its decision in a sentence, and a graph of the links. */
export function decisionIndexView(ctx: RenderContext) {
  const from = ADR_INDEX;
  const rows = ctx.plan.decisions.map((d) => ({
    status: d.status,
    number: d.number !== undefined ? adrNumber(d) : null,
    title: d.title,
    link: linkFrom(from, adrPath(d)),
    summary: decisionSentence(d),
    date: d.date ?? d.dateWritten?.text ?? null,
    supersedes: d.supersedes.map((r) => adrLink(ctx, from, r.id).label).join(", ") || null,
    supersededBy: d.supersededBy ? adrLink(ctx, from, d.supersededBy.id).label : null,
  }));
  // A column empty in every row of the index says nothing: it is left out (in every group, so the tables line up).
  const show = {
    number: rows.some((r) => r.number !== null),
    summary: rows.some((r) => r.summary !== null),
    date: rows.some((r) => r.date !== null),
    supersedes: rows.some((r) => r.supersedes !== null),
    supersededBy: rows.some((r) => r.supersededBy !== null),
  };
  const groups = STATUS_ORDER.map((status) => ({
    status,
    title: GROUP_TITLES[status],
    decisions: rows
      .filter((r) => r.status === status)
      .map((r) => ({ ...r, number: r.number ?? "—", summary: r.summary ?? "—", date: r.date ?? "—", supersedes: r.supersedes ?? "—", supersededBy: r.supersededBy ?? "—" })),
  })).filter((g) => g.decisions.length > 0);
  const node = new Map(ctx.plan.decisions.map((d, i) => [d, d.number !== undefined ? `adr${d.number}` : `adr_${i + 1}`]));
  const { edges, linked } = graphEdges(ctx, node);
  const label = (d: Decision) =>
    `${d.number !== undefined ? `${adrNumber(d)} ` : ""}${d.title}`
      .replace(/["#:;`|[\]{}<>]/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  const graph = edges.length > 0 ? ["graph TD", ...ctx.plan.decisions.filter((d) => linked.has(d)).map((d) => `  ${node.get(d)}["${label(d)}"]`), ...edges].join("\n") : null;
  return { project: ctx.plan.project.name, count: ctx.plan.decisions.length, groups, show, graph };
}
