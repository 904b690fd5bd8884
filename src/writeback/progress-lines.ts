/**
 * The head of a worktree's `progress.md`, as every prompt asks agents to keep it (`- Status: …`, `- Done: …`,
 * `- Next: …`, `- Blockers: …`): the project manager reads its first lines. Changing some of those lines keeps every
 * other byte of the file.
 */

/** The progress lines an agent may report, in the order the prompt's layout writes them. */
export const PROGRESS_KEYS = ["Status", "Done", "Next", "Blockers"] as const;

/** A progress line's key. */
export type ProgressKey = (typeof PROGRESS_KEYS)[number];

/** A `- Key: value` line of the layout, any case, with `-` or `*`. */
const LINE = /^([-*][ \t]+)([A-Za-z]+)([ \t]*:[ \t]*)(.*)$/;

/**
 * The file with the given lines set: an existing `- Key:` line gets the new value in place (its bullet and spacing
 * kept); a missing one is added after the last progress line, or after the `# … progress` heading, or at the top.
 * `text` undefined means there is no file yet: it is created with the prompt's layout.
 */
export function setProgressLines(text: string | undefined, id: string, values: Partial<Record<ProgressKey, string>>): string {
  const wanted = PROGRESS_KEYS.filter((key) => values[key] !== undefined).map((key) => [key, oneLine(values[key]!)] as const);
  if (text === undefined) return `# ${id} progress\n\n${wanted.map(([key, value]) => `- ${key}: ${value}`).join("\n")}\n`;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r?\n/);
  const missing: string[] = [];
  let lastProgress = -1;
  for (let i = 0; i < lines.length; i++) {
    const m = LINE.exec(lines[i]!);
    if (m && PROGRESS_KEYS.some((key) => key.toLowerCase() === m[2]!.toLowerCase())) lastProgress = i;
  }
  for (const [key, value] of wanted) {
    const at = lines.findIndex((line) => LINE.exec(line)?.[2]!.toLowerCase() === key.toLowerCase());
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
