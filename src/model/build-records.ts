import { slug as githubSlug } from "github-slugger";
import { proseAt } from "./prose-at.js";
import { diagnostic, type Diagnostic, type Location } from "../diagnostics/diagnostic.js";
import type { RawRecord } from "../parse/raw-record.js";
import { AGENT, GATE, PROJECT, RISK, SESSION, WAVE, WORKSTREAM } from "../schema/record-kinds.js";
import { fileRefs, ref, refs, rich, subsections, text } from "./field-accessors.js";
import { readFields, type Fields } from "./checked-fields.js";
import { readSnapshot } from "./session-snapshot.js";
import type { Agent, ExtraSection, Gate, Priority, Project, Risk, RiskSeverity, RiskStatus, Session, Wave, Workstream, WorkstreamStatus } from "./types.js";

/** A slug for file and branch names: lower case, ASCII-safe where possible, never empty. */
export function toSlug(text: string): string {
  const s = githubSlug(text).replace(/-+/g, "-").replace(/^-|-$/g, "");
  return s === "" ? "untitled" : s;
}

function source(record: RawRecord) {
  return { file: record.file, at: record.at };
}

function extrasOf(record: RawRecord): ExtraSection[] {
  return record.extras;
}

/** Where a field is written, when it is (not a default). */
function positionOf(f: Fields, name: string): Location | undefined {
  return f.has(name) ? f.at(name) : undefined;
}

/** Sets optional properties only when defined (exactOptionalPropertyTypes). */
function withOptional<T extends object>(base: T, optional: { [K in keyof T]?: T[K] | undefined }): T {
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) (base as Record<string, unknown>)[k] = v;
  return base;
}

/** The project record, with defaults. */
export function buildProject(record: RawRecord, diagnostics: Diagnostic[]): Project {
  const f = readFields(record, PROJECT, diagnostics);
  const table = f.raw("resolution_protocol");
  const rows = Array.isArray(table?.value) ? (table.value as Record<string, string>[]) : [];
  const resolutionProtocol = rows.map((row, i) => ({
    file: (row.file ?? row.files ?? row.path ?? "").replace(/^`|`$/g, ""),
    rule: row.rule ?? row.resolution ?? "",
    at: table?.items?.[i]?.at ?? f.at("resolution_protocol"),
  }));
  rows.forEach((row, i) => {
    if (!("file" in row || "files" in row || "path" in row) || !("rule" in row || "resolution" in row)) {
      diagnostics.push(
        diagnostic("error", "invalid-value", resolutionProtocol[i]!.at, "a Resolution Protocol row needs a `File` and a `Rule` column", "Use a table with the columns `File` and `Rule`."),
      );
    }
  });
  return withOptional<Project>(
    {
      name: f.string("name") ?? "untitled",
      repository: f.string("repository") ?? ".",
      baseBranch: f.string("base_branch") ?? "main",
      worktreePattern: f.string("worktree_pattern") ?? "../{project}-{slug}",
      summary: text(f, "summary"),
      context: text(f, "context"),
      goals: f.strings("goals"),
      successMetrics: f.strings("success_metrics"),
      resolutionProtocol,
      extras: extrasOf(record),
      source: source(record),
    },
    {
      baseCommit: f.string("base_commit"),
      startDate: f.string("start_date"),
      startDateAt: positionOf(f, "start_date"),
      maxParallel: f.number("max_parallel"),
      maxParallelAt: positionOf(f, "max_parallel"),
      targetDays: f.number("target_days"),
      agentCommand: f.string("agent_command"),
      targetDaysAt: positionOf(f, "target_days"),
      proseAt: proseAt(f, ["summary", "context", "goals", "success_metrics"]),
    },
  );
}

/** An agent persona; its id defaults to the file name. */
export function buildAgent(record: RawRecord, diagnostics: Diagnostic[]): Agent {
  const f = readFields(record, AGENT, diagnostics);
  const id = f.string("id") ?? record.stem;
  const tools = f.strings("tools");
  return withOptional<Agent>(
    { id, name: f.string("name") ?? id, role: text(f, "role"), workingAgreements: f.strings("working_agreements"), extras: extrasOf(record), source: source(record) },
    { description: f.string("description"), tools: tools.length > 0 ? tools : undefined, model: f.string("model") },
  );
}

/** The wave numbers of a `waves` field that passed its schema, ascending and distinct; undefined when absent. */
function waveList(value: unknown): number[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const numbers = value.filter((v): v is number => typeof v === "number" && Number.isInteger(v));
  return numbers.length > 0 ? [...new Set(numbers)].sort((a, b) => a - b) : undefined;
}

/** Parses a duration (`2`, `1.5`, `1-2`) that already passed its schema. */
function duration(value: unknown): Workstream["days"] {
  if (typeof value === "number") return { low: value, high: value, text: String(value) };
  const [a, b] = String(value)
    .split("-")
    .map((s) => Number(s.trim()));
  const low = Math.min(a ?? 1, b ?? 1);
  const high = Math.max(a ?? 1, b ?? 1);
  return { low, high, text: low === high ? String(low) : `${low}-${high}` };
}

/** Fills `{project}`, `{slug}` and `{id}` in the project's worktree pattern. */
export function worktreePath(pattern: string, project: string, slug: string, id: string): string {
  return pattern.replaceAll("{project}", project).replaceAll("{slug}", slug).replaceAll("{id}", id);
}

/** A workstream, with slug, branch and worktree defaults taken from the project. */
export function buildWorkstream(record: RawRecord, project: Pick<Project, "name" | "worktreePattern">, diagnostics: Diagnostic[]): Workstream {
  const f = readFields(record, WORKSTREAM, diagnostics);
  const id = f.string("id") ?? record.stem;
  const name = f.string("name") ?? id;
  const slug = f.string("slug") ?? toSlug(name);
  const days = f.raw("days") ? duration(f.raw("days")!.value) : { low: 1, high: 1, text: "1" };
  return withOptional<Workstream>(
    {
      id,
      name,
      slug,
      days,
      priority: (f.string("priority") ?? "medium") as Priority,
      dependsOn: refs(f, "depends_on"),
      softDependsOn: refs(f, "soft_depends_on"),
      branch: f.string("branch") ?? `workstream/${slug}`,
      worktree: f.string("worktree") ?? worktreePath(project.worktreePattern, project.name, slug, id),
      owns: fileRefs(f, "owns"),
      touches: fileRefs(f, "touches"),
      status: (f.string("status") ?? "planned") as WorkstreamStatus,
      goal: text(f, "goal"),
      context: text(f, "context"),
      deliverables: f.strings("deliverables"),
      qualityGates: f.strings("quality_gates"),
      outOfScope: f.strings("out_of_scope"),
      notes: text(f, "notes"),
      extras: extrasOf(record),
      source: source(record),
    },
    {
      agent: ref(f, "agent"),
      start: f.number("start"),
      wave: f.number("wave"),
      waveAt: positionOf(f, "wave"),
      waves: waveList(f.raw("waves")?.value),
      wavesAt: positionOf(f, "waves"),
      started: f.number("started"),
      finished: f.number("finished"),
      frontMatterUnread: record.frontMatterUnread,
      proseAt: proseAt(f, ["goal", "context", "notes", "deliverables", "out_of_scope"]),
    },
  );
}

/** An integration wave; its number may come from a `waves/<n>-<slug>.md` file name. */
export function buildWave(record: RawRecord, diagnostics: Diagnostic[]): Wave {
  const fromName = /^(\d+)/.exec(record.stem)?.[1];
  const f = readFields(withDefault(record, "wave", fromName), WAVE, diagnostics);
  const number = f.number("wave") ?? 0;
  return withOptional<Wave>(
    {
      number,
      name: f.string("name") ?? `Wave ${number}`,
      workstreams: refs(f, "workstreams"),
      gates: refs(f, "gates"),
      mergeProcedure: text(f, "merge_procedure"),
      rollback: text(f, "rollback"),
      extras: extrasOf(record),
      source: source(record),
    },
    { day: f.number("day"), dayAt: positionOf(f, "day"), branch: f.string("branch"), coverage: f.number("coverage") },
  );
}

/** A quality gate. */
export function buildGate(record: RawRecord, diagnostics: Diagnostic[]): Gate {
  const f = readFields(record, GATE, diagnostics);
  const id = f.string("id") ?? record.stem;
  const applies = f.raw("applies_to")?.value;
  return withOptional<Gate>(
    { id, name: f.string("name") ?? id, command: f.string("command") ?? "", appliesTo: Array.isArray(applies) ? (applies as number[]) : "all", source: source(record) },
    { threshold: f.string("threshold") },
  );
}

/** A risk. */
export function buildRisk(record: RawRecord, diagnostics: Diagnostic[]): Risk {
  const f = readFields(record, RISK, diagnostics);
  const id = f.string("id") ?? record.stem;
  const impact = rich(f, "impact");
  return withOptional<Risk>(
    {
      id,
      title: f.string("title") ?? id,
      severity: (f.string("severity") ?? "medium") as RiskSeverity,
      status: (f.string("status") ?? "open") as RiskStatus,
      workstreams: refs(f, "workstreams"),
      impact: impact?.text ?? "",
      mitigation: f.strings("mitigation"),
      contingency: f.strings("contingency"),
      currentStatus: text(f, "current_status"),
      extras: extrasOf(record),
      source: source(record),
    },
    { likelihood: f.string("likelihood"), owner: f.string("owner") },
  );
}

/** A session log; its date defaults to the file name's `YYYY-MM-DD` prefix. */
export function buildSession(record: RawRecord, diagnostics: Diagnostic[]): Session {
  const m = /^(\d{4}-\d{2}-\d{2})-?(.*)$/s.exec(record.stem);
  const f = readFields(withDefault(record, "date", m?.[1]), SESSION, diagnostics);
  const title = f.string("title") ?? (m?.[2] || record.stem);
  const kv = f.raw("statistics")?.value;
  return withOptional<Session>(
    {
      date: f.string("date") ?? "0000-00-00",
      slug: m?.[2] ? m[2] : toSlug(title),
      title,
      summary: text(f, "summary"),
      whatChanged: text(f, "what_changed"),
      decisions: refs(f, "decisions"),
      risks: refs(f, "risks"),
      nextPriorities: subsections(f, "next_priorities"),
      lessonsLearned: subsections(f, "lessons_learned"),
      nextSessionPreparation: text(f, "next_session_preparation"),
      statistics: Array.isArray(kv) ? (kv as { key: string; value: string }[]) : [],
      snapshot: readSnapshot(f, diagnostics),
      extras: extrasOf(record),
      source: source(record),
    },
    { duration: f.string("duration"), type: f.string("type"), status: f.string("status") },
  );
}

/** A record with a field defaulted from the file name, unless written. */
function withDefault(record: RawRecord, name: string, value: string | undefined): RawRecord {
  if (value === undefined || record.fields.has(name)) return record;
  const at: Location = { file: record.file, start: record.at.start, end: record.at.start };
  const fields = new Map(record.fields);
  fields.set(name, { name, key: name, source: "file-name", value, at, keyAt: at });
  return { ...record, fields };
}
