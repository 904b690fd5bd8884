/**
 * What git says about one workstream's branch and worktree: whether they exist, commits ahead of its base and behind
 * its merge target, uncommitted files, the last commit, its `progress.md` and the prompt in it. Read only: nothing is
 * fetched, nothing is written (`git status` may refresh the index's stat cache, as it always does).
 */
import { resolveCommit, type Worktree } from "./repository.js";
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

/** Every local branch with its last commit, read once for the whole plan (one `for-each-ref`, not three commands a row). */
export type BranchIndex = ReadonlyMap<string, { time: string; subject: string }>;

/** Reads the branch index: name, committer time (ISO 8601) and subject of each local branch's last commit. */
export async function readBranchIndex(cwd: string): Promise<BranchIndex> {
  // Each record ends with NUL and git's newline: a subject of several lines (a first paragraph) stays one record.
  const out = await git(["for-each-ref", "--format=%(refname:lstrip=2)%00%(committerdate:iso-strict)%00%(contents:subject)%00", "refs/heads/"], { cwd });
  const index = new Map<string, { time: string; subject: string }>();
  for (const record of out.split("\0\n")) {
    const [name, time, subject] = record.split("\0");
    // As `git log --format=%s` shows it: the first paragraph on one line.
    if (name && time !== undefined) index.set(name, { time, subject: (subject ?? "").replace(/\s*\n\s*/g, " ") });
  }
  return index;
}

/** The first of `refs` that names a commit: a branch of the index, else any ref git resolves (a tag, a commit id). */
export async function firstExisting(cwd: string, refs: readonly (string | null | undefined)[], branches?: BranchIndex): Promise<string | null> {
  for (const ref of refs) {
    if (!ref || ref.startsWith("-")) continue;
    if (branches?.has(ref) || (await resolveCommit(cwd, ref))) return ref;
  }
  return null;
}

/**
 * Reads a workstream's facts. `path` is its worktree (undefined when the plan's path is refused), `target` the ref it
 * merges into (null when none exists yet). When the base is the merge target (before a wave's integration branch
 * exists, both are often the base branch), one count gives both figures.
 */
export async function branchFacts(
  mainTop: string,
  ws: { branch: string; base: string; target: string | null },
  path: string | undefined,
  worktrees: readonly Worktree[],
  branches: BranchIndex,
): Promise<BranchFacts> {
  const cwd = mainTop;
  const ref = `refs/heads/${ws.branch}`;
  const last = ws.branch.startsWith("-") ? undefined : branches.get(ws.branch);
  const exists = last !== undefined;
  const tree = path === undefined ? undefined : worktrees.find((w) => w.path === path);
  const target = ws.target;
  const [baseCounts, status, progress, prompt] = await Promise.all([
    exists ? leftRight(cwd, ws.base, ref) : undefined,
    tree && !tree.prunable ? runGit(["status", "--porcelain=v1", "-z", "--untracked-files=all"], { cwd: tree.path }) : undefined,
    tree ? readProgress(tree.path) : null,
    tree ? readPrompt(tree.path) : undefined,
  ]);
  const targetCounts = !exists || !target ? undefined : target === ws.base ? baseCounts : await leftRight(cwd, target, ref);
  return {
    branchExists: exists,
    worktree: { present: tree !== undefined && !tree.prunable, branch: tree?.branch ?? null },
    base: ws.base,
    ahead: baseCounts ? baseCounts[1] : null,
    target,
    behind: targetCounts ? targetCounts[0] : null,
    uncommitted: status && status.code === 0 ? countStatusEntries(status.stdout) : null,
    lastCommit: last ?? null,
    progress,
    prompt,
  };
}
