import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { decisionIndex } from "../decision-ref.js";
import type { Decision, Plan } from "../types.js";
import type { Rule } from "./rule.js";

/** `ADR-0003` for a numbered ADR, its file name for one without a number. */
function name(d: Decision): string {
  return d.number !== undefined ? `ADR-${String(d.number).padStart(4, "0")}` : `ADR ${d.id}`;
}

/**
 * Supersession is stated on both sides: when B supersedes A, A says it is superseded by B and B says it supersedes A.
 * An ADR that something supersedes no longer says `accepted`.
 */
export const decisionSupersession: Rule = {
  name: "decision-supersession",
  check(plan: Plan) {
    const index = decisionIndex(plan.decisions);
    const found: Diagnostic[] = [];
    const superseded = new Map<Decision, Set<Decision>>();
    const mark = (old: Decision, by: Decision) => superseded.set(old, (superseded.get(old) ?? new Set()).add(by));
    for (const d of plan.decisions) {
      for (const ref of d.supersedes) {
        const old = index.find(ref.id);
        if (!old || old === d) continue;
        mark(old, d);
        const back = old.supersededBy && index.find(old.supersededBy.id);
        if (back !== d && !old.links.some((l) => l.relation === "superseded-by" && index.find(l.target.id) === d)) {
          found.push(
            diagnostic(
              "warning",
              "decision-supersession-one-way",
              old.statusAt,
              `${name(d)} supersedes ${name(old)}, but ${name(old)} does not say it is superseded by ${name(d)}`,
              `Write \`Superseded by ${name(d)}\` in the status of ${name(old)}.`,
              [{ ...ref.at, message: `${name(d)} supersedes it here` }],
            ),
          );
        }
      }
      for (const link of d.links.filter((l) => l.relation === "superseded-by")) {
        const by = index.find(link.target.id);
        if (!by || by === d) continue;
        mark(d, by);
        if (!by.supersedes.some((r) => index.find(r.id) === d)) {
          found.push(
            diagnostic(
              "warning",
              "decision-supersession-one-way",
              by.statusAt,
              `${name(d)} says it is superseded by ${name(by)}, but ${name(by)} does not say it supersedes ${name(d)}`,
              `Write \`Supersedes ${name(d)}\` in ${name(by)} (front matter \`supersedes\`, its status, or its links).`,
              [{ ...link.target.at, message: `${name(d)} names it here` }],
            ),
          );
        }
      }
    }
    for (const [old, set] of superseded) {
      if (old.status !== "accepted") continue;
      const by = [...set];
      const names = [...new Set(by.map(name))].join(" and ");
      found.push(
        diagnostic(
          "warning",
          "decision-superseded-accepted",
          old.statusAt,
          `${name(old)} is superseded by ${names} but its status still says accepted`,
          `Change its status to \`Superseded by ${name(by[0]!)}\`.`,
          [...by.map((b) => ({ ...b.source.at, end: b.source.at.start, message: `${name(b)} supersedes it` }))],
        ),
      );
    }
    return found;
  },
};
