/**
 * An amendment: what changed for one workstream between the plan its agent received and the plan now, worked out from
 * a `PlanDiff` and both analysed plans. Pure; the template only lays it out.
 */
import type { Plan, Workstream } from "../model/types.js";
import type { AnalysedPlan } from "./analyse-plan.js";
import { decisionName, decisionRefName, type FieldChange, type PlanDiff } from "./plan-diff.js";
import type { Range } from "./types.js";

/** A workstream as an amendment names it. */
export interface NamedWorkstream {
  id: string;
  name: string;
}

/** A dependency that came: whether what it delivers is there to use yet. */
export interface NewDependency extends NamedWorkstream {
  status: string;
  merged: boolean;
}

/** A gate of the workstream's wave: what to run. */
export interface AmendedGate {
  id: string;
  name: string;
  command: string;
  /** For a changed gate: what changed (`command`, `threshold`). */
  changed: string[];
}

/** A decision the workstream follows that changed status, or a new one for it. */
export interface AmendedDecision {
  id: string;
  title: string;
  from: string | null;
  to: string;
  /** The ADR that replaces it, when superseded and known. */
  replacedBy: { id: string; title: string } | null;
}

/** One workstream's timing: its days as written and when it runs at each end of the durations. */
export interface AmendedTiming {
  days: string;
  start: Range;
  finish: Range;
}

/** What changed for one workstream since its agent got its prompt, and what still holds. */
export interface Amendment {
  workstream: NamedWorkstream;
  /** Its id in the older plan, when it was renamed. */
  renamedFrom: string | null;
  /** The older revision, as named to the user. */
  since: string;
  dependencies: { added: NewDependency[]; removed: NamedWorkstream[] };
  softDependencies: { added: NamedWorkstream[]; removed: NamedWorkstream[] };
  /** Files it may now edit (new in its owns or touches) and must now leave alone (gone from them, or owned by another now). */
  files: { mayNowEdit: string[]; mustLeaveAlone: { pattern: string; owner: string | null }[]; newConflicts: { file: string; with: string }[] };
  /** The wave that merges it, when that changed. */
  wave: { from: number | null; to: number | null } | null;
  /** Its wave's merge day, when that changed (the same wave in both plans). */
  mergeDay: { wave: number; from: Range; to: Range } | null;
  gates: { added: AmendedGate[]; changed: AmendedGate[]; removed: AmendedGate[]; qualityGates: { added: string[]; removed: string[] } };
  decisions: AmendedDecision[];
  /** Its days and timing, when they changed. */
  timing: { from: AmendedTiming; to: AmendedTiming } | null;
  /** Other fields of its own record that changed (`goal`, `deliverables`), as the diff names them. */
  fields: FieldChange[];
  /** The `##` sections of its prompt whose text changed (for reference; they alone do not make an amendment). */
  promptSections: string[];
  /** What it was told that is unchanged, as short sentences. */
  stillHolds: string[];
  /** Nothing above changed: no amendment is produced. */
  empty: boolean;
}

const named = (plan: Plan, id: string): NamedWorkstream => ({ id, name: plan.workstreams.find((w) => w.id === id)?.name ?? id });

/** The gates that apply to a wave: named in the wave, or applying to it (or to every wave). */
function gatesOf(plan: Plan, wave: number | null): Map<string, { id: string; name: string; command: string; threshold: string }> {
  const out = new Map<string, { id: string; name: string; command: string; threshold: string }>();
  if (wave === null) return out;
  const named = new Set(plan.waves.find((w) => w.number === wave)?.gates.map((g) => g.id) ?? []);
  for (const g of plan.gates) {
    if (named.has(g.id) || g.appliesTo === "all" || g.appliesTo.includes(wave)) out.set(g.id, { id: g.id, name: g.name, command: g.command, threshold: g.threshold ?? "" });
  }
  return out;
}

/** The decisions a workstream follows: those that name it. */
function decisionsOf(plan: Plan, id: string) {
  return plan.decisions.filter((d) => d.workstreams.some((w) => w.id === id));
}

/**
 * What changed for workstream `id` (its id in the newer plan) between `before` and `after`, given their diff.
 * Undefined when the newer plan has no such workstream.
 */
export function amendmentFor(diff: PlanDiff, before: AnalysedPlan, after: AnalysedPlan, id: string, since: string): Amendment | undefined {
  const ws = after.plan.workstreams.find((w) => w.id === id);
  if (!ws) return undefined;
  const renamedFrom = diff.renamed.find((r) => r.kind === "workstream" && r.to === id)?.from ?? null;
  const oldId = renamedFrom ?? id;
  const old: Workstream | undefined = before.plan.workstreams.find((w) => w.id === oldId);
  const changes = diff.changed.find((r) => r.kind === "workstream" && r.id === id)?.changes ?? [];
  const change = (field: string) => changes.find((c) => c.field === field);
  const stillHolds: string[] = [];

  // Dependencies: named by their ids now; merged when their status says so.
  const deps = change("depends_on");
  const dependencies = {
    added: (deps?.added ?? []).map((d) => {
      const dep = after.plan.workstreams.find((w) => w.id === d);
      const status = dep?.status ?? "unknown";
      return { ...named(after.plan, d), status, merged: status === "merged" };
    }),
    removed: (deps?.removed ?? []).map((d) => named(before.plan, d)),
  };
  if (!deps && ws.dependsOn.length > 0) stillHolds.push(`your dependencies: ${ws.dependsOn.map((d) => d.id).join(", ")}`);
  const soft = change("soft_depends_on");
  const softDependencies = { added: (soft?.added ?? []).map((d) => named(after.plan, d)), removed: (soft?.removed ?? []).map((d) => named(before.plan, d)) };

  // Files: what it may now edit, what it must now leave alone, and new conflicts with another workstream.
  const owns = change("owns");
  const touches = change("touches");
  const nowNamed = new Set([...ws.owns, ...ws.touches].map((f) => f.pattern));
  const mayNowEdit = [...new Set([...(owns?.added ?? []), ...(touches?.added ?? [])])]
    .filter((p) => !(old?.owns.some((f) => f.pattern === p) ?? false) && !(old?.touches.some((f) => f.pattern === p) ?? false))
    .sort();
  const ownerNow = (pattern: string) => after.plan.workstreams.find((w) => w.owns.some((f) => f.pattern === pattern))?.id ?? null;
  const leave = new Map<string, string | null>();
  for (const p of [...(owns?.removed ?? []), ...(touches?.removed ?? [])]) if (!nowNamed.has(p)) leave.set(p, ownerNow(p));
  for (const o of diff.ownership) if (o.from.includes(id) && !o.to.includes(id) && !nowNamed.has(o.pattern)) leave.set(o.pattern, o.to[0] ?? null);
  const mustLeaveAlone = [...leave].map(([pattern, owner]) => ({ pattern, owner })).sort((a, b) => (a.pattern < b.pattern ? -1 : 1));
  const newConflicts = diff.conflicts.added.filter((c) => c.workstreams.includes(id)).map((c) => ({ file: c.file, with: c.workstreams.find((w) => w !== id) ?? id }));
  if (!owns && ws.owns.length > 0) stillHolds.push(`you own ${ws.owns.map((f) => `\`${f.pattern}\``).join(", ")}`);

  // Its wave, and the wave's merge day.
  const waveNow = after.schedule.execution.workstreams.find((e) => e.id === id)?.wave ?? null;
  const waveThen = before.schedule.execution.workstreams.find((e) => e.id === oldId)?.wave ?? null;
  const wave = waveNow !== waveThen ? { from: waveThen, to: waveNow } : null;
  let mergeDay: Amendment["mergeDay"] = null;
  if (!wave && waveNow !== null) {
    const moved = diff.schedule.waves.find((w) => w.number === waveNow);
    if (moved?.from && moved.to) mergeDay = { wave: waveNow, from: moved.from, to: moved.to };
    else stillHolds.push(`wave ${waveNow} merges you`);
  }

  // Gates of its wave: added, changed, removed; and its own quality gates.
  const gatesThen = gatesOf(before.plan, waveThen);
  const gatesNow = gatesOf(after.plan, waveNow);
  const gateChanges = new Map(diff.changed.filter((r) => r.kind === "gate").map((r) => [r.id, r.changes.map((c) => c.field)]));
  const asGate = (g: { id: string; name: string; command: string }, changed: string[] = []): AmendedGate => ({ id: g.id, name: g.name, command: g.command, changed });
  const gates = {
    added: [...gatesNow.values()].filter((g) => !gatesThen.has(g.id)).map((g) => asGate(g)),
    changed: [...gatesNow.values()].filter((g) => gatesThen.has(g.id) && gateChanges.has(g.id)).map((g) => asGate(g, gateChanges.get(g.id))),
    removed: [...gatesThen.values()].filter((g) => !gatesNow.has(g.id)).map((g) => asGate(g)),
    qualityGates: { added: change("quality_gates")?.added ?? [], removed: change("quality_gates")?.removed ?? [] },
  };

  // Decisions it follows (then or now) whose status changed, and new ones for it.
  const decisions: AmendedDecision[] = [];
  const statusOf = (d: { status: string }) => d.status;
  const thenDecisions = new Map(decisionsOf(before.plan, oldId).map((d) => [decisionName(d), d]));
  const nowDecisions = decisionsOf(after.plan, id);
  const seen = new Set<string>();
  for (const d of [...nowDecisions, ...after.plan.decisions.filter((x) => thenDecisions.has(decisionName(x)))]) {
    const name = decisionName(d);
    if (seen.has(name)) continue;
    seen.add(name);
    const then = before.plan.decisions.find((x) => decisionName(x) === name);
    if (then && statusOf(then) === statusOf(d) && thenDecisions.has(name)) continue;
    const target = d.supersededBy?.id;
    const by = target === undefined ? undefined : after.plan.decisions.find((x) => x.id === target || decisionName(x) === decisionRefName(target));
    decisions.push({ id: name, title: d.title, from: then ? then.status : null, to: d.status, replacedBy: by ? { id: decisionName(by), title: by.title } : null });
  }
  if (decisions.length === 0 && nowDecisions.length > 0) stillHolds.push(`the decisions you follow: ${nowDecisions.map((d) => decisionName(d)).join(", ")}`);

  // Its days and when it runs.
  const t = diff.schedule.workstreams.find((x) => x.id === id);
  const timing = t?.from && t.to ? { from: t.from, to: t.to } : null;
  if (!timing) stillHolds.push(`your duration (${ws.days.text}) and your days`);

  const structural = new Set(["depends_on", "soft_depends_on", "owns", "touches", "wave", "waves", "quality_gates", "days"]);
  const fields = changes.filter((c) => !structural.has(c.field));
  const untouched = ["goal", "deliverables", "out_of_scope"].filter((f) => !change(f));
  if (untouched.length === 3) stillHolds.push("your goal, deliverables and out-of-scope list");
  const promptSections = diff.prompts?.find((p) => p.workstream === id && p.change === "changed")?.sections ?? [];

  const empty =
    renamedFrom === null &&
    dependencies.added.length + dependencies.removed.length + softDependencies.added.length + softDependencies.removed.length === 0 &&
    mayNowEdit.length + mustLeaveAlone.length + newConflicts.length === 0 &&
    !wave &&
    !mergeDay &&
    gates.added.length + gates.changed.length + gates.removed.length + gates.qualityGates.added.length + gates.qualityGates.removed.length === 0 &&
    decisions.length === 0 &&
    !timing &&
    fields.length === 0;
  return {
    workstream: { id, name: ws.name },
    renamedFrom,
    since,
    dependencies,
    softDependencies,
    files: { mayNowEdit, mustLeaveAlone, newConflicts },
    wave,
    mergeDay,
    gates,
    decisions,
    timing,
    fields,
    promptSections,
    stillHolds,
    empty,
  };
}
