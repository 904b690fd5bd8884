/**
 * `.worktreeinclude`: the untracked files (`.env`, local config) a new worktree needs, named at the repository root in
 * git's ignore-file syntax (the convention Claude Code reads). git itself matches them (`ls-files --others --ignored
 * --exclude-from`), so the syntax is git's to the letter: negations, directory patterns, anchoring.
 */
import { constants } from "node:fs";
import { copyFile, lstat, mkdir, readlink, realpath, symlink } from "node:fs/promises";
import path from "node:path";
import { isWithin } from "../io/inside-folder.js";
import { realLocation } from "./real-location.js";
import { git } from "./run-git.js";

/** The file at the repository root that names the untracked files every new worktree gets a copy of. */
export const INCLUDE_FILE = ".worktreeinclude";

/** What copying did: the files copied, and those left out with the reason. */
export interface IncludeCopy {
  copied: string[];
  skipped: { file: string; reason: string }[];
}

/** The untracked files of the main checkout that `.worktreeinclude` names (repository-relative, sorted); none without the file. */
export async function includedFiles(mainTop: string): Promise<string[]> {
  const list = path.join(mainTop, INCLUDE_FILE);
  // Only a regular file: a symbolic link could make git read patterns from anywhere.
  if (!(await lstat(list).catch(() => undefined))?.isFile()) return [];
  const out = await git(["ls-files", "-z", "--others", "--ignored", `--exclude-from=${list}`], { cwd: mainTop });
  return out
    .split("\0")
    .filter((f) => f !== "" && f !== INCLUDE_FILE)
    .sort();
}

/**
 * Copies the files into a new worktree at the same relative paths, never replacing a file there. A symbolic link is
 * copied as a link only when it points inside the repository; one that leads out of it is left out, so a link to
 * `~/.ssh` never spreads into every worktree. A folder in the worktree that is a link out of it is not written through.
 * With `dryRun`, nothing is written: the files that would be copied are returned.
 */
export async function copyIncluded(mainTop: string, worktree: string, files: readonly string[], options: { dryRun?: boolean } = {}): Promise<IncludeCopy> {
  const result: IncludeCopy = { copied: [], skipped: [] };
  const realTop = await realpath(mainTop);
  // A dry run has no worktree yet: it checks the sources, and says what would be copied.
  const realWorktree = options.dryRun ? worktree : await realpath(worktree);
  for (const file of files) {
    const source = path.join(mainTop, file);
    const target = path.join(worktree, file);
    const info = await lstat(source).catch(() => undefined);
    if (!info) {
      result.skipped.push({ file, reason: "gone" });
      continue;
    }
    if (!info.isFile() && !info.isSymbolicLink()) {
      result.skipped.push({ file, reason: "not a regular file" });
      continue;
    }
    if (info.isSymbolicLink()) {
      const resolved = await realpath(source).catch(() => undefined);
      if (!resolved || !isWithin(realTop, resolved)) {
        result.skipped.push({ file, reason: "a symbolic link that leads out of the repository" });
        continue;
      }
    }
    if (options.dryRun) {
      result.copied.push(file);
      continue;
    }
    // Checked before any folder is made: making folders through a link would already write outside.
    if (!isWithin(realWorktree, await realLocation(path.dirname(target)))) {
      result.skipped.push({ file, reason: "its folder in the worktree leads out of it" });
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    if (await lstat(target).catch(() => undefined)) {
      result.skipped.push({ file, reason: "the worktree has it already" });
      continue;
    }
    if (info.isSymbolicLink()) await symlink(await readlink(source), target);
    else await copyFile(source, target, constants.COPYFILE_EXCL);
    result.copied.push(file);
  }
  return result;
}
