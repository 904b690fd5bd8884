/**
 * What a branch really changed: its commits since it left its base (`git diff --name-status -z <merge-base>...<branch>`)
 * and, when a worktree has it checked out, what is not committed there yet. Refs are always passed as full names
 * (`refs/heads/<branch>`) or commit ids, so a branch named `-x` or `$(…)` is data to git, never an option or a command.
 */
import { git, runGit } from "./run-git.js";

/** One changed path. A rename or copy is one change with both paths: `from` the old one, `path` the new one. */
export interface FileChange {
  /** The path after the change, relative to the repository's top. */
  path: string;
  /** The path before a rename or copy. */
  from?: string;
  /** git's status letter: A, M, D, R, C, T, U (unmerged) or ? (untracked). */
  status: string;
  /** Committed on the branch, or only in its worktree. */
  where: "committed" | "uncommitted";
}

/** The commit a ref names, or undefined when it names none: a branch first, then a tag, then (for hex) a commit id. */
export async function resolveCommit(cwd: string, ref: string): Promise<string | undefined> {
  const candidates = [`refs/heads/${ref}`, `refs/tags/${ref}`, ...(/^[0-9a-f]{4,64}$/i.test(ref) ? [ref] : [])];
  for (const candidate of candidates) {
    const result = await runGit(["rev-parse", "--verify", "--quiet", `${candidate}^{commit}`], { cwd });
    if (result.code === 0 && result.stdout.trim() !== "") return result.stdout.trim();
  }
  return undefined;
}

/** The commit a local branch points at, or undefined when the branch does not exist. */
export async function branchCommit(cwd: string, branch: string): Promise<string | undefined> {
  const result = await runGit(["rev-parse", "--verify", "--quiet", `refs/heads/${branch}^{commit}`], { cwd });
  return result.code === 0 ? result.stdout.trim() || undefined : undefined;
}

/** The best common ancestor of two commits, or undefined when their histories never meet. */
export async function mergeBase(cwd: string, a: string, b: string): Promise<string | undefined> {
  const result = await runGit(["merge-base", a, b], { cwd });
  return result.code === 0 ? result.stdout.trim() || undefined : undefined;
}

/** The files changed between two commits (`git diff --name-status -z -M`), renames with both paths. */
export async function changesBetween(cwd: string, from: string, to: string): Promise<FileChange[]> {
  const out = await git(["diff", "--name-status", "-z", "-M", "--no-ext-diff", from, to, "--"], { cwd });
  return parseNameStatus(out);
}

/** Parses `git diff --name-status -z`: a status field, then one path (two for R and C), each NUL-terminated. */
export function parseNameStatus(out: string): FileChange[] {
  const fields = out.split("\0");
  const changes: FileChange[] = [];
  for (let i = 0; i < fields.length;) {
    const status = fields[i++]!;
    if (status === "") continue;
    const letter = status[0]!;
    if (letter === "R" || letter === "C") {
      const from = fields[i++]!;
      const to = fields[i++]!;
      changes.push({ path: to, from, status: letter, where: "committed" });
    } else {
      changes.push({ path: fields[i++]!, status: letter, where: "committed" });
    }
  }
  return changes;
}

/** What is changed but not committed in a worktree: staged, unstaged and untracked files (`git status --porcelain=v1 -z`). */
export async function uncommittedChanges(worktree: string): Promise<FileChange[]> {
  const out = await git(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"], { cwd: worktree });
  return parsePorcelainStatus(out);
}

/** Parses `git status --porcelain=v1 -z`: `XY path`, and for a rename or copy the old path in the next field. */
export function parsePorcelainStatus(out: string): FileChange[] {
  const fields = out.split("\0");
  const changes: FileChange[] = [];
  for (let i = 0; i < fields.length;) {
    const entry = fields[i++]!;
    if (entry.length < 4) continue;
    const xy = entry.slice(0, 2);
    const path = entry.slice(3);
    const letter = xy === "??" ? "?" : xy.includes("U") ? "U" : (xy[0] !== " " ? xy[0] : xy[1])!;
    if (xy[0] === "R" || xy[0] === "C") {
      changes.push({ path, from: fields[i++]!, status: xy[0], where: "uncommitted" });
    } else {
      changes.push({ path, status: letter, where: "uncommitted" });
    }
  }
  return changes;
}

/** Every path a list of changes concerns: both paths of a rename, once each, sorted. */
export function changedPaths(changes: readonly FileChange[]): string[] {
  const paths = new Set<string>();
  for (const c of changes) {
    paths.add(c.path);
    if (c.from !== undefined) paths.add(c.from);
  }
  return [...paths].sort();
}
