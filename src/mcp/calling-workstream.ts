import type { Plan, Workstream } from "../model/types.js";
import { suggest } from "../parse/suggest.js";
import { ToolFailure } from "./tool-failure.js";

/**
 * The workstream a tool call is about: the one named by `id` when given, else the one whose branch is checked out
 * where the server runs. A miss says what exists, so the agent can ask again.
 */
export function callingWorkstream(plan: Plan, branch: string | undefined, id?: string): Workstream {
  if (id !== undefined && id.trim() !== "") {
    const wanted = id.trim();
    const found = plan.workstreams.find((w) => w.id === wanted) ?? plan.workstreams.find((w) => w.id.toLowerCase() === wanted.toLowerCase());
    if (found) return found;
    const ids = plan.workstreams.map((w) => w.id);
    const guess = suggest(wanted, ids);
    throw new ToolFailure(`no workstream \`${wanted}\`; the plan has: ${ids.join(", ") || "none"}${guess ? `. Did you mean \`${guess}\`?` : ""}`);
  }
  const found = branch === undefined ? undefined : plan.workstreams.find((w) => w.branch === branch);
  if (found) return found;
  const branches = plan.workstreams.map((w) => `${w.id} \`${w.branch}\``).join(", ") || "none";
  const where = branch === undefined ? "the server runs outside a branch (no git repository, or a detached HEAD)" : `the branch checked out here, \`${branch}\`, is no workstream's branch`;
  throw new ToolFailure(`${where}; pass the workstream's id. The workstreams' branches: ${branches}`);
}
