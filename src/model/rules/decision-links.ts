import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { suggest } from "../../parse/suggest.js";
import { decisionIndex } from "../decision-ref.js";
import type { Plan, Ref } from "../types.js";
import type { Rule } from "./rule.js";

/** Every link to an ADR names one that exists: supersession and other links between ADRs, and the ADRs a session decided. */
export const decisionLinks: Rule = {
  name: "decision-links",
  check(plan: Plan) {
    const index = decisionIndex(plan.decisions);
    const known = [...new Set(plan.decisions.map((d) => d.id))];
    const refs: Ref[] = [...plan.decisions.flatMap((d) => d.links.map((l) => l.target)), ...plan.sessions.flatMap((s) => s.decisions)];
    return refs.filter((r) => !index.find(r.id)).map((r) => unknown(r, known));
  },
};

function unknown(ref: Ref, known: string[]): Diagnostic {
  const listed = known.length === 0 ? "there are no decisions" : `expected one of: ${known.slice(0, 12).join(", ")}${known.length > 12 ? ", …" : ""}`;
  const guess = suggest(ref.id, known);
  return diagnostic("error", "unknown-decision", ref.at, `unknown decision \`${ref.id}\`, ${listed}`, guess ? `Did you mean \`${guess}\`?` : "Create the decision or fix the reference.");
}
