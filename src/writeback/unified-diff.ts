import { FILE_HEADERS_ONLY, formatPatch, structuredPatch } from "diff";

/** Options of a diff: lines of context, and a cap on the lines of hunks shown (whole hunks only, so it still applies). */
export interface DiffOptions {
  context?: number;
  maxLines?: number;
}

/**
 * A unified diff of one file as `git diff` prints it (`--- a/file`, `+++ b/file`, `/dev/null` for a new one), which
 * `git apply` and `patch -p1` accept. With `maxLines`, only whole hunks are kept (at least the first), so the diff
 * still applies; `omitted` says how many hunk lines were left out.
 */
export function unifiedDiffParts(file: string, before: string | undefined, after: string, options: DiffOptions = {}): { text: string; omitted: number } {
  const patch = structuredPatch(before === undefined ? "/dev/null" : `a/${file}`, `b/${file}`, before ?? "", after, "", "", { context: options.context ?? 3 });
  const kept: typeof patch.hunks = [];
  let shownLines = 0;
  let omitted = 0;
  for (const hunk of patch.hunks) {
    const size = hunk.lines.length + 1;
    if (kept.length > 0 && options.maxLines !== undefined && shownLines + size > options.maxLines) {
      omitted += size;
      continue;
    }
    shownLines += size;
    kept.push(hunk);
  }
  // No `Index:` and `===` lines, which git does not print; names with unusual characters are quoted as git quotes them.
  return { text: formatPatch({ ...patch, oldHeader: undefined, newHeader: undefined, hunks: kept }, FILE_HEADERS_ONLY), omitted };
}
/** A unified diff of one file (`/dev/null` for a new one), as `git diff` prints it, for `--dry-run`. */
export function unifiedDiff(file: string, before: string | undefined, after: string): string {
  return unifiedDiffParts(file, before, after).text;
}
