import { diagnostic } from "../../diagnostics/diagnostic.js";
import type { Plan } from "../types.js";
import { firstWorkingDay, isWorkingWeekday, weekdayOf } from "../working-day.js";
import type { Rule } from "./rule.js";

/** A plan that starts on a Saturday or Sunday starts, in every date it shows, on the Monday after: say so. */
export const startDate: Rule = {
  name: "start-date",
  check(plan: Plan) {
    const { startDate: written, startDateAt } = plan.project;
    const weekday = written === undefined ? undefined : weekdayOf(written);
    if (written === undefined || weekday === undefined || isWorkingWeekday(weekday)) return [];
    const first = firstWorkingDay(written)!;
    return [
      diagnostic(
        "warning",
        "start-not-working-day",
        startDateAt ?? plan.project.source.at,
        `start_date ${written} is a ${weekday}, not a working day: day 1 is ${weekdayOf(first)} ${first}`,
        `Write \`start_date: ${first}\`, the first working day, so that the plan says what its timeline shows.`,
      ),
    ];
  },
};
