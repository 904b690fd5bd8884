/** One schedule as output: timings, waves, critical paths and the day-by-day timeline, from the passes over its network. */
import { findCriticalPaths } from "./critical-path.js";
import { dayActivities, peakOf } from "./concurrency.js";
import type { Network } from "./network.js";
import { slackOf, type Passes } from "./schedule.js";
import type { ScheduleVariant, WaveTiming, WorkstreamTiming } from "./types.js";
import type { WavePlan } from "./waves.js";

/** Builds the output of one schedule; `plan` is null for the schedule on dependencies alone. */
export function buildVariant(net: Network, passes: Passes, ids: readonly string[], plan: WavePlan | null): ScheduleVariant {
  const workstreams = ids.map((id, i) => workstreamTiming(net, passes, id, i));
  const waves = plan === null ? [] : plan.waves.map((_, k) => waveTiming(net, passes, ids, plan, k, workstreams));
  const days = dayActivities(workstreams, waves, passes.makespan);
  const { paths, truncated } = findCriticalPaths(net, passes, ids);
  return { workstreams, makespan: passes.makespan, criticalPaths: paths, criticalPathsTruncated: truncated, waves, days, peak: peakOf(days) };
}

function workstreamTiming(net: Network, passes: Passes, id: string, i: number): WorkstreamTiming {
  const finish = passes.time[i]!;
  const slack = slackOf(passes, i);
  return { id, start: finish - net.span[i]! + 1, finish, slack, critical: slack === 0 };
}

/** Wave `k`'s merge; lateness is measured against its planned day, and explained by its late workstreams and a late previous wave. */
function waveTiming(net: Network, passes: Passes, ids: readonly string[], plan: WavePlan, k: number, timings: readonly WorkstreamTiming[]): WaveTiming {
  const wave = plan.waves[k]!;
  const node = net.workstreamCount + k;
  const mergeDay = passes.time[node]!;
  const planned = wave.plannedDay;
  const lateBy = planned === null ? 0 : Math.max(0, mergeDay - planned);
  const late = (day: number): boolean => lateBy > 0 && planned !== null && day > planned;
  const previous = k > 0 ? plan.waves[k - 1]! : null;
  const slack = slackOf(passes, node);
  return {
    number: wave.number,
    plannedDay: planned,
    mergeDay,
    lateBy,
    lateWorkstreams: wave.members.filter((i) => late(timings[i]!.finish)).map((i) => ids[i]!),
    waitsForWave: previous !== null && late(passes.time[node - 1]!) ? previous.number : null,
    workstreams: wave.members.map((i) => ids[i]!),
    parts: wave.partial.map((i) => ids[i]!),
    slack,
    critical: slack === 0,
  };
}
