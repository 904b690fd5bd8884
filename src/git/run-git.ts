import { execFile } from "node:child_process";

/** What one git command printed and how it ended. */
export interface GitResult {
  stdout: string;
  stderr: string;
  /** git's exit code: 0 for success; `merge-tree` exits 1 on a conflict, which is an answer, not a failure. */
  code: number;
}

/** A git command that failed: its arguments, exit code and what git said. */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly result: GitResult,
  ) {
    super(`git ${args.join(" ")} failed (exit ${result.code}): ${result.stderr.trim() || result.stdout.trim()}`);
  }
}

/** Output large enough for `log` of a long branch or a big `diff --name-status`. */
const MAX_BUFFER = 256 * 1024 * 1024;

/**
 * Runs git with an argument array in `cwd`, never through a shell: plan values (ids, branches, paths) are data. The
 * environment keeps git from asking questions (no pager, no editor, no terminal prompt) and from reading the user's
 * language, so what is parsed is git's own English.
 */
export function runGit(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string }): Promise<GitResult> {
  const env = { ...(options.env ?? process.env), GIT_TERMINAL_PROMPT: "0", GIT_PAGER: "cat", GIT_EDITOR: "true", LC_ALL: "C", LANG: "C" };
  return new Promise((resolve, reject) => {
    const child = execFile("git", [...args], { cwd: options.cwd, env, maxBuffer: MAX_BUFFER, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") {
        // git is not installed, or the folder does not exist: no exit code to report.
        reject(new Error(`git could not be run: ${error.message}`, { cause: error }));
        return;
      }
      resolve({ stdout, stderr, code: error ? (error.code as unknown as number) : 0 });
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** Runs git and returns its standard output; any exit code but 0 (or one of `ok`) is a GitError. */
export async function git(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string; ok?: readonly number[] }): Promise<string> {
  const result = await runGit(args, options);
  if (result.code !== 0 && !(options.ok ?? []).includes(result.code)) throw new GitError(args, result);
  return result.stdout;
}

/**
 * Runs git and returns its standard output as bytes: for object contents (`cat-file --batch`), whose sizes count
 * bytes, not characters. Any exit code but 0 is a GitError.
 */
export function gitBytes(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string }): Promise<Buffer> {
  const env = { ...(options.env ?? process.env), GIT_TERMINAL_PROMPT: "0", GIT_PAGER: "cat", GIT_EDITOR: "true", LC_ALL: "C", LANG: "C" };
  return new Promise((resolve, reject) => {
    const child = execFile("git", [...args], { cwd: options.cwd, env, maxBuffer: MAX_BUFFER, encoding: "buffer" }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") {
        reject(new Error(`git could not be run: ${error.message}`, { cause: error }));
        return;
      }
      if (error) reject(new GitError(args, { stdout: stdout.toString("utf8"), stderr: stderr.toString("utf8"), code: error.code as unknown as number }));
      else resolve(stdout);
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}
