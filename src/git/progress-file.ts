/**
 * `progress.md` at the top of a worktree: where the agent writes how it is going. Only two lines are read, in any of
 * the forms people write key-value lines (`Status: …`, `**Status:** …`, `- Status: …`), or a `## Status` section's
 * first line.
 */
import { lstat, readFile } from "node:fs/promises";
import path from "node:path";

/** The progress file's name at the top of a worktree. */
export const PROGRESS_FILE = "progress.md";

/** The two lines of a progress file status shows; null when not written. */
export interface ProgressLines {
  status: string | null;
  blockers: string | null;
}

/** A file larger than this is not a progress note: only its start is read. */
const MAX_BYTES = 256 * 1024;

/** The value of the first `key` line (`Status: x`, `**Status:** x`, `- Status: x`, or a `## Status` section's first line). */
function lineValue(lines: readonly string[], key: string): string | null {
  const inline = new RegExp(`^\\s*(?:[-*+]\\s+)?(?:\\*\\*|__)?${key}(?:\\*\\*|__)?\\s*:\\s*(?:\\*\\*|__)?\\s*(.*)$`, "i");
  const heading = new RegExp(`^#{1,6}\\s+${key}\\s*:?\\s*$`, "i");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const match = inline.exec(line);
    if (match) return clean(match[1]!);
    if (heading.test(line)) {
      const next = lines.slice(i + 1).find((l) => l.trim() !== "");
      return next === undefined || /^#{1,6}\s/.test(next) ? null : clean(next.replace(/^\s*[-*+]\s+/, ""));
    }
  }
  return null;
}

/** A value without trailing emphasis marks and spaces; an empty one is none. */
function clean(value: string): string | null {
  const text = value.replace(/(\*\*|__)\s*$/, "").trim();
  return text === "" ? null : text;
}

/** Reads the `Status:` and `Blockers:` lines of a progress note's text (outside fenced code). */
export function parseProgress(text: string): ProgressLines {
  const lines: string[] = [];
  let fenced = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced) lines.push(line);
  }
  return { status: lineValue(lines, "status"), blockers: lineValue(lines, "blockers?") };
}

/** The progress lines of a worktree's `progress.md`, or null when it has none (a regular file, never a link). */
export async function readProgress(worktree: string): Promise<ProgressLines | null> {
  const file = path.join(worktree, PROGRESS_FILE);
  const info = await lstat(file).catch(() => undefined);
  if (!info?.isFile()) return null;
  const text = (await readFile(file)).subarray(0, MAX_BYTES).toString("utf8");
  return parseProgress(text);
}
