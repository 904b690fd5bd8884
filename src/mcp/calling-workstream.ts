import type { Plan, Workstream } from "../model/types.js";
import { findById, unknownId } from "../model/find-by-id.js";
import { ToolFailure } from "./tool-failure.js";

/**
 * The workstream a tool call is about: the one named by `id` when given, else the one whose branch is checked out
 * where the server runs. A miss says what exists, so the agent can ask again.
 */
export function callingWorkstream(plan: Plan, branch: string | undefined, id?: string): Workstream {
  if (id !== undefined && id.trim() !== "") {
    const wanted = id.trim();
    const found = findById(plan.workstreams, wanted);
    if (found) return found;
    const unknown = unknownId(
      "workstream",
      wanted,
      plan.workstreams.map((w) => w.id),
    );
    throw new ToolFailure(`${unknown.message}${unknown.hint ? `. ${unknown.hint}` : ""}`);
  }
  const found = branch === undefined ? undefined : plan.workstreams.find((w) => w.branch === branch);
  if (found) return found;
  const branches = plan.workstreams.map((w) => `${w.id} \`${w.branch}\``).join(", ") || "none";
  const where = branch === undefined ? "the server runs outside a branch (no git repository, or a detached HEAD)" : `the branch checked out here, \`${branch}\`, is no workstream's branch`;
  throw new ToolFailure(`${where}; pass the workstream's id. The workstreams' branches: ${branches}`);
}
