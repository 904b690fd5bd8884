/**
 * What a plan change means: two analysed plans compared record by record, field by field, and by what they schedule.
 * Pure: the plans (and, when given, their rendered prompts) come in, a `PlanDiff` goes out; reading revisions and
 * rendering are the caller's.
 */
import type { Decision, Plan, Workstream } from "../model/types.js";
import type { AnalysedPlan } from "./analyse-plan.js";
import type { FileConflict, PlanSchedule, Range } from "./types.js";

/** The kinds of record a diff compares. */
export type RecordKind = "project" | "agent" | "workstream" | "wave" | "gate" | "risk" | "decision" | "session";

/** A field's value as a diff compares it: a scalar as text, a list of texts, or null when not written. */
export type FieldValue = string | string[] | null;

/** One changed field of a record. Lists also say which entries came and went (as sets: order alone is `reordered`). */
export interface FieldChange {
  /** The field, as the plan format names it (`depends_on`, `days`). */
  field: string;
  from: FieldValue;
  to: FieldValue;
  /** For lists: entries in `to` that `from` lacks. */
  added?: string[];
  /** For lists: entries in `from` that `to` lacks. */
  removed?: string[];
  /** A prose field: the diff says it changed, not how. */
  prose?: true;
}

/** A record as a diff names it. */
export interface RecordRef {
  kind: RecordKind;
  /** Its id as the plan names it (`TD3`, `ADR-0002`, `wave 2`, `project`). */
  id: string;
  /** The file it is written in. */
  file: string;
}

/** A record that is in both plans under another id: the same file, or the same name, with a new id. */
export interface RenamedRecord {
  kind: RecordKind;
  from: string;
  to: string;
  fromFile: string;
  file: string;
}

/** The changed fields of one record in both plans (named by its new id). */
export interface RecordChanges extends RecordRef {
  /** Its id before, when it was renamed. */
  renamedFrom?: string;
  changes: FieldChange[];
}

/** Who owns a file pattern (`owns`), before and after. */
export interface OwnershipChange {
  pattern: string;
  /** The owners before, by their new ids (a renamed owner is not a change of owner). */
  from: string[];
  to: string[];
}

/** When one workstream runs, before and after (null when it is in one plan only). */
export interface TimingChange {
  id: string;
  from: { start: Range; finish: Range; days: string } | null;
  to: { start: Range; finish: Range; days: string } | null;
}

/** One wave's merge day, before and after (null when the wave is in one plan only). */
export interface WaveDayChange {
  number: number;
  from: Range | null;
  to: Range | null;
}

/** What the change does to the schedule with waves (and the figures derived from it). */
export interface ScheduleEffect {
  makespan: { from: Range; to: Range };
  dependenciesOnly: { from: Range; to: Range };
  speedUp: { from: Range; to: Range };
  sequentialTotal: { from: Range; to: Range };
  /** The critical paths at the high end, before and after (the headline schedule's). */
  criticalPaths: { from: string[][]; to: string[][] };
  /** Waves whose merge day moved, appeared or went. */
  waves: WaveDayChange[];
  /** Workstreams whose days moved, appeared or went. */
  workstreams: TimingChange[];
  /** Whether any figure above differs. */
  changed: boolean;
}

/** A file conflict, named by the shared file and the two workstreams. */
export interface ConflictRef {
  file: string;
  workstreams: string[];
  overlapping: boolean;
}

/** A workstream's prompt whose rendered text changed, and the `##` sections that did. */
export interface PromptChange {
  workstream: string;
  /** `changed`; `added`/`removed` with the workstream; `unrendered` when one side could not render it (plan errors). */
  change: "changed" | "added" | "removed" | "unrendered";
  /** The `##` headings whose text changed, came or went, in the new prompt's order; `(opening)` for the text before the first. */
  sections: string[];
}

/** What a plan change means: records, fields, file ownership, schedule, conflicts and prompts. */
export interface PlanDiff {
  added: RecordRef[];
  removed: RecordRef[];
  renamed: RenamedRecord[];
  changed: RecordChanges[];
  ownership: OwnershipChange[];
  schedule: ScheduleEffect;
  conflicts: { added: ConflictRef[]; removed: ConflictRef[] };
  /** Undefined when prompts were not compared. */
  prompts?: PromptChange[];
}

/** A record reduced to what a diff compares: identity, the name it may be matched by, and its fields. */
interface Comparable {
  kind: RecordKind;
  id: string;
  file: string;
  /** A name or title: a record with a new id and a new file but the same name is the same record renamed. */
  name: string;
  fields: Record<string, FieldValue>;
  /** Fields compared as prose (said to change, not shown). */
  prose: ReadonlySet<string>;
}

const text = (value: string | number | undefined | null): string | null => (value === undefined || value === null || value === "" ? null : String(value));
const ids = (refs: readonly { id: string }[]): string[] => refs.map((r) => r.id);
const rangeText = (low: number, high: number): string => (low === high ? `${low}` : `${low}-${high}`);

/** How a decision is named in messages: `ADR-0002`, or its id when it has no number. */
export function decisionName(decision: Pick<Decision, "number" | "id">): string {
  return decision.number === undefined ? decision.id : `ADR-${String(decision.number).padStart(4, "0")}`;
}

/** An ADR reference (`4`, `ADR-4`, `0004-x.md`) as `ADR-0004` when it names a number. */
export function decisionRefName(id: string): string {
  const number = /^(?:ADR-?)?0*(\d+)(?:[-_.].*)?$/i.exec(id)?.[1];
  return number === undefined ? id : `ADR-${number.padStart(4, "0")}`;
}

/** Each record of a plan as a diff compares it. `wave` is the effective wave, as the schedule has it. */
export function comparableRecords(analysed: AnalysedPlan): Comparable[] {
  const { plan, schedule } = analysed;
  const records: Comparable[] = [];
  const execution = new Map(schedule.execution.workstreams.map((w) => [w.id, w]));
  const p = plan.project;
  records.push({
    kind: "project",
    id: "project",
    file: p.source.file,
    name: "project",
    fields: {
      name: text(p.name),
      base_branch: text(p.baseBranch),
      base_commit: text(p.baseCommit),
      worktree_pattern: text(p.worktreePattern),
      start_date: text(p.startDate),
      max_parallel: text(p.maxParallel),
      target_days: text(p.targetDays),
      summary: text(p.summary),
      context: text(p.context),
      goals: p.goals,
      success_metrics: p.successMetrics,
      resolution_protocol: p.resolutionProtocol.map((r) => `${r.file}: ${r.rule}`),
    },
    prose: new Set(["summary", "context"]),
  });
  for (const a of plan.agents) {
    records.push({ kind: "agent", id: a.id, file: a.source.file, name: a.name, fields: { name: text(a.name), role: text(a.role), working_agreements: a.workingAgreements }, prose: new Set(["role"]) });
  }
  for (const w of plan.workstreams) records.push(workstreamRecord(w, execution.get(w.id)?.wave ?? null));
  for (const w of plan.waves) {
    records.push({
      kind: "wave",
      id: `wave ${w.number}`,
      file: w.source.file,
      name: w.name,
      fields: {
        name: text(w.name),
        day: text(w.day),
        branch: text(w.branch),
        workstreams: ids(w.workstreams),
        coverage: text(w.coverage),
        gates: ids(w.gates),
        merge_procedure: text(w.mergeProcedure),
        rollback: text(w.rollback),
      },
      prose: new Set(["merge_procedure", "rollback"]),
    });
  }
  for (const g of plan.gates) {
    records.push({
      kind: "gate",
      id: g.id,
      file: g.source.file,
      name: g.name,
      fields: { name: text(g.name), command: text(g.command), threshold: text(g.threshold), applies_to: g.appliesTo === "all" ? "all" : g.appliesTo.map(String) },
      prose: new Set(),
    });
  }
  for (const r of plan.risks) {
    records.push({
      kind: "risk",
      id: r.id,
      file: r.source.file,
      name: r.title,
      fields: {
        title: text(r.title),
        severity: text(r.severity),
        likelihood: text(r.likelihood),
        status: text(r.status),
        workstreams: ids(r.workstreams),
        owner: text(r.owner),
        impact: text(r.impact),
        mitigation: r.mitigation,
        contingency: r.contingency,
        current_status: text(r.currentStatus),
      },
      prose: new Set(["impact", "current_status"]),
    });
  }
  for (const d of plan.decisions) {
    records.push({
      kind: "decision",
      id: decisionName(d),
      file: d.source.file,
      name: d.title,
      fields: {
        title: text(d.title),
        // Superseded says by what: "accepted → superseded by ADR-0004".
        status: d.status === "superseded" && d.supersededBy ? `superseded by ${decisionRefName(d.supersededBy.id)}` : d.status,
        date: text(d.date),
        supersedes: d.supersedes.map((s) => decisionRefName(s.id)),
        workstreams: ids(d.workstreams),
        tags: d.tags,
        deciders: d.deciders,
        context: text(d.context),
        decision: text(d.decision),
        rationale: text(d.rationale),
      },
      prose: new Set(["context", "decision", "rationale"]),
    });
  }
  for (const s of plan.sessions) {
    records.push({
      kind: "session",
      id: `${s.date}-${s.slug}`,
      file: s.source.file,
      name: `${s.date} ${s.title}`,
      fields: {
        title: text(s.title),
        status: text(s.status),
        summary: text(s.summary),
        what_changed: text(s.whatChanged),
        // Subsections are compared whole, as prose: a priority or a lesson rewritten is a change to read, not to quote.
        next_priorities: text(s.nextPriorities.map((p) => `${p.title}\n${p.body}`).join("\n\n")),
        lessons_learned: text(s.lessonsLearned.map((l) => `${l.title}\n${l.body}`).join("\n\n")),
        next_session_preparation: text(s.nextSessionPreparation),
      },
      prose: new Set(["summary", "what_changed", "next_priorities", "lessons_learned", "next_session_preparation"]),
    });
  }
  return records;
}

/** A workstream as a diff compares it; `wave` is the wave that merges it in the schedule (written in the workstream or the waves). */
function workstreamRecord(w: Workstream, wave: number | null): Comparable {
  return {
    kind: "workstream",
    id: w.id,
    file: w.source.file,
    name: w.name,
    fields: {
      name: text(w.name),
      agent: text(w.agent?.id),
      days: rangeText(w.days.low, w.days.high),
      priority: text(w.priority),
      depends_on: ids(w.dependsOn),
      soft_depends_on: ids(w.softDependsOn),
      start: text(w.start),
      wave: text(wave),
      waves: (w.waves ?? []).map(String),
      branch: text(w.branch),
      worktree: text(w.worktree),
      owns: w.owns.map((f) => f.pattern),
      touches: w.touches.map((f) => f.pattern),
      status: text(w.status),
      goal: text(w.goal),
      context: text(w.context),
      deliverables: w.deliverables,
      quality_gates: w.qualityGates,
      out_of_scope: w.outOfScope,
      notes: text(w.notes),
    },
    prose: new Set(["goal", "context", "notes"]),
  };
}

/** The changes between two values of one field; none when equal. */
export function fieldChange(field: string, from: FieldValue, to: FieldValue, prose = false): FieldChange | undefined {
  if (Array.isArray(from) || Array.isArray(to)) {
    const a = Array.isArray(from) ? from : from === null ? [] : [from];
    const b = Array.isArray(to) ? to : to === null ? [] : [to];
    if (a.length === b.length && a.every((x, i) => x === b[i])) return undefined;
    const before = new Set(a);
    const after = new Set(b);
    return { field, from, to, added: b.filter((x) => !before.has(x)), removed: a.filter((x) => !after.has(x)) };
  }
  if (from === to) return undefined;
  return { field, from, to, ...(prose ? { prose: true as const } : {}) };
}

/**
 * Applies reported changes to a record's fields: scalars take their new value, lists lose their removed entries and
 * gain their added ones (in the new order). Used to check that a diff says all there is to say (the property test).
 */
export function applyChanges(fields: Readonly<Record<string, FieldValue>>, changes: readonly FieldChange[]): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = { ...fields };
  for (const c of changes) {
    if (c.added === undefined) {
      out[c.field] = c.to;
      continue;
    }
    const before = out[c.field];
    const kept = (Array.isArray(before) ? before : before === null || before === undefined ? [] : [before]).filter((x) => !(c.removed ?? []).includes(x));
    // The new order is the new list's: entries kept and added, as `to` has them.
    const target = Array.isArray(c.to) ? c.to : c.to === null ? [] : [c.to];
    const pool = [...kept, ...c.added];
    out[c.field] = target.filter((x) => pool.includes(x));
  }
  return out;
}

/** Pairs the records of two plans: same id and file, same id, the one record of a file on each side, the same name. */
function matchRecords(before: Comparable[], after: Comparable[]): { pairs: [Comparable, Comparable][]; added: Comparable[]; removed: Comparable[] } {
  const pairs: [Comparable, Comparable][] = [];
  const oldLeft = new Set(before);
  const newLeft = new Set(after);
  const pass = (key: (r: Comparable) => string | undefined, uniqueOnly: boolean) => {
    const byKey = new Map<string, Comparable[]>();
    for (const r of newLeft) {
      const k = key(r);
      if (k !== undefined) byKey.set(k, [...(byKey.get(k) ?? []), r]);
    }
    const oldByKey = new Map<string, Comparable[]>();
    for (const r of oldLeft) {
      const k = key(r);
      if (k !== undefined) oldByKey.set(k, [...(oldByKey.get(k) ?? []), r]);
    }
    for (const [k, olds] of oldByKey) {
      const news = byKey.get(k) ?? [];
      if (uniqueOnly && (olds.length !== 1 || news.length !== 1)) continue;
      for (const [i, o] of olds.entries()) {
        const n = news[i];
        if (!n) break;
        pairs.push([o, n]);
        oldLeft.delete(o);
        newLeft.delete(n);
      }
    }
  };
  pass((r) => `${r.kind}\0${r.id}\0${r.file}`, false);
  pass((r) => `${r.kind}\0${r.id}`, false);
  // A file with one record left on each side: the same record under a new id (a renamed workstream or ADR).
  pass((r) => `${r.kind}\0${r.file}`, true);
  pass((r) => (r.name && r.kind !== "project" ? `${r.kind}\0name\0${r.name}` : undefined), true);
  const order = (a: Comparable, b: Comparable) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { pairs, added: [...newLeft].sort(order), removed: [...oldLeft].sort(order) };
}

const ref = (r: Comparable): RecordRef => ({ kind: r.kind, id: r.id, file: r.file });

/** The changed fields of every record in both plans, and the records added, removed and renamed. */
function recordChanges(before: AnalysedPlan, after: AnalysedPlan): Pick<PlanDiff, "added" | "removed" | "renamed" | "changed"> {
  const { pairs, added, removed } = matchRecords(comparableRecords(before), comparableRecords(after));
  const renamed: RenamedRecord[] = [];
  const changed: RecordChanges[] = [];
  for (const [o, n] of pairs) {
    if (o.id !== n.id) renamed.push({ kind: n.kind, from: o.id, to: n.id, fromFile: o.file, file: n.file });
    const changes: FieldChange[] = [];
    for (const field of new Set([...Object.keys(o.fields), ...Object.keys(n.fields)])) {
      const c = fieldChange(field, o.fields[field] ?? null, n.fields[field] ?? null, n.prose.has(field));
      if (c) changes.push(c);
    }
    if (changes.length > 0) changed.push({ kind: n.kind, id: n.id, file: n.file, ...(o.id !== n.id ? { renamedFrom: o.id } : {}), changes });
  }
  const kinds: RecordKind[] = ["project", "agent", "workstream", "wave", "gate", "risk", "decision", "session"];
  const byKind = (a: { kind: RecordKind; id: string }, b: { kind: RecordKind; id: string }) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    added: added.map(ref).sort(byKind),
    removed: removed.map(ref).sort(byKind),
    renamed: renamed.sort((a, b) => byKind({ kind: a.kind, id: a.to }, { kind: b.kind, id: b.to })),
    changed: changed.sort(byKind),
  };
}

/** Old workstream ids to new ones, for the renamed: a rename is not a change of owner, timing or conflict. */
function workstreamRenames(renamed: readonly RenamedRecord[]): (id: string) => string {
  const map = new Map(renamed.filter((r) => r.kind === "workstream").map((r) => [r.from, r.to]));
  return (id) => map.get(id) ?? id;
}

/** Owners of each `owns` pattern in both plans, where they differ. */
function ownershipChanges(before: Plan, after: Plan, newId: (id: string) => string): OwnershipChange[] {
  const owners = (plan: Plan, rename: (id: string) => string) => {
    const map = new Map<string, string[]>();
    for (const w of plan.workstreams) for (const f of w.owns) map.set(f.pattern, [...(map.get(f.pattern) ?? []), rename(w.id)]);
    return map;
  };
  const a = owners(before, newId);
  const b = owners(after, (id) => id);
  const out: OwnershipChange[] = [];
  for (const pattern of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const from = [...new Set(a.get(pattern) ?? [])].sort();
    const to = [...new Set(b.get(pattern) ?? [])].sort();
    if (from.join("\0") !== to.join("\0")) out.push({ pattern, from, to });
  }
  return out;
}

const sameRange = (a: Range | null, b: Range | null) => (a === null || b === null ? a === b : a.low === b.low && a.high === b.high);

/** What the change does to the schedule with waves. */
function scheduleEffect(before: AnalysedPlan, after: AnalysedPlan, newId: (id: string) => string): ScheduleEffect {
  const s0 = before.schedule;
  const s1 = after.schedule;
  const makespan = (s: PlanSchedule) => ({ low: s.withWaves.low.makespan, high: s.withWaves.high.makespan });
  const depsOnly = (s: PlanSchedule) => ({ low: s.dependenciesOnly.low.makespan, high: s.dependenciesOnly.high.makespan });
  const timings = (analysed: AnalysedPlan, rename: (id: string) => string) => {
    const days = new Map(analysed.plan.workstreams.map((w) => [w.id, rangeText(w.days.low, w.days.high)]));
    return new Map(analysed.schedule.execution.workstreams.map((e) => [rename(e.id), { start: e.start, finish: e.finish, days: days.get(e.id) ?? "" }]));
  };
  const t0 = timings(before, newId);
  const t1 = timings(after, (id) => id);
  const workstreams: TimingChange[] = [];
  for (const id of [...new Set([...t0.keys(), ...t1.keys()])].sort()) {
    const from = t0.get(id) ?? null;
    const to = t1.get(id) ?? null;
    if (from && to && sameRange(from.start, to.start) && sameRange(from.finish, to.finish) && from.days === to.days) continue;
    workstreams.push({ id, from, to });
  }
  const w0 = new Map(s0.execution.waves.map((w) => [w.number, w.mergeDay]));
  const w1 = new Map(s1.execution.waves.map((w) => [w.number, w.mergeDay]));
  const waves: WaveDayChange[] = [];
  for (const number of [...new Set([...w0.keys(), ...w1.keys()])].sort((a, b) => a - b)) {
    const from = w0.get(number) ?? null;
    const to = w1.get(number) ?? null;
    if (!sameRange(from, to)) waves.push({ number, from, to });
  }
  const paths0 = s0.withWaves.high.criticalPaths.map((p) => p.map(newId));
  const paths1 = s1.withWaves.high.criticalPaths;
  const effect: ScheduleEffect = {
    makespan: { from: makespan(s0), to: makespan(s1) },
    dependenciesOnly: { from: depsOnly(s0), to: depsOnly(s1) },
    speedUp: { from: s0.speedUp.withWaves, to: s1.speedUp.withWaves },
    sequentialTotal: { from: s0.sequentialTotal, to: s1.sequentialTotal },
    criticalPaths: { from: paths0, to: paths1 },
    waves,
    workstreams,
    changed: false,
  };
  effect.changed =
    !sameRange(effect.makespan.from, effect.makespan.to) ||
    !sameRange(effect.dependenciesOnly.from, effect.dependenciesOnly.to) ||
    !sameRange(effect.speedUp.from, effect.speedUp.to) ||
    !sameRange(effect.sequentialTotal.from, effect.sequentialTotal.to) ||
    JSON.stringify(paths0) !== JSON.stringify(paths1) ||
    waves.length > 0 ||
    workstreams.length > 0;
  return effect;
}

/** The file conflicts that came and went. */
function conflictChanges(before: PlanSchedule, after: PlanSchedule, newId: (id: string) => string): PlanDiff["conflicts"] {
  const refOf = (c: FileConflict, rename: (id: string) => string): ConflictRef => ({ file: c.file, workstreams: c.sides.map((s) => rename(s.workstream)).sort(), overlapping: c.overlapping });
  const key = (c: ConflictRef) => `${c.file}\0${c.workstreams.join("\0")}`;
  const a = new Map(before.conflicts.map((c) => refOf(c, newId)).map((c) => [key(c), c]));
  const b = new Map(after.conflicts.map((c) => refOf(c, (id) => id)).map((c) => [key(c), c]));
  return { added: [...b.entries()].filter(([k]) => !a.has(k)).map(([, c]) => c), removed: [...a.entries()].filter(([k]) => !b.has(k)).map(([, c]) => c) };
}

/** A prompt's text split at its `##` headings: heading → text; `(opening)` for what comes before the first. */
export function promptSections(prompt: string): Map<string, string> {
  const sections = new Map<string, string>();
  let heading = "(opening)";
  let lines: string[] = [];
  let fence = false;
  const flush = () => sections.set(sections.has(heading) ? `${heading} (${sections.size})` : heading, lines.join("\n"));
  for (const line of prompt.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (!fence && /^## /.test(line)) {
      flush();
      heading = line.slice(3).trim();
      lines = [];
    } else lines.push(line);
  }
  flush();
  return sections;
}

/** The prompts whose text changed, by workstream (new id), with their changed sections. */
function promptChanges(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
  workstreams: { before: ReadonlySet<string>; after: ReadonlySet<string> },
  newId: (id: string) => string,
): PromptChange[] {
  const a = new Map([...before].map(([id, t]) => [newId(id), t]));
  const out: PromptChange[] = [];
  for (const id of [...new Set([...workstreams.before, ...workstreams.after])].sort()) {
    const from = a.get(id);
    const to = after.get(id);
    if (from === to) continue;
    if (!workstreams.before.has(id) || !workstreams.after.has(id)) {
      out.push({ workstream: id, change: workstreams.before.has(id) ? "removed" : "added", sections: [] });
      continue;
    }
    if (from === undefined || to === undefined) {
      out.push({ workstream: id, change: "unrendered", sections: [] });
      continue;
    }
    const s0 = promptSections(from);
    const s1 = promptSections(to);
    const sections = [...s1.keys(), ...[...s0.keys()].filter((k) => !s1.has(k))].filter((k) => s0.get(k) !== s1.get(k));
    out.push({ workstream: id, change: "changed", sections });
  }
  return out;
}

/**
 * Compares two analysed plans: records added, removed (matched by file, then by id; the same file or name with a new
 * id is a rename), each changed field, file ownership, the schedule with waves, file conflicts and, when both plans'
 * prompts are given (workstream id → text without the header), which prompts and which of their sections changed.
 */
export function diffPlans(before: AnalysedPlan, after: AnalysedPlan, prompts?: { before: ReadonlyMap<string, string>; after: ReadonlyMap<string, string> }): PlanDiff {
  const records = recordChanges(before, after);
  const newId = workstreamRenames(records.renamed);
  return {
    ...records,
    ownership: ownershipChanges(before.plan, after.plan, newId),
    schedule: scheduleEffect(before, after, newId),
    conflicts: conflictChanges(before.schedule, after.schedule, newId),
    ...(prompts
      ? { prompts: promptChanges(prompts.before, prompts.after, { before: new Set(before.plan.workstreams.map((w) => newId(w.id))), after: new Set(after.plan.workstreams.map((w) => w.id)) }, newId) }
      : {}),
  };
}

/** Whether a diff finds no change at all. */
export function diffIsEmpty(diff: PlanDiff): boolean {
  return (
    diff.added.length === 0 &&
    diff.removed.length === 0 &&
    diff.renamed.length === 0 &&
    diff.changed.length === 0 &&
    diff.ownership.length === 0 &&
    !diff.schedule.changed &&
    diff.conflicts.added.length === 0 &&
    diff.conflicts.removed.length === 0 &&
    (diff.prompts ?? []).length === 0
  );
}
