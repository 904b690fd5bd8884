import { diagnostic } from "../../diagnostics/diagnostic.js";
import type { Decision, DecisionStatus, Plan } from "../types.js";
import type { Rule } from "./rule.js";

/** What a reviewer needs for each status: the problem, and once it is decided, the decision (or, before, the options). */
const REQUIRED: Readonly<Record<DecisionStatus, readonly (readonly (keyof Decision)[])[]>> = {
  proposed: [["context"], ["decision", "alternatives"]],
  rejected: [["context"], ["decision", "alternatives"]],
  accepted: [["context"], ["decision"]],
  deprecated: [["context"], ["decision"]],
  superseded: [["context"], ["decision"]],
};

// The headings the hint suggests, by field.
const HEADINGS: Partial<Record<keyof Decision, string>> = { context: "`## Context`", decision: "`## Decision`", alternatives: "`## Considered Options`" };

// The record field each is read from, as `sections` names it.
const FIELD_NAMES: Partial<Record<keyof Decision, string>> = { context: "context", decision: "decision", alternatives: "alternatives_considered" };

/** True when the ADR has the section's heading, filled in or not: a proposed ADR with empty sections is a draft (what `paraplan new decision` writes). */
function drafted(d: Decision, field: keyof Decision): boolean {
  return d.sections.some((s) => s.field !== undefined && s.field === FIELD_NAMES[field]);
}

function present(d: Decision, field: keyof Decision): boolean {
  const value = d[field];
  return Array.isArray(value) ? value.length > 0 : typeof value === "string" && value.trim() !== "";
}

/** An ADR has the sections its status calls for: every ADR states its context; an accepted one, its decision. */
export const decisionSections: Rule = {
  name: "decision-sections",
  check(plan: Plan) {
    return plan.decisions.flatMap((d) =>
      REQUIRED[d.status]
        .filter((any) => !any.some((field) => present(d, field) || (d.status === "proposed" && drafted(d, field))))
        .map((any) => {
          const names = any.map((f) => HEADINGS[f]).join(" or ");
          return diagnostic(
            "warning",
            "decision-missing-section",
            { ...d.source.at, end: d.source.at.start },
            `${d.status} decision has no ${names} section`,
            `Add ${names} (MADR's \`Context and Problem Statement\` and \`Decision Outcome\` are read too).`,
          );
        }),
    );
  },
};
