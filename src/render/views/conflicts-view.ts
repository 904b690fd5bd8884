import type { FileConflict } from "../../schedule/types.js";
import { dayRanges } from "./plan-view.js";

/** `TD2 (owns), WS3 (touches)`: every workstream that names a file, once each, in id order. */
function sharers(conflicts: readonly FileConflict[]): string {
  const kinds = new Map<string, Set<string>>();
  for (const c of conflicts) for (const s of c.sides) kinds.set(s.workstream, (kinds.get(s.workstream) ?? new Set()).add(s.kind));
  return [...kinds]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, k]) => `${id} (${[...k].sort().join(", ")})`)
    .join(", ");
}

/**
 * The file-conflicts tables of the execution plan: one row per shared file. Files that two workstreams edit on the
 * same days come first, with those pairs and days and the rule that settles a conflict; files whose sharers never work
 * at the same time are set apart, since they merge one after the other.
 */
export function conflictsView(conflicts: readonly FileConflict[]) {
  const byFile = new Map<string, FileConflict[]>();
  for (const c of conflicts) byFile.set(c.file, [...(byFile.get(c.file) ?? []), c]);
  const files = [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const overlapping = files
    .filter(([, list]) => list.some((c) => c.overlapping))
    .map(([file, list]) => {
      const pairs = list.filter((c) => c.overlapping);
      const pair = (c: FileConflict) => c.sides.map((s) => s.workstream).join(" + ");
      // A rule decides the pairs it names: one rule for all is said once, different ones pair by pair.
      const rules = [...new Set(pairs.flatMap((c) => (c.rule ? [c.rule.rule] : [])))];
      const rule =
        rules.length <= 1
          ? (rules[0] ?? null)
          : pairs
              .filter((c) => c.rule)
              .map((c) => `${pair(c)}: ${c.rule!.rule}`)
              .join("; ");
      const missing = pairs.filter((c) => !c.rule).map(pair);
      return {
        file,
        workstreams: sharers(list),
        overlaps: pairs.map((c) => `${pair(c)} on ${c.days.high.length > 0 ? `days ${dayRanges(c.days.high)}` : `days ${dayRanges(c.days.low)}`}`).join("; "),
        rule,
        missingFor: missing.length > 0 ? missing.join(", ") : null,
      };
    });
  const apart = files.filter(([, list]) => !list.some((c) => c.overlapping)).map(([file, list]) => ({ file, workstreams: sharers(list), rule: list.find((c) => c.rule)?.rule?.rule ?? null }));
  return { overlapping, apart, any: files.length > 0 };
}
