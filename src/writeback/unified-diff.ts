import { createTwoFilesPatch } from "diff";

/** A unified diff of one file (`/dev/null` for a new one), as `git diff` prints it, for `--dry-run`. */
export function unifiedDiff(file: string, before: string | undefined, after: string): string {
  const patch = createTwoFilesPatch(before === undefined ? "/dev/null" : `a/${file}`, `b/${file}`, before ?? "", after, "", "", { context: 3 });
  // The first line is a `===` separator that git does not print.
  return patch.split("\n").slice(1).join("\n").replace(/\t$/gm, "");
}
