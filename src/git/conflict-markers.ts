/**
 * The conflicting hunks of a file as `git merge-tree` leaves it: `<<<<<<<`, optionally `|||||||` (diff3), `=======`
 * and `>>>>>>>` markers. Each hunk is given as line ranges of the merged file (markers included) and of each side, so
 * a person can find the lines in the integration branch (ours) and in the branch being merged (theirs).
 */

/** A range of 1-based lines, `end` included; an empty side has `end` = `start` - 1. */
export interface LineRange {
  start: number;
  end: number;
}

/** One conflicting hunk. */
export interface ConflictHunk {
  merged: LineRange;
  ours: LineRange;
  theirs: LineRange;
}

const OPEN = /^<{7,}(?: |$)/;
const BASE = /^\|{7,}(?: |$)/;
const MIDDLE = /^={7,}$/;
const CLOSE = /^>{7,}(?: |$)/;

/** The conflicting hunks of a merged file's text, in order. */
export function conflictHunks(text: string): ConflictHunk[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const hunks: ConflictHunk[] = [];
  let ours = 0;
  let theirs = 0;
  let section: "none" | "ours" | "base" | "theirs" = "none";
  let open: { merged: number; ours: number; theirs: number } | undefined;
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, "");
    const n = index + 1;
    if (section === "none" && OPEN.test(line)) {
      section = "ours";
      open = { merged: n, ours: ours + 1, theirs: theirs + 1 };
    } else if (section === "ours" && BASE.test(line)) section = "base";
    else if ((section === "ours" || section === "base") && MIDDLE.test(line)) section = "theirs";
    else if (section === "theirs" && CLOSE.test(line)) {
      hunks.push({ merged: { start: open!.merged, end: n }, ours: { start: open!.ours, end: ours }, theirs: { start: open!.theirs, end: theirs } });
      section = "none";
    } else if (section === "none") {
      ours++;
      theirs++;
    } else if (section === "ours") ours++;
    else if (section === "theirs") theirs++;
  });
  return hunks;
}

/** `lines 3–5`, `line 3`, or `no lines (after line 2)` for an empty side. */
export function rangeText(range: LineRange): string {
  if (range.end < range.start) return `no lines (after line ${range.start - 1})`;
  return range.start === range.end ? `line ${range.start}` : `lines ${range.start}–${range.end}`;
}
