import { build } from "../io/build.js";
import { promptPath } from "../model/output-paths.js";
import { withoutHeader } from "../render/generated-header.js";
import type { CommandContext } from "./context.js";

/**
 * The plan, its schedule and each workstream's prompt as the plan renders it now (what `paraplan prompt` prints and
 * what goes into a worktree's PROMPT.md), by id. A workstream whose prompt cannot be rendered (its records have
 * errors) has none. The one place the worktree commands render prompts: one in-memory build of the prompts, since
 * `renderPrompt(source, id)` would load the plan once per workstream, and status needs them all (and the schedule).
 */
export async function planWithPrompts(context: CommandContext) {
  const result = await build(context, { mode: "memory", only: (file) => file.startsWith("prompts/"), aroundErrors: true });
  const byPath = new Map(result.files.map((f) => [f.path, f.content]));
  const prompts = new Map<string, string>();
  for (const ws of result.plan.workstreams) {
    const content = byPath.get(promptPath(ws));
    if (content !== undefined) prompts.set(ws.id, withoutHeader(content));
  }
  return { plan: result.plan, schedule: result.schedule, diagnostics: result.diagnostics, prompts };
}
