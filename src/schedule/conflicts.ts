/**
 * File conflicts: a file (or glob) that two workstreams both name in `owns` / `touches`.
 * Each pair of workstreams and shared file is one conflict, listed whether or not their
 * active days overlap in the schedule with waves; those that overlap, with no rule of the
 * project's resolution protocol covering the file, get a warning. Two owners of one file
 * is an error whatever the days (ownership is exclusive); that check counts only certain
 * overlaps (see file-patterns.ts), never the approximation for two globs.
 */
import { diagnostic, type Diagnostic, type Location } from "../diagnostics/diagnostic.js";
import type { FileRef, Project, ResolutionRule, Workstream } from "../model/types.js";
import { compareIds } from "../model/compare-ids.js";
import { groupBy } from "../model/group-by.js";
import { dayRange, daysPhrase } from "./day-list.js";
import { isGlob, literalPrefix, normalizePattern, patternsMayOverlap, patternsSurelyOverlap, ruleCovers, sharedFile } from "./file-patterns.js";
import type { ConflictSide, FileConflict, WorkstreamTiming } from "./types.js";

/** One `owns` / `touches` entry of a workstream. */
export interface Entry {
  pattern: string;
  written: string;
  kind: ConflictSide["kind"];
  at: Location;
}

/** The timings of the schedule with waves at both ends, by workstream index. */
export interface ConflictTimings {
  high: readonly WorkstreamTiming[];
  low: readonly WorkstreamTiming[];
}

/** Every file conflict, with `conflict-no-rule` warnings and `duplicate-owner` errors. `workstreams` in id order, aligned with the timings. */
export function findConflicts(workstreams: readonly Workstream[], timings: ConflictTimings, project: Project): { conflicts: FileConflict[]; diagnostics: Diagnostic[] } {
  const entries = workstreams.map(entriesOf);
  const ids = new Set(workstreams.map((ws) => ws.id));
  const conflicts: FileConflict[] = [];
  const diagnostics: Diagnostic[] = [];
  // Only pairs that can share a file are compared: comparing every pair made big plans quadratic.
  for (const [i, j] of candidatePairs(entries)) {
    const found = conflictsBetween(workstreams, entries, i, j, timings, project.resolutionProtocol, ids);
    for (const { conflict, a, b } of found) {
      conflicts.push(conflict);
      if (conflict.overlapping && conflict.rule === null) diagnostics.push(noRule(conflict, a, b, project));
    }
    diagnostics.push(...duplicateOwners(workstreams, entries, i, j));
  }
  return { conflicts: conflicts.sort(compareConflicts), diagnostics };
}

/**
 * The workstream pairs `[i, j]` (i < j, in index order) that may name a common file: equal literal
 * paths, a glob and a literal path under its prefix, or two globs with nested prefixes.
 */
export function candidatePairs(entries: readonly Entry[][]): [number, number][] {
  const pairs = new Set<number>();
  const n = entries.length;
  const add = (a: number, b: number) => {
    if (a !== b) pairs.add(Math.min(a, b) * n + Math.max(a, b));
  };
  const literals = new Map<string, number[]>();
  const globs: { owner: number; prefix: string }[] = [];
  entries.forEach((list, owner) => {
    for (const e of list) {
      if (isGlob(e.pattern)) globs.push({ owner, prefix: literalPrefix(e.pattern) });
      else literals.set(e.pattern, [...(literals.get(e.pattern) ?? []), owner]);
    }
  });
  for (const owners of literals.values()) for (let x = 0; x < owners.length; x++) for (let y = x + 1; y < owners.length; y++) add(owners[x]!, owners[y]!);
  // Literal paths sorted, so the paths under a glob's prefix are one contiguous range.
  const paths = [...literals.keys()].sort();
  for (const g of globs) {
    const from = g.prefix === "" ? 0 : lowerBound(paths, g.prefix);
    for (let k = from; k < paths.length && (g.prefix === "" || paths[k]!.startsWith(g.prefix)); k++) {
      if (g.prefix !== "" && paths[k] !== g.prefix && !paths[k]!.startsWith(`${g.prefix}/`)) continue;
      for (const owner of literals.get(paths[k]!)!) add(g.owner, owner);
    }
  }
  // Two globs may share a file when one prefix contains the other: each glob is paired with the globs whose prefix is
  // one of its prefix's ancestors (or the same), found by look-up rather than by comparing every pair of globs.
  const byPrefix = groupBy(globs.map((g): [string, number] => [g.prefix, g.owner]));
  for (const g of globs) {
    for (const ancestor of ancestorsOf(g.prefix)) for (const owner of byPrefix.get(ancestor) ?? []) add(g.owner, owner);
  }
  return [...pairs].sort((a, b) => a - b).map((key) => [Math.floor(key / n), key % n]);
}

/** A directory and every directory containing it, "" (everywhere) included: `a/b` gives "", `a` and `a/b`. */
function ancestorsOf(prefix: string): string[] {
  const found = [""];
  for (let i = prefix.indexOf("/"); i !== -1; i = prefix.indexOf("/", i + 1)) if (i > 0) found.push(prefix.slice(0, i));
  if (prefix !== "") found.push(prefix);
  return found;
}

/** The first index whose value is ≥ `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Owns first, so a file both owned and touched is reported as owned. */
function entriesOf(ws: Workstream): Entry[] {
  const entry =
    (kind: Entry["kind"]) =>
    (ref: FileRef): Entry => ({ pattern: normalizePattern(ref.pattern), written: ref.pattern, kind, at: ref.at });
  return [...ws.owns.map(entry("owns")), ...ws.touches.map(entry("touches"))].filter((e) => e.pattern !== "");
}

/** The conflicts between workstreams `i` < `j`, one per shared file. */
function conflictsBetween(
  workstreams: readonly Workstream[],
  entries: readonly Entry[][],
  i: number,
  j: number,
  timings: ConflictTimings,
  rules: readonly ResolutionRule[],
  ids: ReadonlySet<string>,
): { conflict: FileConflict; a: Entry; b: Entry }[] {
  const pair = [workstreams[i]!.id, workstreams[j]!.id] as const;
  const byFile = new Map<string, { conflict: FileConflict; a: Entry; b: Entry }>();
  const days = { high: overlap(timings.high[i]!, timings.high[j]!), low: overlap(timings.low[i]!, timings.low[j]!) };
  for (const a of entries[i]!) {
    for (const b of entries[j]!) {
      if (!patternsMayOverlap(a.pattern, b.pattern)) continue;
      const file = sharedFile(a.pattern, b.pattern);
      if (byFile.has(file)) continue;
      const rule = rules.find((r) => ruleCovers(r.file, file) && ruleDecides(r.rule, pair, ids));
      const sides = [side(workstreams[i]!, a), side(workstreams[j]!, b)];
      const overlapping = days.high.length > 0 || days.low.length > 0;
      const conflict = { file, sides, overlapping, days: { low: days.low, high: days.high }, rule: rule ? { file: rule.file, rule: rule.rule } : null };
      byFile.set(file, { conflict, a, b });
    }
  }
  return [...byFile.values()];
}

/**
 * Whether a rule decides a conflict between two workstreams: a rule that names workstreams
 * ("TD2's version wins") speaks only for pairs that include one of them; a rule that names
 * none ("merge both sides") speaks for every pair.
 */
function ruleDecides(rule: string, pair: readonly [string, string], ids: ReadonlySet<string>): boolean {
  const named = (rule.match(/[\p{L}\p{N}_.-]+/gu) ?? []).map((t) => t.replace(/[.'’]+$/, "")).filter((t) => ids.has(t));
  return named.length === 0 || named.includes(pair[0]) || named.includes(pair[1]);
}

function side(ws: Workstream, entry: Entry): ConflictSide {
  return { workstream: ws.id, pattern: entry.written, kind: entry.kind };
}

/** The days both work on. */
function overlap(a: WorkstreamTiming, b: WorkstreamTiming): number[] {
  return dayRange(Math.max(a.start, b.start), Math.min(a.finish, b.finish));
}

function noRule(conflict: FileConflict, a: Entry, b: Entry, project: Project): Diagnostic {
  const [x, y] = conflict.sides as [ConflictSide, ConflictSide];
  const when = conflict.days.high.length > 0 ? `on ${daysPhrase(conflict.days.high)}` : `on ${daysPhrase(conflict.days.low)} at the lower end of durations`;
  return diagnostic(
    "warning",
    "conflict-no-rule",
    a.at,
    `${x.workstream} and ${y.workstream} both edit ${conflict.file} ${when}, and the resolution protocol has no rule for it`,
    `add a row for ${conflict.file} to the Resolution Protocol table in ${project.source.file}, or make one workstream depend on the other`,
    [{ ...b.at, message: `${y.workstream} ${y.kind} ${y.pattern}` }],
  );
}

/** A `duplicate-owner` error per file both workstreams own. */
function duplicateOwners(workstreams: readonly Workstream[], entries: readonly Entry[][], i: number, j: number): Diagnostic[] {
  const found = new Map<string, Diagnostic>();
  const owned = (k: number) => entries[k]!.filter((e) => e.kind === "owns");
  for (const a of owned(i)) {
    for (const b of owned(j)) {
      const file = sharedFile(a.pattern, b.pattern);
      if (found.has(file) || !patternsSurelyOverlap(a.pattern, b.pattern)) continue;
      const first = workstreams[i]!.id;
      const second = workstreams[j]!.id;
      found.set(
        file,
        diagnostic("error", "duplicate-owner", b.at, `${first} and ${second} both own ${file}, expected one owner`, `keep ${file} in one workstream's owns and move it to the other's touches`, [
          { ...a.at, message: `${first} owns ${a.written}` },
        ]),
      );
    }
  }
  return [...found.values()];
}

function compareConflicts(a: FileConflict, b: FileConflict): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return compareIds(a.sides[0]!.workstream, b.sides[0]!.workstream) || compareIds(a.sides[1]!.workstream, b.sides[1]!.workstream);
}
