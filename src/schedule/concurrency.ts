/** How many workstreams run at once: the day-by-day timeline, its peak, and the `max_parallel` check. */
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Project } from "../model/types.js";
import { dayRange, daysPhrase } from "./day-list.js";
import type { DayActivity, ScheduleVariant, WaveTiming, WorkstreamTiming } from "./types.js";

/** Days 1 … makespan with what is active, starts, finishes and merges on each (lists in id / wave order). */
export function dayActivities(workstreams: readonly WorkstreamTiming[], waves: readonly WaveTiming[], makespan: number): DayActivity[] {
  const days: DayActivity[] = dayRange(1, makespan).map((day) => ({ day, active: [], starting: [], finishing: [], merging: [] }));
  const at = (day: number): DayActivity | undefined => days[day - 1];
  for (const ws of workstreams) {
    for (const day of dayRange(ws.start, ws.finish)) at(day)!.active.push(ws.id);
    at(ws.start)?.starting.push(ws.id);
    at(ws.finish)?.finishing.push(ws.id);
  }
  for (const wave of waves) at(wave.mergeDay)?.merging.push(wave.number);
  return days;
}

/** The most workstreams active on one day and the days that happens (count 0, no days, for an empty plan). */
export function peakOf(days: readonly DayActivity[]): { count: number; days: number[] } {
  const count = days.reduce((max, d) => Math.max(max, d.active.length), 0);
  return { count, days: count === 0 ? [] : days.filter((d) => d.active.length === count).map((d) => d.day) };
}

/**
 * A `too-many-parallel` warning when more workstreams than `max_parallel` run at once in the
 * schedule with waves (the one that will run), at either end of the durations.
 */
export function tooManyParallel(project: Project, high: ScheduleVariant, low: ScheduleVariant): Diagnostic[] {
  const max = project.maxParallel;
  if (max === undefined || !Number.isFinite(max)) return [];
  const over = (v: ScheduleVariant): number[] => v.days.filter((d) => d.active.length > max).map((d) => d.day);
  const highDays = over(high);
  const lowDays = over(low);
  const sameDays = highDays.join() === lowDays.join();
  const parts = [
    { days: highDays, peak: high.peak.count, label: "" },
    { days: sameDays ? [] : lowDays, peak: low.peak.count, label: " at the lower end of durations" },
  ].filter((p) => p.days.length > 0);
  if (parts.length === 0) return [];
  const peak = Math.max(...parts.map((p) => p.peak));
  const where = parts.map((p) => `on ${daysPhrase(p.days)}${p.label}`).join(", and ");
  return [
    diagnostic(
      "warning",
      "too-many-parallel",
      project.maxParallelAt ?? project.source.at,
      `up to ${peak} workstreams run at once, more than max_parallel (${max}): ${where}`,
      "spread the work with start days or dependencies, or raise max_parallel",
    ),
  ];
}
