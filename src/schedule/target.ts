/**
 * The project's `target_days` against the computed makespan with waves, and when it is missed,
 * the smallest changes to the plan that would meet it, each one checked by scheduling a changed
 * copy of the plan again (never by estimate).
 */
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { compareIds } from "../model/compare-ids.js";
import type { Plan, Project, Ref, Wave, Workstream } from "../model/types.js";
import type { PlanSchedule } from "./types.js";

/** One way to meet the target, checked by re-running the schedule. */
export interface TargetSuggestion {
  /** The change in words: `move TD4 to wave 5`, or two joined by "and". */
  change: string;
  /** The makespan with waves (upper end of the durations) after the change. */
  makespan: number;
}

/** The plan's target makespan and how the schedule with waves does against it. */
export interface TargetCheck {
  /** `target_days` as written. */
  days: number;
  /** The headline makespan: with waves, upper end of the durations. */
  makespan: number;
  /** Whether the makespan is at most the target. */
  met: boolean;
  /** Days over the target (0 when met). */
  missedBy: number;
  /**
   * At most 3 changes that meet the target: single changes first, pairs only when no single one
   * does; then by makespan, then by how few warnings the changed plan has (a move that makes every
   * later wave late is a worse suggestion than one that keeps them on time), then by id.
   */
  suggestions: TargetSuggestion[];
  /** Whether the search stopped at its cap of re-runs before trying every candidate. */
  searchCapped: boolean;
}

/** What `computeSchedule` returns; passed in so this file does not import the scheduler that calls it. */
export type Reschedule = (plan: Plan) => { schedule: PlanSchedule; diagnostics: Diagnostic[] };

/** One candidate change: a description, the ids it sorts by, and what it does to a copy of the plan. */
interface Change {
  text: string;
  sortKey: string[];
  /** What it touches; two changes of one pair must touch different things. */
  subject: string;
  apply(plan: Plan): Plan;
}

const MAX_SUGGESTIONS = 3;
// Each candidate costs one full schedule of the plan. Candidates are limited to the critical
// workstreams, their hard dependencies and the critical waves (a change elsewhere cannot shorten
// the makespan on its own), and the re-runs are capped: at most 300, fewer on a big plan (a budget of
// about 30,000 workstream-schedulings), so a plan of thousands of workstreams still validates in a
// second or two; the result then says the search was capped.
const MAX_RUNS = 300;
const RUN_BUDGET = 30_000;

/** How many re-runs a plan of this size may take. */
function maxRuns(plan: Plan): number {
  return Math.min(MAX_RUNS, Math.max(20, Math.floor(RUN_BUDGET / (plan.workstreams.length + plan.waves.length + 1))));
}

/**
 * Compares `target_days` with the makespan with waves; when missed, a `target-missed` warning at the
 * field naming the smallest checked changes that meet it. Null (and no warning) without a target.
 */
export function checkTarget(plan: Plan, schedule: PlanSchedule, diagnostics: readonly Diagnostic[], reschedule: Reschedule): { target: TargetCheck | null; diagnostics: Diagnostic[] } {
  const days = plan.project.targetDays;
  if (days === undefined || !Number.isFinite(days)) return { target: null, diagnostics: [] };
  const makespan = schedule.withWaves.high.makespan;
  if (makespan <= days) return { target: { days, makespan, met: true, missedBy: 0, suggestions: [], searchCapped: false }, diagnostics: [] };
  const limit = maxRuns(plan);
  const { suggestions, capped } = searchChanges(plan, schedule, diagnostics, days, reschedule, limit);
  const target: TargetCheck = { days, makespan, met: false, missedBy: makespan - days, suggestions, searchCapped: capped };
  return { target, diagnostics: [targetMissed(plan.project, target, limit)] };
}

/** The warning: by how much, and what would meet the target. */
function targetMissed(project: Project, target: TargetCheck, limit: number): Diagnostic {
  const over = target.missedBy === 1 ? "1 day" : `${target.missedBy} days`;
  const message = `the schedule with waves takes ${target.makespan} days, ${over} more than target_days (${target.days})`;
  const found = target.suggestions.map((s) => `${s.change} → ${s.makespan} days`).join("; ");
  const hint =
    target.suggestions.length > 0
      ? `Smallest changes that meet it, each checked by rescheduling: ${found}. Or raise target_days.`
      : `No change tried meets it (moving a critical workstream to another wave, making one of its hard dependencies soft, dropping a critical wave's planned day, or two of these${target.searchCapped ? `; the search stopped after ${limit} tries` : ""}): shorten or split the critical workstreams, or raise target_days.`;
  return diagnostic("warning", "target-missed", project.targetDaysAt ?? project.source.at, message, hint);
}

/** Single changes first; pairs of them only when no single change meets the target. */
function searchChanges(
  plan: Plan,
  schedule: PlanSchedule,
  diagnostics: readonly Diagnostic[],
  days: number,
  reschedule: Reschedule,
  limit: number,
): { suggestions: TargetSuggestion[]; capped: boolean } {
  // The copies are scheduled without a target, so that checking them does not search again.
  const base: Plan = { ...plan, project: withoutTarget(plan.project) };
  const known = new Set(diagnostics.filter((d) => d.severity === "error").map(errorKey));
  let runs = 0;
  let capped = false;
  const tryPlan = (changes: Change[]): Outcome | null => {
    if (runs >= limit) {
      capped = true;
      return null;
    }
    runs++;
    const changed = changes.reduce((p, c) => c.apply(p), base);
    const result = reschedule(changed);
    const newError = result.diagnostics.some((d) => d.severity === "error" && !known.has(errorKey(d)));
    const makespan = result.schedule.withWaves.high.makespan;
    const warnings = result.diagnostics.filter((d) => d.severity === "warning").length;
    return !newError && makespan <= days ? { makespan, warnings } : null;
  };
  const candidates = candidateChanges(plan, schedule);
  const singles = rank(candidates.flatMap((c) => meets([c], tryPlan([c]))));
  if (singles.length > 0) return { suggestions: singles.slice(0, MAX_SUGGESTIONS), capped };
  const pairs: Found[] = [];
  for (let i = 0; i < candidates.length && !capped; i++) {
    for (let j = i + 1; j < candidates.length && !capped; j++) {
      const pair = [candidates[i]!, candidates[j]!];
      if (pair[0]!.subject === pair[1]!.subject) continue;
      pairs.push(...meets(pair, tryPlan(pair)));
    }
  }
  return { suggestions: rank(pairs).slice(0, MAX_SUGGESTIONS), capped };
}

/** What a changed plan gives: its makespan and how many warnings it has. */
interface Outcome {
  makespan: number;
  warnings: number;
}

/** A change (or pair) that meets the target, with its outcome. */
interface Found extends Outcome {
  changes: Change[];
}

function meets(changes: Change[], outcome: Outcome | null): Found[] {
  return outcome === null ? [] : [{ changes, ...outcome }];
}

/** By resulting makespan, then fewest warnings, then by the ids the changes name. */
function rank(found: Found[]): TargetSuggestion[] {
  const key = (f: Found) => f.changes.flatMap((c) => c.sortKey);
  return [...found]
    .sort((a, b) => a.makespan - b.makespan || a.warnings - b.warnings || compareKeys(key(a), key(b)))
    .map((f) => ({ change: f.changes.map((c) => c.text).join(" and "), makespan: f.makespan }));
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareIds(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** Moves of critical workstreams to every other existing wave, their hard dependencies made soft, critical waves' planned days dropped. */
function candidateChanges(plan: Plan, schedule: PlanSchedule): Change[] {
  const variant = schedule.withWaves.high;
  const critical = new Set(variant.workstreams.filter((t) => t.critical).map((t) => t.id));
  const waveNumbers = [...new Set(plan.waves.map((w) => w.number))].sort((a, b) => a - b);
  const workstreams = [...plan.workstreams].filter((ws) => critical.has(ws.id)).sort((a, b) => compareIds(a.id, b.id));
  const known = new Set(plan.workstreams.map((ws) => ws.id));
  const moves = workstreams.flatMap((ws) => {
    const current = waveOf(plan, ws);
    return waveNumbers.filter((n) => n !== current).map((n) => moveTo(ws, n));
  });
  const soft = workstreams.flatMap((ws) =>
    [...new Set(ws.dependsOn.map((r) => r.id))]
      .filter((id) => id !== ws.id && known.has(id))
      .sort(compareIds)
      .map((id) => soften(ws, id)),
  );
  const criticalWaves = new Set(variant.waves.filter((w) => w.critical).map((w) => w.number));
  const dropped = plan.waves
    .filter((w) => w.day !== undefined && criticalWaves.has(w.number))
    .sort((a, b) => a.number - b.number)
    .map(dropDay);
  return [...moves, ...soft, ...dropped];
}

/** The wave a workstream is in: its own `wave`, else the first wave that lists it. */
function waveOf(plan: Plan, ws: Workstream): number | undefined {
  return ws.wave ?? plan.waves.find((w) => w.workstreams.some((r) => r.id === ws.id))?.number;
}

function moveTo(ws: Workstream, wave: number): Change {
  return {
    text: `move ${ws.id} to wave ${wave}`,
    sortKey: [ws.id, String(wave)],
    subject: `workstream ${ws.id}`,
    apply(plan) {
      // Both places that say which wave merges it: the workstream's `wave` and the waves' lists.
      const ref: Ref = { id: ws.id, at: ws.waveAt ?? ws.source.at };
      return {
        ...plan,
        workstreams: plan.workstreams.map((w) => (w.id === ws.id ? { ...w, wave } : w)),
        waves: plan.waves.map((w) => {
          const others = w.workstreams.filter((r) => r.id !== ws.id);
          return { ...w, workstreams: w.number === wave ? [...others, ref] : others };
        }),
      };
    },
  };
}

function soften(ws: Workstream, dependsOn: string): Change {
  return {
    text: `make ${ws.id}'s dependency on ${dependsOn} soft`,
    sortKey: [ws.id, dependsOn],
    subject: `dependency ${ws.id} ${dependsOn}`,
    apply(plan) {
      return {
        ...plan,
        workstreams: plan.workstreams.map((w) => {
          if (w.id !== ws.id) return w;
          const moved = w.dependsOn.filter((r) => r.id === dependsOn);
          return { ...w, dependsOn: w.dependsOn.filter((r) => r.id !== dependsOn), softDependsOn: [...w.softDependsOn, ...moved] };
        }),
      };
    },
  };
}

function dropDay(wave: Wave): Change {
  return {
    text: `drop wave ${wave.number}'s planned day ${wave.day}`,
    sortKey: [`wave ${wave.number}`],
    subject: `wave ${wave.number}`,
    apply(plan) {
      return {
        ...plan,
        waves: plan.waves.map((w) => {
          if (w.number !== wave.number) return w;
          const rest = { ...w };
          delete rest.day;
          delete rest.dayAt;
          return rest;
        }),
      };
    },
  };
}

function withoutTarget(project: Project): Project {
  const rest = { ...project };
  delete rest.targetDays;
  delete rest.targetDaysAt;
  return rest;
}

function errorKey(d: Diagnostic): string {
  return `${d.code}\u0000${d.file}\u0000${d.message}`;
}
