import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Plan } from "../types.js";
import type { Rule } from "./rule.js";

/**
 * Every workstream names its agent. Without one its prompt cannot open with a persona and the
 * agent-load table leaves it out, so the gap is an error rather than a silent default. The
 * message follows `unknown-agent`'s grammar ("…, expected one of: …").
 */
export const missingAgent: Rule = {
  name: "missing-agent",
  check(plan: Plan): Diagnostic[] {
    const known = [...new Set(plan.agents.map((a) => a.id))].sort();
    const listed = known.length === 0 ? "and the plan has no agents" : `expected one of: ${known.slice(0, 12).join(", ")}${known.length > 12 ? ", …" : ""}`;
    const hint =
      known.length === 0
        ? "Create an agent persona in `plan/agents/<id>.md` and name it with `agent: <id>` in the workstream's front matter."
        : known.length === 1
          ? `Add \`agent: ${known[0]}\` to the workstream's front matter.`
          : `Add \`agent: <id>\` to the workstream's front matter, naming one of: ${known.join(", ")}.`;
    return (
      plan.workstreams
        // Front matter that could not be read may hold the agent: its YAML error is the one error of that cause.
        .filter((ws) => ws.agent === undefined && !ws.frontMatterUnread)
        .map((ws) => diagnostic("error", "missing-agent", ws.source.at, `workstream \`${ws.id}\` has no agent, ${listed}`, hint))
    );
  },
};
