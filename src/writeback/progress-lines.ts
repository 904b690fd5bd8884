/**
 * The head of a worktree's `progress.md`, as every prompt asks agents to keep it (`- Status: …`, `- Done: …`,
 * `- Next: …`, `- Blockers: …`): the project manager reads its first lines, and `paraplan status` its `Status` and
 * `Blockers`. A line is recognised in every form `status` reads (`Status: x`, `**Status:** x`, `- Status: x`), outside
 * fenced code. Changing some of those lines keeps every other byte of the file.
 */

/** The progress lines an agent may report, in the order the prompt's layout writes them. */
export const PROGRESS_KEYS = ["Status", "Done", "Next", "Blockers"] as const;

/** A progress line's key. */
export type ProgressKey = (typeof PROGRESS_KEYS)[number];

/** A `Key: value` line: an optional bullet and emphasis before the key, the colon (inside or after the emphasis), the value. */
const LINE = /^(\s*(?:[-*+]\s+)?(?:\*\*|__)?)([A-Za-z]+)((?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*)(.*)$/;

/** The key a line of the file sets, in lower case, or undefined for any other line. */
function keyOf(line: string): string | undefined {
  const key = LINE.exec(line)?.[2]?.toLowerCase();
  // `status` reads `Blocker:` as well as `Blockers:`.
  const known = key === "blocker" ? "blockers" : key;
  return PROGRESS_KEYS.some((k) => k.toLowerCase() === known) ? known : undefined;
}

/**
 * The file with the given lines set: an existing `Key:` line gets the new value in place (its bullet, emphasis and
 * spacing kept); a missing one is added after the last progress line, or after the first heading, or at the top.
 * `text` undefined means there is no file yet: it is created with the prompt's layout.
 */
export function setProgressLines(text: string | undefined, id: string, values: Partial<Record<ProgressKey, string>>): string {
  const wanted = PROGRESS_KEYS.filter((key) => values[key] !== undefined).map((key) => [key, oneLine(values[key]!)] as const);
  if (text === undefined) return `# ${id} progress\n\n${wanted.map(([key, value]) => `- ${key}: ${value}`).join("\n")}\n`;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r?\n/);
  // Lines inside fenced code are never progress lines (a pasted example of the layout).
  let fenced = false;
  const keys = lines.map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return undefined;
    }
    return fenced ? undefined : keyOf(line);
  });
  const lastProgress = keys.findLastIndex((key) => key !== undefined);
  const missing: string[] = [];
  for (const [key, value] of wanted) {
    // The first such line is the one `status` reads.
    const at = keys.indexOf(key.toLowerCase());
    if (at === -1) {
      missing.push(`- ${key}: ${value}`);
      continue;
    }
    const m = LINE.exec(lines[at]!)!;
    lines[at] = `${m[1]}${m[2]}${m[3]}${value}`;
  }
  if (missing.length > 0) {
    const heading = lines.findIndex((line) => /^#\s/.test(line));
    if (lastProgress !== -1) lines.splice(lastProgress + 1, 0, ...missing);
    else if (heading !== -1) lines.splice(heading + 1, 0, "", ...missing);
    else lines.unshift(...missing, "");
  }
  return lines.join(eol);
}

/** A value on one line: the layout is one line per key, so line breaks become spaces. */
function oneLine(value: string): string {
  return value.replace(/\s*\r?\n\s*/g, " ").trim();
}
