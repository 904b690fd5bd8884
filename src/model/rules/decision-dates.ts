import { diagnostic } from "../../diagnostics/diagnostic.js";
import { readDate } from "../decision-date.js";
import type { Plan } from "../types.js";
import type { Rule } from "./rule.js";

/** An ADR's date is a day of the calendar, written so that it cannot be read two ways. */
export const decisionDates: Rule = {
  name: "decision-dates",
  check(plan: Plan) {
    return plan.decisions.flatMap((d) => {
      if (!d.dateWritten) return [];
      const reading = readDate(d.dateWritten.text);
      if ("iso" in reading) return [];
      return [diagnostic("warning", "decision-date", d.dateWritten.at, `decision date ${reading.reason}`, "Write the date as `YYYY-MM-DD`, e.g. `2016-02-12`.")];
    });
  },
};
