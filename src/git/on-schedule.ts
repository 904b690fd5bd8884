/**
 * Planned against actual: where a workstream should be by today, from the project's `start_date` and the working-day
 * calendar, against what the repository and the plan say it has done. Pure: today is given.
 */
import type { Range } from "../schedule/types.js";
import { workingDayOf } from "../render/views/figures.js";

/** How a workstream stands against its planned days. */
export type ScheduleState = "done" | "not due" | "due" | "late start" | "late finish" | "on track" | "unknown";

/** A workstream's planned days, today's working day, and how it stands. */
export interface ScheduleCheck {
  /** Today's working day (1 is the project's first); null without a `start_date`. */
  today: number | null;
  start: Range;
  finish: Range;
  /** Today is past its latest planned start (at the slow end of every duration), so it should have started. */
  shouldHaveStarted: boolean | null;
  /** Today is past its latest planned finish, so it should have finished. */
  shouldHaveFinished: boolean | null;
  state: ScheduleState;
}

/** Where a workstream should be on `today` (YYYY-MM-DD), given whether it has started (commits, or its status) and finished. */
export function checkSchedule(plan: { startDate: string | undefined; today: string }, work: { start: Range; finish: Range; started: boolean; finished: boolean }): ScheduleCheck {
  const { start, finish } = work;
  if (!plan.startDate) return { today: null, start, finish, shouldHaveStarted: null, shouldHaveFinished: null, state: work.finished ? "done" : "unknown" };
  const today = workingDayOf(plan.startDate, plan.today);
  // A day is worked through its end: work planned to start on day 3 is late only from day 4.
  const shouldHaveStarted = today > start.high;
  const shouldHaveFinished = today > finish.high;
  const state: ScheduleState = work.finished
    ? "done"
    : shouldHaveFinished
      ? "late finish"
      : shouldHaveStarted && !work.started
        ? "late start"
        : work.started
          ? "on track"
          : today >= start.low
            ? "due"
            : "not due";
  return { today, start, finish, shouldHaveStarted, shouldHaveFinished, state };
}
