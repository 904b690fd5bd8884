/**
 * What git says about one workstream's branch and worktree: whether they exist, commits ahead of its base and behind
 * its merge target, uncommitted files, the last commit, its `progress.md` and the prompt in it. Read only: nothing is
 * fetched, nothing is written (`git status` may refresh the index's stat cache, as it always does).
 */
import { branchExists, resolveCommit, type Worktree } from "./repository.js";
import { readProgress, type ProgressLines } from "./progress-file.js";
import { readPrompt } from "./prompt-file.js";
import { git, runGit } from "./run-git.js";

/** One workstream's branch and worktree as git has them. */
export interface BranchFacts {
  branchExists: boolean;
  /** The worktree at the workstream's path, when git knows one there. */
  worktree: { present: boolean; branch: string | null };
  /** The ref its work is counted from (its base), and its commits not in it; null when either is missing. */
  base: string;
  ahead: number | null;
  /** The ref it merges into (its wave's integration branch, else what that is made from), and the commits there it lacks. */
  target: string | null;
  behind: number | null;
  /** Entries of `git status --porcelain` in its worktree (changed, staged or untracked); null without a worktree. */
  uncommitted: number | null;
  /** The branch's last commit: committer time (ISO 8601) and subject. */
  lastCommit: { time: string; subject: string } | null;
  /** Its worktree's `progress.md` lines; null without one. */
  progress: ProgressLines | null;
  /** The prompt file in its worktree; undefined without one. */
  prompt: string | undefined;
}

/** Counts the entries of `git status --porcelain=v1 -z`: a rename or copy carries its old path as a second field. */
export function countStatusEntries(out: string): number {
  const fields = out.split("\0");
  let count = 0;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (field.length < 3) continue;
    count++;
    if (field[0] === "R" || field[0] === "C" || field[1] === "R" || field[1] === "C") i++;
  }
  return count;
}

/** The `left right` counts of `git rev-list --left-right --count left...right`, or undefined when a ref is missing. */
async function leftRight(cwd: string, left: string, right: string): Promise<[number, number] | undefined> {
  const result = await runGit(["rev-list", "--left-right", "--count", "--end-of-options", `${left}...${right}`], { cwd });
  if (result.code !== 0) return undefined;
  const [l, r] = result.stdout.trim().split(/\s+/).map(Number);
  return l === undefined || r === undefined || Number.isNaN(l) || Number.isNaN(r) ? undefined : [l, r];
}

/** The first of `refs` that names a commit. */
export async function firstExisting(cwd: string, refs: readonly (string | null | undefined)[]): Promise<string | null> {
  for (const ref of refs) if (ref && !ref.startsWith("-") && (await resolveCommit(cwd, ref))) return ref;
  return null;
}

/**
 * Reads a workstream's facts. `path` is its worktree (undefined when the plan's path is refused), `targets` the refs
 * it merges into, the first that exists counting.
 */
export async function branchFacts(
  mainTop: string,
  ws: { branch: string; base: string; targets: readonly (string | null)[] },
  path: string | undefined,
  worktrees: readonly Worktree[],
): Promise<BranchFacts> {
  const cwd = mainTop;
  const ref = `refs/heads/${ws.branch}`;
  const exists = !ws.branch.startsWith("-") && (await branchExists(cwd, ws.branch));
  const tree = path === undefined ? undefined : worktrees.find((w) => w.path === path);
  const [baseCounts, target, last, status, progress, prompt] = await Promise.all([
    exists ? leftRight(cwd, ws.base, ref) : undefined,
    firstExisting(cwd, ws.targets),
    exists ? git(["log", "-1", "--format=%cI%x00%s", ref, "--"], { cwd }).catch(() => "") : "",
    tree && !tree.prunable ? runGit(["status", "--porcelain=v1", "-z", "--untracked-files=all"], { cwd: tree.path }) : undefined,
    tree ? readProgress(tree.path) : null,
    tree ? readPrompt(tree.path) : undefined,
  ]);
  const targetCounts = exists && target ? await leftRight(cwd, target, ref) : undefined;
  const [time, subject] = last.replace(/\n$/, "").split("\0");
  return {
    branchExists: exists,
    worktree: { present: tree !== undefined && !tree.prunable, branch: tree?.branch ?? null },
    base: ws.base,
    ahead: baseCounts ? baseCounts[1] : null,
    target,
    behind: targetCounts ? targetCounts[0] : null,
    uncommitted: status && status.code === 0 ? countStatusEntries(status.stdout) : null,
    lastCommit: time && subject !== undefined ? { time, subject } : null,
    progress,
    prompt,
  };
}
