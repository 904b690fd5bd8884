import path from "node:path";
import type { CommandContext } from "./context.js";

/** The cache folder beside the plan: safe to delete, and to ignore in git. */
export function cacheDirOf(context: Pick<CommandContext, "planDir">): string {
  return path.join(path.dirname(context.planDir), ".paraplan-cache");
}
