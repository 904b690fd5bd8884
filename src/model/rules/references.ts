import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { suggest } from "../../parse/suggest.js";
import type { Plan, Ref } from "../types.js";
import type { Rule } from "./rule.js";

/** Checks that each reference names a record that exists, suggesting the nearest id. */
function check(kind: string, refs: Ref[], ids: readonly string[], normalize: (id: string) => string = (id) => id): Diagnostic[] {
  // A duplicated id (reported elsewhere) is listed once.
  const known = [...new Set(ids)];
  const set = new Set(known.map(normalize));
  return refs
    .filter((r) => !set.has(normalize(r.id)))
    .map((r) => {
      const guess = suggest(r.id, known);
      const listed = known.length === 0 ? `there are no ${kind}s` : `expected one of: ${known.slice(0, 12).join(", ")}${known.length > 12 ? ", …" : ""}`;
      return diagnostic("error", `unknown-${kind}`, r.at, `unknown ${kind} \`${r.id}\`, ${listed}`, guess ? `Did you mean \`${guess}\`?` : `Create the ${kind} or fix the reference.`);
    });
}

/** Every reference resolves: agents, dependencies, waves, gates and session risks (links to ADRs: `decision-links.ts`). */
export const references: Rule = {
  name: "references",
  check(plan: Plan) {
    const workstreamIds = plan.workstreams.map((w) => w.id);
    const waveNumbers = plan.waves.map((w) => String(w.number));
    const ws = plan.workstreams;
    return [
      ...check(
        "agent",
        ws.flatMap((w) => (w.agent ? [w.agent] : [])),
        plan.agents.map((a) => a.id),
      ),
      ...check(
        "workstream",
        [
          ...ws.flatMap((w) => [...w.dependsOn, ...w.softDependsOn]),
          ...plan.waves.flatMap((w) => w.workstreams),
          ...plan.risks.flatMap((r) => r.workstreams),
          ...plan.decisions.flatMap((d) => d.workstreams),
        ],
        workstreamIds,
      ),
      ...check(
        "wave",
        ws.flatMap((w) => (w.wave !== undefined ? [{ id: String(w.wave), at: w.source.at }] : [])),
        waveNumbers,
      ),
      ...check(
        "gate",
        plan.waves.flatMap((w) => w.gates),
        plan.gates.map((g) => g.id),
      ),
      ...check(
        "risk",
        plan.sessions.flatMap((s) => s.risks),
        plan.risks.map((r) => r.id),
      ),
    ];
  },
};
