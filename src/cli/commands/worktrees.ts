import { carryOut, locateAll, worktreeSteps, type WorktreeOutcome } from "../../git/create-worktrees.js";
import { PROMPT_FILE } from "../../git/prompt-file.js";
import { removeWorktrees, type RemoveStep } from "../../git/remove-worktrees.js";
import { plural } from "../../diagnostics/plural.js";
import { shown, type CommandContext } from "../context.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { openPlanRepository } from "../plan-repository.js";

/** What a waiting workstream waits for, in words. */
function waitingFor(step: Extract<WorktreeOutcome, { kind: "waiting" }>): string {
  const parts: string[] = [];
  if (step.waitsFor.length > 0) parts.push(`${step.waitsFor.join(", ")} (not merged yet, or, in its own wave, not done)`);
  if (step.missing.length > 0) parts.push(`${step.missing.join(", ")} (${step.missing.length === 1 ? "does" : "do"} not exist yet)`);
  return parts.join("; ");
}

/** The lines a creation prints: what was done, or in a dry run the commands, and the merges left to the agent. */
function createdLines(context: CommandContext, step: WorktreeOutcome & { kind: "create" }, dryRun: boolean): string[] {
  const files = step.copied?.copied ?? [];
  const lines: string[] = [];
  if (dryRun) {
    lines.push(`# ${step.id}: ${step.branch} from ${step.base}`, ...(step.commands ?? []));
    if (files.length > 0) lines.push(`# then copy ${plural(files.length, "untracked file")} named in .worktreeinclude: ${files.join(", ")}`);
    if (step.prompt) lines.push(`# then write ${PROMPT_FILE} (the ${step.id} prompt)`);
  } else if (step.error) {
    lines.push(`failed   ${step.id}  ${shown(context, step.path)}: ${step.error}`);
  } else {
    const what = [`${step.branch} from ${step.base}`];
    if (files.length > 0) what.push(`copied ${files.join(", ")}`);
    for (const skipped of step.copied?.skipped ?? []) what.push(`left out ${skipped.file}: ${skipped.reason}`);
    what.push(step.prompt ? `${PROMPT_FILE} written` : `no ${PROMPT_FILE} (the prompt cannot be rendered, or the project tracks a file of that name)`);
    if (step.agentFiles && step.agentFiles.length > 0) what.push(`${step.agentFiles.join(" and ")} written`);
    lines.push(`created  ${step.id}  ${shown(context, step.path)}  (${what.join("; ")})`);
  }
  if ((step.merges ?? []).length > 0) {
    lines.push(`${dryRun ? "# " : "  "}before work starts, the agent merges in what ${step.id} needs (the model's merge-ins; not run here):`);
    lines.push(...step.merges!.map((m) => (dryRun ? `#   ${m}` : `    ${m}`)));
  }
  return lines;
}

/** The line of a step that creates nothing. */
function otherLine(context: CommandContext, step: WorktreeOutcome, dryRun: boolean): string {
  const mark = dryRun ? "# " : "";
  switch (step.kind) {
    case "present": {
      const prompt =
        step.promptFile === "updated"
          ? `; ${PROMPT_FILE} updated to the plan's`
          : step.promptFile === "stale"
            ? `; its ${PROMPT_FILE} is out of date${dryRun ? " (--update-prompts would rewrite it)" : " (--update-prompts rewrites it)"}`
            : "";
      return `${mark}present  ${step.id}  ${shown(context, step.path)} on ${step.branch}: left as it is${prompt}`;
    }
    case "waiting":
      return `${mark}waiting  ${step.id}  for ${waitingFor(step)}: run again once that is there`;
    case "merged":
      return `${mark}merged   ${step.id}  no worktree needed`;
    case "conflict":
      return `${mark}conflict ${step.id}  ${step.reason}${step.hint ? `. ${step.hint}` : ""}`;
    case "refused":
      return `${mark}refused  ${step.id}  ${step.reason}`;
    default:
      return "";
  }
}

/** `paraplan worktrees [ID…]`: create each workstream's worktree and branch from the base the execution model gives it. */
export async function worktrees(context: CommandContext, ids: readonly string[], options: { dryRun: boolean; updatePrompts?: boolean }): Promise<ExitCode> {
  const { loaded, repo, selected } = await openPlanRepository(context, ids, { strict: true });
  const steps = await worktreeSteps(repo, loaded.plan.project.worktreePattern, selected);
  const report = await carryOut(repo, steps, {
    dryRun: options.dryRun,
    updatePrompts: options.updatePrompts ?? false,
    prompts: loaded.prompts,
    agentFiles: context.agentFiles?.worktreeFiles === true,
  });
  // Each prompt written into a worktree is a delivery: `amend` compares with the plan as it was then.
  const delivered = report.outcomes.filter((s) => (s.kind === "create" && s.prompt) || (s.kind === "present" && s.promptFile === "updated"));
  if (!options.dryRun && delivered.length > 0) {
    const { recordDelivery } = await import("../../git/record-delivery.js");
    for (const step of delivered) await recordDelivery(context, step.id, loaded.prompts.get(step.id)!);
  }
  const lines: string[] = [];
  if (report.excluded) lines.push(`${options.dryRun ? "# first add" : "excluded"} ${report.excluded}${options.dryRun ? "" : " (the prompt is never committed)"}`);
  for (const step of report.outcomes) lines.push(...(step.kind === "create" ? createdLines(context, step, options.dryRun) : [otherLine(context, step, options.dryRun)]));
  if (lines.length > 0) context.stdout(`${lines.join("\n")}\n`);
  const count = (kind: WorktreeOutcome["kind"]) => report.outcomes.filter((s) => s.kind === kind).length;
  const failed = report.outcomes.filter((s) => s.kind === "create" && s.error).length;
  if (!context.quiet) {
    const made = count("create") - failed;
    const summary = [`${made} ${options.dryRun ? "to create" : "created"}`, `${count("present")} present`, `${count("waiting")} waiting`];
    const problems = count("conflict") + count("refused") + failed;
    if (problems > 0) summary.push(`${plural(problems, "problem")}`);
    context.stderr(`${options.dryRun ? "dry run: nothing changed; " : ""}${summary.join(", ")}\n`);
  }
  return count("conflict") + count("refused") + failed > 0 ? EXIT.invalid : EXIT.ok;
}

/** The line of a removal step. */
function removeLine(context: CommandContext, step: RemoveStep, dryRun: boolean): string[] {
  switch (step.kind) {
    case "remove":
      if (dryRun) return step.commands;
      return [step.error ? `failed   ${step.id}  ${shown(context, step.path)}: ${step.error}` : `removed  ${step.id}  ${shown(context, step.path)} (its branch is kept)`];
    case "absent":
      return [`${dryRun ? "# " : ""}absent   ${step.id}  no worktree to remove`];
    case "refused":
      return [`${dryRun ? "# " : ""}refused  ${step.id}  ${step.reason}${step.hint ? `. ${step.hint}` : ""}`];
  }
}

/** `paraplan worktrees remove [ID…]`: remove the worktrees of merged workstreams (or those named) and prune. */
export async function removeWorktreesCommand(context: CommandContext, ids: readonly string[], options: { force: boolean; dryRun: boolean }): Promise<ExitCode> {
  const { loaded, repo, selected } = await openPlanRepository(context, ids, { strict: false });
  // Without ids, only merged work: its worktree has nothing left to do.
  const chosen = ids.length > 0 ? selected : selected.filter((w) => w.status === "merged");
  const targets = await locateAll({ mainTop: repo.mainTop, commonDir: repo.commonDir, pattern: loaded.plan.project.worktreePattern }, chosen);
  const { steps, prune } = await removeWorktrees(repo, targets, { force: options.force, dryRun: options.dryRun, baseBranch: loaded.schedule.execution.baseBranch });
  const lines = steps.flatMap((s) => removeLine(context, s, options.dryRun));
  lines.push(options.dryRun ? prune : `pruned   (${prune})`);
  context.stdout(`${lines.join("\n")}\n`);
  if (chosen.length === 0 && !context.quiet) context.stderr("no merged workstream: nothing to remove (name workstreams to remove theirs)\n");
  const problems = steps.filter((s) => s.kind === "refused" || (s.kind === "remove" && s.error)).length;
  return problems > 0 ? EXIT.invalid : EXIT.ok;
}
