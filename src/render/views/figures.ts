import { firstWorkingDay } from "../../model/working-day.js";
import type { Range } from "../../schedule/types.js";
import { plural } from "../../diagnostics/plural.js";

/** A number as people write it: `2`, `1.5`, never `1.5000000001`. */
export function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** `7` or `6–7`, smaller first (a ratio such as a speed-up can be larger at the lower end of the durations). */
export function range(r: Range): string {
  const [a, b] = r.low <= r.high ? [r.low, r.high] : [r.high, r.low];
  return num(a) === num(b) ? num(b) : `${num(a)}–${num(b)}`;
}

/** `3–4`, or `1–1 or 1–2` when the ends of the durations differ: the first and last day as one pair per end. */
export function spanPair(start: Range, finish: Range): string {
  const low = `${start.low}–${finish.low}`;
  const high = `${start.high}–${finish.high}`;
  return low === high ? high : `${low} or ${high}`;
}

/** `7 days`, `1 day`, `6–7 days`. */
export function days(r: Range | number): string {
  const value = typeof r === "number" ? { low: r, high: r } : r;
  return `${range(value)} ${value.high === 1 && value.low === 1 ? "day" : "days"}`;
}

/** The calendar date of a working day, when the project has a start date: Saturdays and Sundays are skipped. */
export function dateOf(startDate: string | undefined, day: number): string | null {
  if (!startDate || day < 1) return null;
  // Day 1 is the start date itself (moved to Monday if it falls on a weekend); then count working days.
  const first = firstWorkingDay(startDate);
  if (first === undefined) return null;
  const date = new Date(Date.parse(`${first}T00:00:00Z`));
  const isWeekend = () => date.getUTCDay() === 0 || date.getUTCDay() === 6;
  // Five working days from a weekday are always one calendar week: whole weeks at once, then the rest day by day.
  date.setUTCDate(date.getUTCDate() + 7 * Math.floor((day - 1) / 5));
  for (let left = (day - 1) % 5; left > 0;) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (!isWeekend()) left--;
  }
  return date.toISOString().slice(0, 10);
}

/** The working day (1-based) a calendar date falls on, counting from day 1 (`firstWorkingDay`); 0 or less before it. */
export function workingDayOf(startDate: string, date: string): number {
  const start = Date.parse(`${firstWorkingDay(startDate) ?? startDate}T00:00:00Z`);
  const target = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(target)) return 0;
  const step = target >= start ? 1 : -1;
  let day = step > 0 ? 1 : 0;
  for (let t = start; step > 0 ? t < target : t > target; t += step * 86_400_000) {
    const weekday = new Date(t + step * 86_400_000).getUTCDay();
    if (weekday !== 0 && weekday !== 6) day += step;
  }
  return day;
}

/** `1 wave`, `2 waves`. */
export function count(n: number, word: string): string {
  return plural(n, word);
}

// Views ask for the same few hundred days thousands of times; a pure function's results, bounded.
const labels = new Map<string, string>();

/** `day 3` or `day 3 (2025-10-19)`. */
export function dayLabel(startDate: string | undefined, day: number): string {
  const key = `${startDate ?? ""}\0${day}`;
  let label = labels.get(key);
  if (label === undefined) {
    const date = dateOf(startDate, day);
    label = date ? `day ${day} (${date})` : `day ${day}`;
    if (labels.size >= 10_000) labels.clear();
    labels.set(key, label);
  }
  return label;
}

/** The commands named in a quality-gate item: its inline code spans. */
export function commandsIn(markdown: string): string[] {
  return [...markdown.matchAll(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g)].map((m) => m[2]!.trim());
}
