/** Day lists for messages and output: bounded, and written compactly ("3–4, 7"). */

/** The most days a day list or timeline holds; a plan longer than this is not listed day by day beyond it. */
const DAY_LIMIT = 100_000;

/** The days from `first` to `last` inclusive, at most up to DAY_LIMIT. */
export function dayRange(first: number, last: number): number[] {
  const days: number[] = [];
  for (let d = Math.max(1, first); d <= Math.min(last, DAY_LIMIT); d++) days.push(d);
  return days;
}

/** Ascending days as runs: [3, 4, 7] → "3–4, 7". */
function formatDays(days: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < days.length;) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++;
    runs.push(i === j ? `${days[i]!}` : `${days[i]!}–${days[j]!}`);
    i = j + 1;
  }
  return runs.join(", ");
}

/** "day 3", "days 3–4, 7". */
export function daysPhrase(days: readonly number[]): string {
  return `${days.length === 1 ? "day" : "days"} ${formatDays(days)}`;
}
