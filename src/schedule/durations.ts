/**
 * Durations and the day convention.
 *
 * Day 1 is the first working day. Time runs continuously: the start of day s is time s−1,
 * its end is time s. A workstream of d days that starts on day s finishes at time s−1+d,
 * and its finish day is the day that time falls in, ceil(s−1+d) (so a 2-day workstream
 * started on day 1 finishes on day 2, and a 1.5-day one also on day 2). A dependent starts
 * on the day after the day its dependency becomes available: agents start work at the start
 * of a day. Since s is whole, ceil(s−1+d) = s−1+ceil(d): in every schedule a workstream
 * occupies ceil(d) whole days, and a fraction of a day costs the whole day. A workstream
 * always occupies at least the day it starts on, so a 0-day workstream counts as 1 day.
 * Figures that are sums of work (the sequential total, an agent's load) keep the fractions.
 */
import type { Duration } from "../model/types.js";

/** The two ends of a figure: with every duration at its `low`, and at its `high` (the headline). */
export interface Range {
  low: number;
  high: number;
}

/** Which end of the durations a schedule uses. */
export type End = keyof Range;

/** A finite, non-negative number of days; anything else counts as 0 (the parser reports it). */
function cleanDays(days: number): number {
  return Number.isFinite(days) && days > 0 ? days : 0;
}

/** The ends of a duration, cleaned: finite, non-negative, `low` ≤ `high`. */
export function durationEnds(duration: Duration): Range {
  const a = cleanDays(duration.low);
  const b = cleanDays(duration.high);
  return { low: Math.min(a, b), high: Math.max(a, b) };
}

/** Whole days a workstream of `days` days occupies in a schedule: ceil(days), at least 1. */
export function workDays(days: number): number {
  return Math.max(1, Math.ceil(cleanDays(days)));
}

/** The earliest start day allowed by a `start` field: a whole day, at least day 1. */
export function earliestStartDay(start: number | undefined): number {
  return start !== undefined && Number.isFinite(start) && start > 1 ? Math.ceil(start) : 1;
}

/** A planned wave day as a whole day, or null when absent or unusable. */
export function plannedDay(day: number | undefined): number | null {
  return day !== undefined && Number.isFinite(day) ? Math.max(0, Math.ceil(day)) : null;
}

/** Rounds away binary noise (0.1 + 0.2) from a sum of fractional days. */
function roundDays(days: number): number {
  return Math.round(days * 1e6) / 1e6;
}

/** Rounds a ratio for display: 2 decimals, stored as a number. */
function roundRatio(ratio: number): number {
  return Math.round(ratio * 100) / 100;
}

/** The sum of both ends of several durations. */
export function sumDurations(durations: readonly Duration[]): Range {
  let low = 0;
  let high = 0;
  for (const d of durations) {
    const ends = durationEnds(d);
    low += ends.low;
    high += ends.high;
  }
  return { low: roundDays(low), high: roundDays(high) };
}

/** Sequential total / makespan, rounded; 0 when the makespan is 0 (JSON has no Infinity). */
export function speedUp(sequentialTotal: number, makespan: number): number {
  return makespan > 0 ? roundRatio(sequentialTotal / makespan) : 0;
}
