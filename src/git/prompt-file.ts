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

/**
 * What coding agents read on start-up, written beside PROMPT.md when the project opts in (`"agents": {"worktreeFiles":
 * true}`): the prompt as `AGENTS.md` (Codex, Cursor and others read it) and a `CLAUDE.md` that imports it (Claude Code's
 * `@file` import), both excluded from commits like the prompt.
 */
export const AGENT_FILES = ["AGENTS.md", "CLAUDE.md"] as const;

/** The `CLAUDE.md` paraplan writes: one import of the prompt in `AGENTS.md`. */
export const CLAUDE_IMPORT = "@AGENTS.md\n";

/** Adds the agent files' lines to the exclude file, once each; returns whether any was added. */
export async function excludeAgentFiles(commonDir: string): Promise<boolean> {
  const file = excludeFile(commonDir);
  const text = await readFile(file, "utf8").catch(() => "");
  const lines = new Set(text.split(/\r?\n/).map((l) => l.trim()));
  const missing = AGENT_FILES.filter((name) => !lines.has(`/${name}`) && !lines.has(name));
  if (missing.length === 0) return false;
  await mkdir(path.dirname(file), { recursive: true });
  await appendFile(file, `${text === "" || text.endsWith("\n") ? "" : "\n"}# the agent files paraplan writes into each worktree\n${missing.map((name) => `/${name}\n`).join("")}`);
  return true;
}

/**
 * Writes `AGENTS.md` (the prompt) and `CLAUDE.md` (its import) into a worktree. A file the project tracks there, a
 * link, or a file paraplan did not write (an `AGENTS.md` that is not a prompt it wrote, a `CLAUDE.md` that is not the
 * import) is left as it is: the names written are returned.
 */
export async function writeAgentFiles(worktree: string, prompt: string, previous?: string): Promise<string[]> {
  const written: string[] = [];
  for (const [name, content, ours] of [
    ["AGENTS.md", prompt, (old: string) => old === prompt || old === previous],
    ["CLAUDE.md", CLAUDE_IMPORT, (old: string) => old === CLAUDE_IMPORT],
  ] as const) {
    const tracked = await runGit(["ls-files", "--", name], { cwd: worktree });
    if (tracked.code !== 0 || tracked.stdout.trim() !== "") continue;
    const file = path.join(worktree, name);
    const info = await lstat(file).catch(() => undefined);
    if (info && (!info.isFile() || !ours(await readFile(file, "utf8")))) continue;
    await writeFile(file, content);
    written.push(name);
  }
  return written;
}
