/**
 * The workstream's prompt, written into its worktree for the agent to read, and kept out of every commit through the
 * repository's `info/exclude` (shared by all worktrees, never committed itself, unlike a `.gitignore`).
 */
import { appendFile, lstat, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { runGit } from "./run-git.js";

/** The prompt's file name at the top of each worktree. */
export const PROMPT_FILE = "PROMPT.md";

/** The exclude line: anchored, so only the file at a worktree's top is excluded, not one deeper in the project. */
export const PROMPT_EXCLUDE = `/${PROMPT_FILE}`;

/** The repository's exclude file, in the common git folder every worktree reads. */
export function excludeFile(commonDir: string): string {
  return path.join(commonDir, "info", "exclude");
}

/** Whether the exclude file already keeps the prompt out (the line, or the unanchored name). */
export async function promptExcluded(commonDir: string): Promise<boolean> {
  const text = await readFile(excludeFile(commonDir), "utf8").catch(() => "");
  return text.split(/\r?\n/).some((line) => line.trim() === PROMPT_EXCLUDE || line.trim() === PROMPT_FILE);
}

/** Adds the prompt's line to the exclude file once; returns whether it was added. */
export async function excludePrompt(commonDir: string): Promise<boolean> {
  if (await promptExcluded(commonDir)) return false;
  const file = excludeFile(commonDir);
  await mkdir(path.dirname(file), { recursive: true });
  const text = await readFile(file, "utf8").catch(() => "");
  await appendFile(file, `${text === "" || text.endsWith("\n") ? "" : "\n"}# the workstream prompt paraplan writes into each worktree\n${PROMPT_EXCLUDE}\n`);
  return true;
}

/** Whether the project tracks a file of the prompt's name in this worktree: then it is never written over. */
export async function promptTracked(worktree: string): Promise<boolean> {
  const result = await runGit(["ls-files", "--", PROMPT_FILE], { cwd: worktree });
  return result.code === 0 && result.stdout.trim() !== "";
}

/** Writes the prompt into a worktree, unless the project tracks a file of that name there; returns whether it wrote. */
export async function writePrompt(worktree: string, text: string): Promise<boolean> {
  if (await promptTracked(worktree)) return false;
  const file = path.join(worktree, PROMPT_FILE);
  // Never through a link: the file is the worktree's own.
  if ((await lstat(file).catch(() => undefined))?.isSymbolicLink()) return false;
  await writeFile(file, text);
  return true;
}

/** The prompt in a worktree, or undefined when it has none. */
export async function readPrompt(worktree: string): Promise<string | undefined> {
  const file = path.join(worktree, PROMPT_FILE);
  if (!(await lstat(file).catch(() => undefined))?.isFile()) return undefined;
  return readFile(file, "utf8");
}
