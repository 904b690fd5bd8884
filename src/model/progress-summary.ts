/**
 * The head of a worktree's `progress.md`, as the prompt's progress protocol asks agents to keep it:
 * `- Status: …`, `- Done: …`, `- Next: …`, `- Blockers: …`, `- Gates: …`. A minimal reader for `handoff`; a fuller
 * one (src/git/progress-file.ts, from another branch) may replace it.
 */

/** The protocol's lines, as written (empty when missing). */
export interface ProgressSummary {
  status: string;
  done: string;
  next: string;
  blockers: string;
  gates: string;
}

/** Reads the `- Key: value` lines of a progress file (the first of each key; later lines and other keys are ignored). */
export function readProgressSummary(text: string): ProgressSummary {
  const summary: ProgressSummary = { status: "", done: "", next: "", blockers: "", gates: "" };
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*[-*]\s*\**(status|done|next|blockers|gates)\**\s*:\s*\**\s*(.*)$/i.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase() as keyof ProgressSummary;
    if (summary[key] === "") summary[key] = m[2]!.trim();
  }
  return summary;
}
