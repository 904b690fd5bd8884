/**
 * One merge, simulated: `git merge-tree --write-tree` writes the merged tree as objects only (no checkout, no index,
 * no ref), and an unreferenced commit made from it with `git commit-tree` carries it forward to the next merge (git
 * 2.39 has no `merge-tree --merge-base`). Where a merge conflicts, what is carried forward keeps the earlier side of
 * each conflicting file, as if the conflict were resolved in favour of what was merged first, so later merges are
 * forecast against a tree without conflict markers. That tree is built in a temporary index file, never the
 * repository's own.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { conflictHunks, type ConflictHunk } from "./conflict-markers.js";
import { git, runGit, GitError } from "./run-git.js";

/** A file a merge could not merge by itself. */
export interface ConflictedFile {
  path: string;
  /** git's kinds of conflict for it: `contents`, `modify/delete`, `add/add`, `rename/delete`, … */
  kinds: string[];
  /** The conflicting hunks, when git left conflict markers in the file. */
  hunks: ConflictHunk[];
}

/** What one simulated merge gave. */
export interface MergeResult {
  /** The tree as merged (conflict markers in conflicting files). */
  tree: string;
  clean: boolean;
  conflicts: ConflictedFile[];
}

/** The identity and date of the unreferenced commits: fixed, so a forecast of the same branches makes the same ids. */
const COMMIT_ENV = {
  GIT_AUTHOR_NAME: "paraplan forecast",
  GIT_AUTHOR_EMAIL: "forecast@paraplan.invalid",
  GIT_AUTHOR_DATE: "946684800 +0000",
  GIT_COMMITTER_NAME: "paraplan forecast",
  GIT_COMMITTER_EMAIL: "forecast@paraplan.invalid",
  GIT_COMMITTER_DATE: "946684800 +0000",
};

/** Merges commit `theirs` into commit `ours` without touching the work tree, the index or any ref; `hunks: false` skips reading the conflicting files. */
export async function simulateMerge(cwd: string, ours: string, theirs: string, env?: NodeJS.ProcessEnv, options: { hunks?: boolean } = {}): Promise<MergeResult> {
  const args = ["merge-tree", "--write-tree", "-z", "--name-only", ours, theirs];
  const result = await runGit(args, { cwd, ...(env ? { env } : {}) });
  if (result.code !== 0 && result.code !== 1) throw new GitError(args, result);
  const { tree, paths, kinds } = parseMergeTree(result.stdout);
  const conflicts: ConflictedFile[] = [];
  for (const p of paths) {
    if (options.hunks === false) {
      conflicts.push({ path: p, kinds: kinds.get(p) ?? [], hunks: [] });
      continue;
    }
    const blob = await runGit(["cat-file", "-p", `${tree}:${p}`], { cwd, ...(env ? { env } : {}) });
    conflicts.push({ path: p, kinds: kinds.get(p) ?? [], hunks: blob.code === 0 ? conflictHunks(blob.stdout) : [] });
  }
  return { tree, clean: result.code === 0, conflicts };
}

/**
 * Parses `git merge-tree --write-tree -z --name-only`: the tree id, the conflicted paths (each NUL-terminated, an
 * empty field after them), then messages as `<count> NUL <path>… NUL <type> NUL <message> NUL`.
 */
export function parseMergeTree(out: string): { tree: string; paths: string[]; kinds: Map<string, string[]> } {
  const fields = out.split("\0");
  const tree = fields[0]!.trim();
  const paths: string[] = [];
  let i = 1;
  for (; i < fields.length && fields[i] !== ""; i++) if (!paths.includes(fields[i]!)) paths.push(fields[i]!);
  i++;
  const kinds = new Map<string, string[]>();
  while (i < fields.length) {
    const count = Number(fields[i]);
    if (!Number.isInteger(count) || count < 0) break;
    const named = fields.slice(i + 1, i + 1 + count);
    const type = fields[i + 1 + count] ?? "";
    i += count + 3;
    const kind = /^CONFLICT \((.+)\)$/.exec(type)?.[1];
    if (kind === undefined) continue;
    for (const p of named) kinds.set(p, [...new Set([...(kinds.get(p) ?? []), kind])]);
  }
  return { tree, paths, kinds };
}

/** An unreferenced commit of `tree` with these parents: what the next simulated merge merges into. */
export async function commitTree(cwd: string, tree: string, parents: readonly string[], message: string, env?: NodeJS.ProcessEnv): Promise<string> {
  const out = await git(["commit-tree", "--no-gpg-sign", ...parents.flatMap((p) => ["-p", p]), "-m", message, tree], { cwd, env: { ...(env ?? process.env), ...COMMIT_ENV } });
  return out.trim();
}

/** The merged tree with each conflicting path as it is in `ours` (or absent, where ours has none): a tree without markers. */
export async function keepOurs(cwd: string, mergedTree: string, ours: string, conflicted: readonly string[], env?: NodeJS.ProcessEnv): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "paraplan-forecast-"));
  const withIndex = { ...(env ?? process.env), GIT_INDEX_FILE: path.join(dir, "index") };
  try {
    await git(["read-tree", mergedTree], { cwd, env: withIndex });
    const listed = await git(["ls-tree", "-z", "--full-tree", ours, "--", ...conflicted], { cwd, env: withIndex });
    const present = new Map<string, string>();
    for (const entry of listed.split("\0")) {
      const tab = entry.indexOf("\t");
      if (tab === -1) continue;
      const [mode, , sha] = entry.slice(0, tab).split(" ");
      present.set(entry.slice(tab + 1), `${mode} ${sha}`);
    }
    const lines = conflicted.map((p) => `${present.get(p) ?? `0 ${"0".repeat(mergedTree.length)}`}\t${p}\0`).join("");
    await git(["update-index", "-z", "--index-info"], { cwd, env: withIndex, input: lines });
    return (await git(["write-tree"], { cwd, env: withIndex })).trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
