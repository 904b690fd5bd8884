/** What a workstream's branch and worktree hold: commits and diff stat against its base, changed files, progress.md. */
import type { HandoffBranch } from "../schedule/handoff.js";
import { readProgressText } from "./progress-file.js";
import { listWorktrees } from "./repository.js";
import { git, runGit } from "./run-git.js";

/** A workstream's branch as git has it: the facts a hand-off reports, and its worktree's progress.md. */
export interface BranchState extends HandoffBranch {
  /** The worktree's progress.md, when there is one. */
  progress: string | null;
}

const exists = async (cwd: string, ref: string) => (await runGit(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], { cwd })).code === 0;

/** Reads the branch `branch` against `base` in the repository at `cwd`; `worktreeHint` is where the plan says its worktree is. */
export async function readBranchState(cwd: string, base: string, branch: string, worktreeHint: string): Promise<BranchState> {
  const state: BranchState = { exists: await exists(cwd, branch), baseExists: await exists(cwd, base), commits: [], diffStat: "", changedFiles: [], worktree: null, progress: null, uncommitted: [] };
  if (state.exists && state.baseExists) {
    const range = `${base}...${branch}`;
    const log = await git(["log", "--format=%H%x00%s", `${base}..${branch}`, "--"], { cwd });
    state.commits = log
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => {
        const [id, subject] = l.split("\0");
        return { id: id!, subject: subject ?? "" };
      });
    state.diffStat = (await git(["diff", "--stat", range, "--"], { cwd })).trimEnd();
    state.changedFiles = (await git(["diff", "--name-only", "-z", range, "--"], { cwd })).split("\0").filter((f) => f !== "");
  }
  const worktrees = await listWorktrees(cwd).catch(() => []);
  const checkout = worktrees.find((w) => w.branch === branch)?.path ?? null;
  state.worktree = checkout ?? null;
  const folder = checkout ?? worktreeHint;
  state.progress = await readProgressText(folder);
  if (checkout) {
    const status = await git(["status", "--porcelain", "-z", "--untracked-files=all"], { cwd: checkout }).catch(() => "");
    state.uncommitted = status
      .split("\0")
      .filter((e) => e.length > 3)
      .map((e) => e.slice(3))
      .filter((f) => f !== "progress.md");
  }
  return state;
}
