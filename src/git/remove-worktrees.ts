/**
 * `paraplan worktrees remove`: removes the worktrees of merged workstreams (or those named), never one with work that
 * would be lost (uncommitted files, commits its merge target lacks) unless forced, then prunes git's records of
 * worktrees whose folders are gone. Branches are kept: a branch is history, and `git branch -d` is one command away.
 */
import type { WorkstreamExecution } from "../schedule/types.js";
import { countStatusEntries, firstExisting } from "./branch-status.js";
import { shownCommand } from "./create-worktrees.js";
import { isAncestor, listWorktrees, type Repository, type Worktree } from "./repository.js";
import { runGit } from "./run-git.js";
import type { WorktreeTarget } from "./worktree-plan.js";
import { plural } from "../diagnostics/plural.js";

/** One workstream's removal: done (or to do), nothing to do, or refused with the reason. */
export type RemoveStep =
  { kind: "remove"; id: string; path: string; force: boolean; commands: string[]; error?: string } | { kind: "absent"; id: string } | { kind: "refused"; id: string; reason: string; hint?: string };

/** What is known of a worktree before removing it. */
export interface RemoveFacts {
  worktree: Worktree | undefined;
  /** Entries of `git status --porcelain` in it (null when it could not be read). */
  uncommitted: number | null;
  /** The ref its branch is merged into, when it is; the refs looked at, when it is not. */
  mergedInto: string | null;
  targets: string[];
}

/** The git arguments (run in the main checkout) that remove a worktree. */
export function removeArgs(path: string, force: boolean): string[] {
  return ["worktree", "remove", ...(force ? ["--force"] : []), "--", path];
}

/** Decides one removal from the facts: pure, so every refusal can be tested on its own. */
export function decideRemoval(mainTop: string, ws: Pick<WorkstreamExecution, "id" | "branch">, location: WorktreeTarget["location"], facts: RemoveFacts, force: boolean): RemoveStep {
  const { id } = ws;
  if ("refused" in location) return { kind: "refused", id, reason: location.refused };
  const tree = facts.worktree;
  if (!tree) return { kind: "absent", id };
  if (tree.branch !== ws.branch)
    return {
      kind: "refused",
      id,
      reason: `the worktree at ${location.path} is on ${tree.branch ?? "a detached HEAD"}, not ${ws.branch}: it is not this workstream's`,
      hint: "Remove it with git worktree remove if it is no longer needed.",
    };
  if (tree.locked) return { kind: "refused", id, reason: `the worktree at ${location.path} is locked`, hint: "Unlock it (git worktree unlock) first." };
  if (!force) {
    if (facts.uncommitted === null || facts.uncommitted > 0) {
      const what = facts.uncommitted === null ? "its state cannot be read" : `it has ${plural(facts.uncommitted, "uncommitted file")}`;
      return { kind: "refused", id, reason: `${what} (${location.path})`, hint: "Commit or discard them, or pass --force to lose them." };
    }
    if (facts.mergedInto === null) {
      const into = facts.targets.length > 0 ? facts.targets.join(" or ") : "any merge target (none exists)";
      return { kind: "refused", id, reason: `${ws.branch} has commits not merged into ${into}`, hint: "Merge it first, or pass --force (the branch is kept either way)." };
    }
  }
  return { kind: "remove", id, path: location.path, force, commands: [shownCommand(mainTop, removeArgs(location.path, force))] };
}

/** Reads what a removal decision needs: the worktree, its uncommitted files, and whether its branch is merged. */
export async function removeFacts(repo: Repository, ws: WorkstreamExecution, path: string | undefined, worktrees: readonly Worktree[], baseBranch: string): Promise<RemoveFacts> {
  const worktree = path === undefined ? undefined : worktrees.find((w) => w.path === path);
  if (!worktree) return { worktree, uncommitted: null, mergedInto: null, targets: [] };
  const status = await runGit(["status", "--porcelain=v1", "-z", "--untracked-files=all"], { cwd: worktree.path });
  const targets: string[] = [];
  for (const ref of [ws.into, baseBranch]) {
    const existing = ref ? await firstExisting(repo.mainTop, [ref]) : null;
    if (existing && !targets.includes(existing)) targets.push(existing);
  }
  let mergedInto: string | null = null;
  for (const target of targets) {
    if (await isAncestor(repo.mainTop, `refs/heads/${ws.branch}`, target)) {
      mergedInto = target;
      break;
    }
  }
  return { worktree, uncommitted: status.code === 0 ? countStatusEntries(status.stdout) : null, mergedInto, targets };
}

/** Decides every removal, runs them unless `dryRun`, then prunes; returns the steps and the prune command. */
export async function removeWorktrees(
  repo: Repository,
  targets: readonly WorktreeTarget[],
  options: { force: boolean; dryRun: boolean; baseBranch: string },
): Promise<{ steps: RemoveStep[]; prune: string }> {
  const worktrees = await listWorktrees(repo.mainTop);
  const steps: RemoveStep[] = [];
  for (const { execution, location } of targets) {
    const facts = await removeFacts(repo, execution, "path" in location ? location.path : undefined, worktrees, options.baseBranch);
    steps.push(decideRemoval(repo.mainTop, execution, location, facts, options.force));
  }
  const prune = ["worktree", "prune"];
  if (!options.dryRun) {
    for (const step of steps) {
      if (step.kind !== "remove") continue;
      const result = await runGit(removeArgs(step.path, step.force), { cwd: repo.mainTop });
      if (result.code !== 0) step.error = result.stderr.trim() || `git exited with ${result.code}`;
    }
    await runGit(prune, { cwd: repo.mainTop });
  }
  return { steps, prune: shownCommand(repo.mainTop, prune) };
}
