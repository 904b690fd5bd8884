import path from "node:path";
import { git, runGit } from "./run-git.js";

/** Where a git repository is, seen from a folder inside it (the main checkout or any of its worktrees). */
export interface Repository {
  /** The top of the checkout the folder is in: a linked worktree's own folder when run inside one. */
  top: string;
  /** The repository's common git folder (`.git` of the main checkout), shared by every worktree. */
  commonDir: string;
  /** The main checkout's folder: the one that holds the up-to-date `plan/`, whichever worktree asks. */
  mainTop: string;
}

/** The repository that holds `cwd`, or undefined when `cwd` is in none (or git is missing). */
export async function findRepository(cwd: string): Promise<Repository | undefined> {
  const result = await runGit(["rev-parse", "--path-format=absolute", "--show-toplevel", "--git-common-dir"], { cwd }).catch(() => undefined);
  if (!result || result.code !== 0) return undefined;
  const [top, commonDir] = result.stdout.split("\n");
  if (!top || !commonDir) return undefined;
  // A bare common folder has no checkout above it; otherwise the main checkout is the common folder's parent.
  const mainTop = path.basename(commonDir) === ".git" ? path.dirname(commonDir) : top;
  return { top, commonDir, mainTop };
}

/** The branch checked out in `cwd`, or undefined on a detached HEAD. */
export async function currentBranch(cwd: string): Promise<string | undefined> {
  const result = await runGit(["symbolic-ref", "--quiet", "--short", "HEAD"], { cwd });
  return result.code === 0 ? result.stdout.trim() || undefined : undefined;
}

/** One worktree of a repository, as `git worktree list --porcelain` describes it. */
export interface Worktree {
  path: string;
  head?: string;
  /** The branch checked out, without `refs/heads/`; undefined when detached. */
  branch?: string;
  bare: boolean;
  detached: boolean;
  locked: boolean;
  prunable: boolean;
}

/** Every worktree of the repository, the main checkout first, from the stable `--porcelain -z` format. */
export async function listWorktrees(cwd: string): Promise<Worktree[]> {
  const out = await git(["worktree", "list", "--porcelain", "-z"], { cwd });
  return parseWorktreeList(out);
}

/** Parses `git worktree list --porcelain -z`: NUL-terminated attribute lines, an empty one after each worktree. */
export function parseWorktreeList(out: string): Worktree[] {
  const worktrees: Worktree[] = [];
  let current: Worktree | undefined;
  for (const line of out.split("\0")) {
    if (line === "") {
      if (current) worktrees.push(current);
      current = undefined;
      continue;
    }
    const space = line.indexOf(" ");
    const key = space === -1 ? line : line.slice(0, space);
    const value = space === -1 ? "" : line.slice(space + 1);
    if (key === "worktree") current = { path: value, bare: false, detached: false, locked: false, prunable: false };
    else if (!current) continue;
    else if (key === "HEAD") current.head = value;
    else if (key === "branch") current.branch = value.replace(/^refs\/heads\//, "");
    else if (key === "bare") current.bare = true;
    else if (key === "detached") current.detached = true;
    else if (key === "locked") current.locked = true;
    else if (key === "prunable") current.prunable = true;
  }
  if (current) worktrees.push(current);
  return worktrees;
}

/** Whether the local branch `refs/heads/<branch>` exists. */
export async function branchExists(cwd: string, branch: string): Promise<boolean> {
  return (await runGit(["show-ref", "--verify", "--quiet", `refs/heads/${branch}`], { cwd })).code === 0;
}

/** The commit a ref (a branch, a tag, a commit id) names, or undefined when it names none. */
export async function resolveCommit(cwd: string, ref: string): Promise<string | undefined> {
  // --end-of-options: a ref that starts with a dash is a ref to look up, never an option.
  const result = await runGit(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], { cwd });
  return result.code === 0 ? result.stdout.trim() || undefined : undefined;
}

/**
 * Whether a plan value can be a branch name: git's own rules for `refs/heads/<name>`, and no leading dash (`git branch`
 * refuses one, and it would read as an option). Asked of git rather than re-implemented, since its rules are the rules.
 */
export async function isBranchName(cwd: string, name: string): Promise<boolean> {
  if (name === "" || name.startsWith("-") || name.includes("@{")) return false;
  return (await runGit(["check-ref-format", `refs/heads/${name}`], { cwd })).code === 0;
}

/** Whether `ancestor` is reachable from `descendant` (both refs): a branch merged into another. */
export async function isAncestor(cwd: string, ancestor: string, descendant: string): Promise<boolean> {
  const result = await runGit(["merge-base", "--is-ancestor", "--end-of-options", ancestor, descendant], { cwd });
  if (result.code === 0 || result.code === 1) return result.code === 0;
  return false;
}
