import { diagnostic } from "../../diagnostics/diagnostic.js";
import { decisionIndex } from "../decision-ref.js";
import type { Decision, Plan } from "../types.js";
import type { Rule } from "./rule.js";

/** `ADR-0003` for a numbered ADR, its file name for one without a number. */
function name(d: Decision): string {
  return d.number !== undefined ? `ADR-${String(d.number).padStart(4, "0")}` : `ADR ${d.id}`;
}

/**
 * A prompt cites only accepted ADRs. When an ADR that governs workstreams is superseded by ADRs none of which is
 * accepted yet (a proposal), those prompts cite neither: the guidance is gone until the new ADR is accepted. Warn.
 */
export const decisionGuidance: Rule = {
  name: "decision-guidance",
  check(plan: Plan) {
    const index = decisionIndex(plan.decisions);
    const superseders = new Map<Decision, Set<Decision>>();
    const add = (old: Decision | undefined, by: Decision | undefined) => {
      if (old && by && old !== by) superseders.set(old, (superseders.get(old) ?? new Set()).add(by));
    };
    for (const d of plan.decisions) {
      for (const ref of d.supersedes) add(index.find(ref.id), d);
      for (const link of d.links) if (link.relation === "superseded-by") add(d, index.find(link.target.id));
    }
    const found = [];
    for (const [old, set] of superseders) {
      const governed = [...new Set(old.workstreams.map((r) => r.id))];
      if (old.status !== "superseded" || governed.length === 0) continue;
      const by = [...set].sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
      if (by.some((b) => b.status === "accepted")) continue;
      const names = by.map((b) => `${name(b)} (${b.status})`).join(" and ");
      found.push(
        diagnostic(
          "warning",
          "decision-guidance-lost",
          old.statusAt,
          `${name(old)} is superseded by ${names}, which is not accepted: the prompts of ${governed.join(", ")} cite neither`,
          `Accept ${name(by[0]!)} (with \`workstreams: [${governed.join(", ")}]\`), or keep ${name(old)} accepted until it is.`,
          by.map((b) => ({ ...b.statusAt, message: `${name(b)} is ${b.status}` })),
        ),
      );
    }
    return found;
  },
};
