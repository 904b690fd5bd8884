/**
 * A plan diff in words: one sentence per change, grouped (records, fields, files, schedule, conflicts, prompts), as
 * terminal text or as Markdown for a pull-request comment.
 */
import type { FieldChange, FieldValue, PlanDiff, RecordKind } from "../schedule/plan-diff.js";
import type { Range } from "../schedule/types.js";
import { wrapMarkdown } from "./wrap-markdown.js";

/** A diff as groups of sentences. */
export interface DiffReport {
  /** `HEAD → working tree`. */
  title: string;
  sections: { heading: string; items: string[] }[];
}

const range = (r: Range) => (r.low === r.high ? `${r.high}` : `${r.low}-${r.high}`);
/** When a workstream works: `days 3–4`, or `from day 4-5 to day 6-7` when the durations are ranges. */
const when = (start: Range, finish: Range) => (start.low === start.high && finish.low === finish.high ? `days ${start.high}–${finish.high}` : `from day ${range(start)} to day ${range(finish)}`);
const sameRange = (a: Range, b: Range) => a.low === b.low && a.high === b.high;
const scalar = (v: FieldValue) => (v === null ? "(none)" : Array.isArray(v) ? v.join(", ") || "(none)" : v);

/** How a record is named in a sentence: `TD3`, `ADR-0002`, `wave 2`, `agent developer`. */
function recordName(kind: RecordKind, id: string): string {
  return kind === "workstream" || kind === "decision" || kind === "wave" || kind === "project" ? id : `${kind} ${id}`;
}

/** Entries longer than this (prose list items: goals, deliverables) are counted in a diff, not quoted. */
const QUOTED_ENTRY = 60;

/**
 * One changed field as a sentence: `TD3 days 2 → 3`, `WS2 depends_on + TD1 − TD4`, `TD3 goal changed`. With `brief`,
 * a list of long entries says how many came and went instead of quoting them.
 */
export function fieldSentence(name: string, c: FieldChange, brief = false): string {
  if (c.prose) return `${name} ${c.field} changed`;
  if (c.added !== undefined) {
    const added = c.added;
    const removed = c.removed ?? [];
    const oneLine = (x: string) => x.replace(/\s+/g, " ").trim();
    if (brief && [...added, ...removed].some((x) => x.length > QUOTED_ENTRY || x.includes("\n"))) {
      return `${name} ${c.field} changed: ${[added.length > 0 ? `${added.length} added` : "", removed.length > 0 ? `${removed.length} removed` : ""].filter(Boolean).join(", ") || "reordered"}`;
    }
    const parts = [...added.map((x) => `+ ${oneLine(x)}`), ...removed.map((x) => `− ${oneLine(x)}`)];
    return `${name} ${c.field} ${parts.length > 0 ? parts.join(" ") : `reordered: ${scalar(c.to)}`}`;
  }
  return `${name} ${c.field} ${scalar(c.from)} → ${scalar(c.to)}`;
}

/** The sentences of a diff, grouped; empty groups are left out. */
export function diffReport(diff: PlanDiff, labels: { from: string; to: string }): DiffReport {
  const sections: DiffReport["sections"] = [];
  const add = (heading: string, items: string[]) => {
    if (items.length > 0) sections.push({ heading, items });
  };
  add("Records", [
    ...diff.added.map((r) => `added ${r.kind} ${recordName(r.kind, r.id)} (\`${r.file}\`)`),
    ...diff.removed.map((r) => `removed ${r.kind} ${recordName(r.kind, r.id)} (\`${r.file}\`)`),
    ...diff.renamed.map((r) => `renamed ${r.kind} ${r.from} → ${r.to}${r.fromFile === r.file ? "" : ` (\`${r.fromFile}\` → \`${r.file}\`)`}`),
  ]);
  add(
    "Fields",
    diff.changed.flatMap((r) => r.changes.map((c) => fieldSentence(recordName(r.kind, r.id), c, true))),
  );
  add(
    "Files",
    diff.ownership.map((o) => `\`${o.pattern}\` owner ${o.from.join(", ") || "(nobody)"} → ${o.to.join(", ") || "(nobody)"}`),
  );
  const s = diff.schedule;
  const schedule: string[] = [];
  if (!sameRange(s.makespan.from, s.makespan.to)) schedule.push(`makespan ${range(s.makespan.from)} → ${range(s.makespan.to)} days`);
  if (!sameRange(s.dependenciesOnly.from, s.dependenciesOnly.to)) schedule.push(`makespan on dependencies alone ${range(s.dependenciesOnly.from)} → ${range(s.dependenciesOnly.to)} days`);
  if (!sameRange(s.sequentialTotal.from, s.sequentialTotal.to)) schedule.push(`sequential total ${range(s.sequentialTotal.from)} → ${range(s.sequentialTotal.to)} days`);
  if (!sameRange(s.speedUp.from, s.speedUp.to)) schedule.push(`speed-up ${range(s.speedUp.from)}× → ${range(s.speedUp.to)}×`);
  for (const w of s.waves) {
    if (w.from === null) schedule.push(`wave ${w.number} is new: merges on day ${range(w.to!)}`);
    else if (w.to === null) schedule.push(`wave ${w.number} is gone (merged on day ${range(w.from)})`);
    else schedule.push(`wave ${w.number} ${w.to.high > w.from.high ? "slips" : "moves"} from day ${range(w.from)} to day ${range(w.to)}`);
  }
  const paths = (p: string[][]) => p.map((x) => x.join(" → ")).join("; ") || "(none)";
  if (paths(s.criticalPaths.from) !== paths(s.criticalPaths.to)) schedule.push(`critical path now ${paths(s.criticalPaths.to)} (was ${paths(s.criticalPaths.from)})`);
  for (const t of s.workstreams) {
    if (t.from === null || t.to === null) continue;
    schedule.push(`${t.id} works ${when(t.from.start, t.from.finish)} → ${when(t.to.start, t.to.finish)}`);
  }
  add("Schedule", schedule);
  add("Conflicts", [
    ...diff.conflicts.added.map((c) => `new conflict: \`${c.file}\` shared by ${c.workstreams.join(" and ")}${c.overlapping ? " (their days overlap)" : ""}`),
    ...diff.conflicts.removed.map((c) => `conflict gone: \`${c.file}\` no longer shared by ${c.workstreams.join(" and ")}`),
  ]);
  add(
    "Prompts",
    (diff.prompts ?? []).map((p) =>
      p.change === "changed"
        ? `${p.workstream}: ${p.sections.length > 0 ? p.sections.join(", ") : "whitespace only"}`
        : p.change === "unrendered"
          ? `${p.workstream}: prompt not compared (the plan's errors stop it on one side)`
          : `${p.workstream}: prompt ${p.change}`,
    ),
  );
  return { title: `${labels.from} → ${labels.to}`, sections };
}

/** The report for a terminal: a title line, then each group with its sentences indented. */
export function diffText(report: DiffReport): string {
  if (report.sections.length === 0) return `plan ${report.title}: no change\n`;
  const lines = [`plan ${report.title}`];
  for (const section of report.sections) lines.push("", `${section.heading}:`, ...section.items.map((i) => `  ${i}`));
  return `${lines.join("\n")}\n`;
}

/** The report as Markdown for a pull-request comment: one `##` group per kind of change, wrapped for markdownlint. */
export function diffMarkdown(report: DiffReport): string {
  const lines = ["# Plan change", "", `${report.title}.`, ""];
  if (report.sections.length === 0) lines.push("No change to the plan.", "");
  for (const section of report.sections) lines.push(`## ${section.heading}`, "", ...section.items.map((i) => `- ${i}`), "");
  return wrapMarkdown(`${lines.join("\n").trimEnd()}\n`);
}
