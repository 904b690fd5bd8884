import { diagnostic, type Diagnostic, type Location } from "../../diagnostics/diagnostic.js";
import type { Rule } from "./rule.js";

interface Keyed {
  key: string;
  at: Location;
}

/** Reports every record whose id is already taken by an earlier one, pointing at both. */
function duplicates(kind: string, items: Keyed[], hint: string): Diagnostic[] {
  const seen = new Map<string, Keyed>();
  const found: Diagnostic[] = [];
  for (const item of items) {
    const first = seen.get(item.key.toLowerCase());
    if (!first) {
      seen.set(item.key.toLowerCase(), item);
      continue;
    }
    found.push(diagnostic("error", "duplicate-id", item.at, `${kind} \`${item.key}\` is defined twice`, hint, [{ ...first.at, message: "first defined here" }]));
  }
  return found;
}

/** Ids (and ADR numbers, wave numbers, session dates) are unique within their collection. */
export const duplicateIds: Rule = {
  name: "duplicate-ids",
  check(plan) {
    const by = <T>(list: T[], key: (t: T) => string, at: (t: T) => Location) => list.map((t) => ({ key: key(t), at: at(t) }));
    const head = (s: { source: { at: Location } }): Location => ({ ...s.source.at, end: s.source.at.start });
    return [
      ...duplicates(
        "agent",
        by(plan.agents, (a) => a.id, head),
        "Give each agent persona its own id.",
      ),
      ...duplicates(
        "workstream",
        by(plan.workstreams, (w) => w.id, head),
        "Give each workstream its own id.",
      ),
      ...duplicates(
        "wave",
        by(plan.waves, (w) => String(w.number), head),
        "Number the waves 1, 2, 3, … once each.",
      ),
      ...duplicates(
        "gate",
        by(plan.gates, (g) => g.id, head),
        "Give each gate its own id.",
      ),
      ...duplicates(
        "risk",
        by(plan.risks, (r) => r.id, head),
        "Give each risk its own id.",
      ),
      ...duplicates(
        "decision",
        by(plan.decisions, (d) => (d.number !== undefined ? String(d.number).padStart(4, "0") : d.id), head),
        "Give each ADR its own number.",
      ),
      ...duplicates(
        "session",
        by(plan.sessions, (s) => `${s.date}-${s.slug}`, head),
        "Give each session log its own date and title.",
      ),
    ];
  },
};
