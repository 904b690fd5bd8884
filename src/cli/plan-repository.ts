import path from "node:path";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { findRepository, type Repository } from "../git/repository.js";
import { findById, unknownId } from "../model/find-by-id.js";
import type { WorkstreamExecution } from "../schedule/types.js";
import { shown, type CommandContext } from "./context.js";
import { CliError, EXIT } from "./exit-codes.js";
import { planWithPrompts } from "./plan-prompts.js";
import { loadProject } from "../io/build.js";
import { printDiagnostics } from "./shown-diagnostics.js";

/** The plan with its prompts, the git repository it runs in, and the workstreams a git command is asked about. */
export interface PlanRepository {
  loaded: Awaited<ReturnType<typeof planWithPrompts>>;
  repo: Repository;
  /** The workstreams named (every one when none is), in the execution model's order. */
  selected: WorkstreamExecution[];
}

/**
 * Loads the plan and finds its repository (the project's `repository`, resolved from the project root, and that
 * repository's main checkout). With `strict`, a plan with errors stops here: worktrees are not made from a broken plan;
 * `quiet` leaves its diagnostics unprinted (a watch prints them once); `prompts: false` renders none.
 */
export async function openPlanRepository(context: CommandContext, ids: readonly string[], options: { strict: boolean; quiet?: boolean; prompts?: boolean }): Promise<PlanRepository> {
  // Commands that read no prompt (audit, forecast) skip rendering them.
  const loaded = options.prompts === false ? { ...(await loadProject(context)), prompts: new Map<string, string>() } : await planWithPrompts(context);
  if (hasErrors(loaded.diagnostics)) {
    if (!options.quiet) context.stderr(printDiagnostics(context, loaded.diagnostics));
    if (options.strict) throw new CliError("the plan has errors (above): fix them first", EXIT.invalid, "Run `paraplan validate` to see them again.");
  }
  const folder = path.resolve(context.root, loaded.plan.project.repository);
  const repo = await findRepository(folder);
  if (!repo)
    throw new CliError(
      `${shown(context, folder)} is in no git repository (the project's \`repository\`)`,
      EXIT.usage,
      "Run paraplan inside the repository the plan is for, or set `repository` in project.md.",
    );
  const all = loaded.schedule.execution.workstreams;
  const selected: WorkstreamExecution[] = [];
  for (const id of ids) {
    const found = findById(all, id);
    if (!found) {
      const unknown = unknownId(
        "workstream",
        id,
        all.map((w) => w.id),
      );
      throw new CliError(unknown.message, EXIT.usage, unknown.hint);
    }
    if (!selected.includes(found)) selected.push(found);
  }
  return { loaded, repo, selected: ids.length > 0 ? all.filter((w) => selected.includes(w)) : [...all] };
}
