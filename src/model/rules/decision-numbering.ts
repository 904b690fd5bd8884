import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Plan } from "../types.js";
import type { Rule } from "./rule.js";

/** ADR numbers run without gaps (numbers given twice are `duplicate-id` errors); ADRs without numbers (log4brains) are left out. */
export const decisionNumbering: Rule = {
  name: "decision-numbering",
  check(plan: Plan) {
    const numbered = plan.decisions.filter((d) => d.number !== undefined);
    const found: Diagnostic[] = [];
    for (let i = 1; i < numbered.length; i++) {
      const [before, after] = [numbered[i - 1]!, numbered[i]!];
      const [a, b] = [before.number!, after.number!];
      if (b - a <= 1) continue;
      const missing = b - a === 2 ? `${a + 1}` : `${a + 1}–${b - 1}`;
      found.push(
        diagnostic(
          "warning",
          "decision-number-gap",
          { ...after.source.at, end: after.source.at.start },
          `ADR numbers skip ${missing}: ${a} is followed by ${b}`,
          "Renumbering breaks links: if an ADR was removed, keep a short one that says so and is deprecated.",
          [{ ...before.source.at, end: before.source.at.start, message: `ADR ${a}` }],
        ),
      );
    }
    return found;
  },
};
