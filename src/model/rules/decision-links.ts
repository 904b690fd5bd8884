import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { suggest } from "../../parse/suggest.js";
import { decisionIndex } from "../decision-ref.js";
import type { Plan, Ref } from "../types.js";
import type { Rule } from "./rule.js";

/**
 * Every link to an ADR names one that exists: supersession and other links between ADRs, and the ADRs a session
 * decided. A link in an ADR's prose (its status or `## Links`) may name an ADR kept elsewhere, as imported logs often
 * do: that is a warning, and the link is shown as written.
 */
export const decisionLinks: Rule = {
  name: "decision-links",
  check(plan: Plan) {
    const index = decisionIndex(plan.decisions);
    const known = [...new Set(plan.decisions.map((d) => d.id))];
    const links = plan.decisions.flatMap((d) => d.links).filter((l) => !index.find(l.target.id));
    const refs: Ref[] = [...links.filter((l) => !l.prose).map((l) => l.target), ...plan.sessions.flatMap((s) => s.decisions).filter((r) => !index.find(r.id))];
    return [...refs.map((r) => unknown(r, known)), ...links.filter((l) => l.prose).map((l) => outside(l.target, known))];
  },
};

function outside(ref: Ref, known: string[]): Diagnostic {
  const guess = suggest(ref.id, known);
  return diagnostic(
    "warning",
    "decision-link-outside-plan",
    ref.at,
    `link to ADR \`${ref.id}\`, which is not in the plan`,
    guess
      ? `Did you mean \`${guess}\`? Otherwise import that ADR, or leave the link: it is shown as written.`
      : "Import that ADR (`paraplan import decisions DIR`), or leave the link: it is shown as written.",
  );
}

function unknown(ref: Ref, known: string[]): Diagnostic {
  const listed = known.length === 0 ? "there are no decisions" : `expected one of: ${known.slice(0, 12).join(", ")}${known.length > 12 ? ", …" : ""}`;
  const guess = suggest(ref.id, known);
  return diagnostic("error", "unknown-decision", ref.at, `unknown decision \`${ref.id}\`, ${listed}`, guess ? `Did you mean \`${guess}\`?` : "Create the decision or fix the reference.");
}
