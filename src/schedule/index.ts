/**
 * The scheduling core: from a validated `Plan` to its computed schedule and the problems
 * found on the way. Pure: no IO, never throws; the same plan in any record order gives the
 * same result (everything is sorted by id / wave number first).
 */
import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Plan, Workstream } from "../model/types.js";
import { agentLoads } from "./agent-load.js";
import { compareIds } from "../model/compare-ids.js";
import { tooManyParallel } from "./concurrency.js";
import { findConflicts } from "./conflicts.js";
import { executionModel } from "./execution.js";
import { durationEnds, earliestStartDay, speedUp, sumDurations, workDays, type End } from "./durations.js";
import { breakCycles, buildDependencyGraph, findCycles, topologicalSort, type DependencyGraph } from "./graph.js";
import { dependenciesOnlyNetwork, wavesNetwork } from "./network.js";
import { progressDiagnostics, progressOf } from "./progress.js";
import { proseContradictions } from "./prose-figures.js";
import { runPasses } from "./schedule.js";
import { checkTarget } from "./target.js";
import { compareSources } from "./source-order.js";
import type { DependencyEdge, PlanSchedule, ScheduleVariant } from "./types.js";
import { buildVariant } from "./variant.js";
import { waveCost, type WaveCostInput } from "./wave-cost.js";
import { findWaveOrderViolations, planWaves, waveLateDiagnostics, waveOrderDiagnostics, type WavePlan, type WaveOrderViolation } from "./waves.js";

export type * from "./types.js";

/** The inputs shared by every schedule of one plan. */
interface Shared {
  workstreams: Workstream[];
  graph: DependencyGraph;
  deps: number[][];
  wavePlan: WavePlan;
  violations: WaveOrderViolation[];
}

/** Computes both schedules at both ends of the durations, and every scheduling problem. */
export function computeSchedule(plan: Plan): { schedule: PlanSchedule; diagnostics: Diagnostic[] } {
  const workstreams = uniqueWorkstreams(plan.workstreams);
  const graph = buildDependencyGraph(workstreams);
  const { deps, broken } = breakCycles(graph);
  const { order } = topologicalSort(deps);
  const { plan: wavePlan, diagnostics: waveProblems } = planWaves(workstreams, graph.indexOf, plan.waves);
  const violations = findWaveOrderViolations(deps, order, wavePlan);
  const shared: Shared = { workstreams, graph, deps, wavePlan, violations };

  const high = scheduleAt(shared, "high");
  const low = scheduleAt(shared, "low");
  const withWaves = { high: high.withWaves, low: low.withWaves };
  const dependenciesOnly = { high: high.dependenciesOnly, low: low.dependenciesOnly };
  const sequentialTotal = sumDurations(workstreams.map((ws) => ws.days));
  const { conflicts, diagnostics: conflictProblems } = findConflicts(workstreams, { high: withWaves.high.workstreams, low: withWaves.low.workstreams }, plan.project);

  const schedule: PlanSchedule = {
    withWaves,
    dependenciesOnly,
    sequentialTotal,
    speedUp: {
      withWaves: { low: speedUp(sequentialTotal.low, withWaves.low.makespan), high: speedUp(sequentialTotal.high, withWaves.high.makespan) },
      dependenciesOnly: {
        low: speedUp(sequentialTotal.low, dependenciesOnly.low.makespan),
        high: speedUp(sequentialTotal.high, dependenciesOnly.high.makespan),
      },
    },
    waveCost: waveCost(makespans(withWaves), makespans(dependenciesOnly), high.costInput),
    order: order.map((i) => graph.ids[i]!),
    edges: graph.deps.flatMap((targets, u) => targets.map((v) => edge(graph, u, v))),
    softEdges: softEdges(workstreams, graph),
    brokenEdges: broken.map((b) => edge(graph, b.node, b.dependsOn)),
    agentLoad: agentLoads(workstreams),
    conflicts,
    execution: executionModel(plan, workstreams, deps, wavePlan, withWaves),
    problems: [],
    target: null,
  };
  const diagnostics = [
    ...findCycles(graph),
    ...waveProblems,
    ...waveOrderDiagnostics(violations, graph, wavePlan),
    ...waveLateDiagnostics(wavePlan, withWaves.high, withWaves.low),
    ...tooManyParallel(plan.project, withWaves.high, withWaves.low),
    ...conflictProblems,
    ...progressDiagnostics(workstreams, dependentsById(graph, deps)),
    ...proseContradictions(plan, schedule),
  ];
  const target = checkTarget(plan, schedule, diagnostics, computeSchedule);
  schedule.target = target.target;
  const sorted = sortDiagnostics([...diagnostics, ...target.diagnostics]);
  // Prose contradictions point into prose that only its own record's documents show; the execution plan lists the rest.
  schedule.problems = sorted
    .filter((d) => d.code !== "prose-contradicts-schedule")
    .map((d) => ({ code: d.code, severity: d.severity, file: d.file, line: d.start.line, message: d.message, hint: d.hint ?? "" }));
  return { schedule, diagnostics: sorted };
}

/** Both schedules at one end of the durations. */
function scheduleAt(shared: Shared, end: End): { withWaves: ScheduleVariant; dependenciesOnly: ScheduleVariant; costInput: WaveCostInput } {
  const { workstreams, graph, deps, wavePlan, violations } = shared;
  const progress = workstreams.map((ws) => progressOf(ws, workDays(durationEnds(ws.days)[end]), earliestStartDay(ws.start) - 1));
  const span = progress.map((p) => p.span);
  const base = progress.map((p) => p.base);
  // Work that has started is where it is: its dependencies no longer move it.
  const live = deps.map((targets, i) => (progress[i]!.fixed ? [] : targets));
  const depsNet = dependenciesOnlyNetwork(live, span, base);
  const wavesNet = wavesNetwork(live, span, base, wavePlan, violations);
  const wavesPasses = runPasses(wavesNet);
  return {
    withWaves: buildVariant(wavesNet, wavesPasses, graph.ids, wavePlan),
    dependenciesOnly: buildVariant(depsNet, runPasses(depsNet), graph.ids, null),
    costInput: { net: wavesNet, passes: wavesPasses, ids: graph.ids, waveNumbers: wavePlan.waves.map((w) => w.number) },
  };
}

/** Workstreams in id order, one per id: of duplicates (the validator's to report) the first in source order. */
function uniqueWorkstreams(list: readonly Workstream[]): Workstream[] {
  const sorted = [...list].sort((a, b) => compareIds(a.id, b.id) || compareSources(a.source, b.source));
  return sorted.filter((ws, i) => i === 0 || sorted[i - 1]!.id !== ws.id);
}

/** For each workstream id, the ids of the workstreams that depend on it, in id order. */
function dependentsById(graph: DependencyGraph, deps: readonly (readonly number[])[]): Map<string, string[]> {
  const dependents = new Map<string, string[]>();
  deps.forEach((targets, u) => {
    for (const v of targets) {
      const id = graph.ids[v]!;
      dependents.set(id, [...(dependents.get(id) ?? []), graph.ids[u]!]);
    }
  });
  return dependents;
}

function makespans(variants: { high: ScheduleVariant; low: ScheduleVariant }): { low: number; high: number } {
  return { low: variants.low.makespan, high: variants.high.makespan };
}

function edge(graph: DependencyGraph, u: number, v: number): DependencyEdge {
  return { workstream: graph.ids[u]!, dependsOn: graph.ids[v]! };
}

/** Soft dependencies on known workstreams other than itself, each once, in id order. */
function softEdges(workstreams: readonly Workstream[], graph: DependencyGraph): DependencyEdge[] {
  return workstreams.flatMap((ws) => {
    const targets = new Set(ws.softDependsOn.map((r) => r.id).filter((id) => id !== ws.id && graph.indexOf.has(id)));
    return [...targets].sort(compareIds).map((dependsOn) => ({ workstream: ws.id, dependsOn }));
  });
}
