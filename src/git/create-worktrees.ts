/**
 * `paraplan worktrees`: looks at what git has, decides each workstream's step (worktree-plan.ts), and carries out the
 * creations: the worktree and its branch, the untracked files `.worktreeinclude` names, and the prompt. A dry run
 * decides the same way and carries out nothing.
 */
import { lstat } from "node:fs/promises";
import { isWithin } from "../io/inside-folder.js";
import { quote } from "../render/views/shell-command.js";
import type { WorkstreamExecution } from "../schedule/types.js";
import { excludeFile, excludePrompt, promptExcluded, PROMPT_EXCLUDE, readPrompt, writePrompt, excludeAgentFiles, writeAgentFiles } from "./prompt-file.js";
import { branchExists, isBranchName, listWorktrees, resolveCommit, type Repository } from "./repository.js";
import { realLocation } from "./real-location.js";
import { runGit } from "./run-git.js";
import { copyIncluded, includedFiles, type IncludeCopy } from "./worktree-include.js";
import { locateWorktree, mergeInArgs, planWorktrees, worktreeAddArgs, worktreeFolder, type WorktreeFacts, type WorktreeStep, type WorktreeTarget, type WorktreeWhere } from "./worktree-plan.js";

/** A step and what carrying it out did. */
export type WorktreeOutcome = WorktreeStep & {
  /** For a creation: the commands run (or, in a dry run, that would be), as a shell would read them. */
  commands?: string[];
  /** For a creation: the merges the agent runs in the worktree before work starts, as commands. */
  merges?: string[];
  /** For a creation: the untracked files copied (or that would be). */
  copied?: IncludeCopy;
  /** For a creation: whether the prompt was written (or would be). */
  prompt?: boolean;
  /** For a creation that failed: what git said. */
  error?: string;
  /** For a worktree already there: its prompt differs from the plan's (`stale`), and was rewritten (`updated`). */
  promptFile?: "current" | "stale" | "updated";
  /** The agent files written beside the prompt (`AGENTS.md`, `CLAUDE.md`), when the project opts in. */
  agentFiles?: string[];
};

/** What a run of `worktrees` did (or would do): each workstream's outcome and the lines for the exclude file. */
export interface WorktreesReport {
  outcomes: WorktreeOutcome[];
  /** The exclude line added to `info/exclude` (or that would be), when one was missing. */
  excluded?: string;
}

/** A command as a person would type it in a shell: every value one quoted word. */
export function shownCommand(cwd: string, args: readonly string[]): string {
  return quote(["git", "-C", cwd, ...args]);
}

/** Each workstream's location, refused also when a symbolic link on the way leads out of the pattern's folder. */
export async function locateAll(where: WorktreeWhere, executions: readonly WorkstreamExecution[]): Promise<WorktreeTarget[]> {
  const folder = await realLocation(worktreeFolder(where));
  return Promise.all(
    executions.map(async (execution) => {
      const location = locateWorktree(where, execution.worktree);
      if ("path" in location && !isWithin(folder, await realLocation(location.path))) {
        return { execution, location: { refused: `its worktree ${location.path} leads out of ${folder} through a symbolic link` } };
      }
      return { execution, location };
    }),
  );
}

/** What git and the disk hold for these targets. */
export async function gatherFacts(repo: Repository, targets: readonly WorktreeTarget[]): Promise<WorktreeFacts> {
  const cwd = repo.mainTop;
  const branchNames = [...new Set(targets.map((t) => t.execution.branch))];
  const refNames = [...new Set(targets.flatMap((t) => [t.execution.base, ...t.execution.mergeIn].map((s) => s.ref)))];
  const paths = targets.flatMap((t) => ("path" in t.location ? [t.location.path] : []));
  const [worktrees, valid, refs, occupied] = await Promise.all([
    listWorktrees(cwd),
    Promise.all(branchNames.map(async (b) => ({ b, ok: await isBranchName(cwd, b) }))),
    Promise.all(refNames.map(async (r) => ({ r, ok: !r.startsWith("-") && (await resolveCommit(cwd, r)) !== undefined }))),
    Promise.all(paths.map(async (p) => ({ p, ok: (await lstat(p).catch(() => undefined)) !== undefined }))),
  ]);
  const good = valid.filter((v) => v.ok).map((v) => v.b);
  const exists = await Promise.all(good.map(async (b) => ({ b, ok: await branchExists(cwd, b) })));
  return {
    worktrees,
    branches: new Set(exists.filter((e) => e.ok).map((e) => e.b)),
    refs: new Set(refs.filter((r) => r.ok).map((r) => r.r)),
    badBranches: new Set(valid.filter((v) => !v.ok).map((v) => v.b)),
    occupied: new Set(occupied.filter((o) => o.ok).map((o) => o.p)),
  };
}

/** The steps `worktrees` takes for these workstreams, decided from what git has now. */
export async function worktreeSteps(repo: Repository, pattern: string, executions: readonly WorkstreamExecution[]): Promise<WorktreeStep[]> {
  const targets = await locateAll({ mainTop: repo.mainTop, commonDir: repo.commonDir, pattern }, executions);
  return planWorktrees(targets, await gatherFacts(repo, targets));
}

/**
 * Whether the prompt of a worktree already there is the plan's; with `updatePrompts` (and not `dryRun`) a prompt that
 * differs, or is missing, is written anew. The worktree is otherwise left as it is.
 */
async function refreshPrompt(
  step: Extract<WorktreeStep, { kind: "present" }>,
  options: { dryRun: boolean; updatePrompts?: boolean; prompts: ReadonlyMap<string, string>; agentFiles?: boolean },
): Promise<"current" | "stale" | "updated"> {
  const rendered = options.prompts.get(step.id);
  const previous = await readPrompt(step.path);
  if (rendered === undefined || previous === rendered) return "current";
  if (!options.updatePrompts || options.dryRun) return "stale";
  if (!(await writePrompt(step.path, rendered))) return "stale";
  // The agent files follow the prompt: an AGENTS.md that was the old prompt becomes the new one.
  if (options.agentFiles) await writeAgentFiles(step.path, rendered, previous);
  return "updated";
}

/**
 * Carries out the steps: for each creation, `git worktree add -b`, then the `.worktreeinclude` copies and the prompt.
 * The merges the execution model asks for are not run: a merge can stop on a conflict, which is for the agent in the
 * worktree to resolve, not for a command that set up ten worktrees; they are returned as commands to run there.
 * With `dryRun` nothing is run, copied or written: the same commands are returned. With `updatePrompts`, the prompt of
 * a worktree already there is rewritten when the plan's differs.
 */
export async function carryOut(
  repo: Repository,
  steps: readonly WorktreeStep[],
  options: { dryRun: boolean; updatePrompts?: boolean; prompts: ReadonlyMap<string, string>; agentFiles?: boolean },
): Promise<WorktreesReport> {
  const creates = steps.filter((s) => s.kind === "create");
  const report: WorktreesReport = { outcomes: [] };
  if (creates.length > 0 && !(await promptExcluded(repo.commonDir))) {
    if (!options.dryRun) await excludePrompt(repo.commonDir);
    report.excluded = `${PROMPT_EXCLUDE} in ${excludeFile(repo.commonDir)}`;
  }
  if (creates.length > 0 && options.agentFiles && !options.dryRun) await excludeAgentFiles(repo.commonDir);
  const included = creates.length > 0 ? await includedFiles(repo.mainTop) : [];
  for (const step of steps) {
    if (step.kind === "present") {
      report.outcomes.push({ ...step, promptFile: await refreshPrompt(step, options) });
      continue;
    }
    if (step.kind !== "create") {
      report.outcomes.push(step);
      continue;
    }
    const args = worktreeAddArgs(step);
    const outcome: WorktreeOutcome = {
      ...step,
      commands: [shownCommand(repo.mainTop, args)],
      merges: step.mergeIn.map((ref) => shownCommand(step.path, mergeInArgs(ref))),
      prompt: options.prompts.has(step.id),
    };
    report.outcomes.push(outcome);
    if (options.dryRun) {
      outcome.copied = await copyIncluded(repo.mainTop, step.path, included, { dryRun: true });
      continue;
    }
    const result = await runGit(args, { cwd: repo.mainTop });
    if (result.code !== 0) {
      outcome.error = result.stderr.trim() || result.stdout.trim() || `git exited with ${result.code}`;
      outcome.prompt = false;
      continue;
    }
    outcome.copied = await copyIncluded(repo.mainTop, step.path, included);
    const text = options.prompts.get(step.id);
    outcome.prompt = text !== undefined && (await writePrompt(step.path, text));
    if (outcome.prompt && options.agentFiles) outcome.agentFiles = await writeAgentFiles(step.path, text!);
  }
  return report;
}
