/**
 * Integration waves: which wave merges each workstream, and the checks on that.
 *
 * A workstream is merged by a wave when its own `wave` field names the wave or the wave's
 * `workstreams` list names it; both count. A workstream that writes `waves: [2, 3]` merges in
 * parts: each earlier wave takes what is done by its day without waiting for it, and the last
 * one merges the rest (that wave waits for it, and its dependants for that wave). Any other
 * workstream named by several waves is scheduled with the earliest of them (once merged, it is
 * merged) after an error is reported. A wave
 * number named only in a workstream's `wave` field is a wave without a planned day (a
 * missing wave record is the reference validator's to report). Waves are ordered: wave n
 * merges no earlier than wave n−1 (each integrates on top of the previous one).
 *
 * A workstream no wave merges is scheduled as if it branched straight from its hard
 * dependencies, and its dependents branch from it. A waved workstream therefore depends on
 * a later wave when it needs, directly or through such unwaved workstreams, a workstream
 * merged by a later wave: `wave-order`.
 */
import { diagnostic, type Diagnostic, type Location, type Related } from "../diagnostics/diagnostic.js";
import type { Wave, Workstream } from "../model/types.js";
import { plannedDay } from "./durations.js";
import { edgeLocation, type DependencyGraph } from "./graph.js";
import { joinWords, NAMED, nameIds } from "./message-words.js";
import { plural } from "../diagnostics/plural.js";
import { compareSources } from "./source-order.js";
import type { ScheduleVariant, WaveTiming } from "./types.js";

/** One wave as scheduled: a wave record, or a number named only by workstreams. */
export interface PlannedWave {
  number: number;
  /** The planned merge day, null when none. */
  plannedDay: number | null;
  /** The workstreams it merges in full or the rest of (indices, ascending): the merge waits for them. */
  members: number[];
  /** The workstreams it takes a part of (indices, ascending): they merge in full in a later wave. */
  partial: number[];
  /** `memberAt[k]`: where `members[k]` was put in this wave (its entry in the list, or its record). */
  memberAt: Location[];
  /** The wave's record, null for a wave named only by workstreams. */
  record: Wave | null;
}

/** The waves and which one merges each workstream. */
export interface WavePlan {
  /** Waves ascending by number. */
  waves: PlannedWave[];
  /** `waveOf[i]`: index into `waves` of the wave merging workstream `i` (the last of its parts), −1 when none. */
  waveOf: number[];
  /** `partsOf[i]`: indices into `waves` of the earlier waves that take a part of workstream `i`, ascending. */
  partsOf: number[][];
}

/** A workstream merged by an earlier wave than a workstream it needs. */
export interface WaveOrderViolation {
  /** The dependent. */
  node: number;
  /** The dependency as written in the dependent's `depends_on`. */
  via: number;
  /** The workstream merged too late: `via` itself, or one it reaches through unwaved workstreams. */
  blocker: number;
}

interface Listing {
  wave: number;
  at: Location;
}

/** Resolves which wave merges each workstream and reports `wave-duplicate-merge`, `wave-mismatch` and `no-wave`. */
export function planWaves(workstreams: readonly Workstream[], indexOf: ReadonlyMap<string, number>, waves: readonly Wave[]): { plan: WavePlan; diagnostics: Diagnostic[] } {
  const records = uniqueWaveRecords(waves);
  const listings = listingsByWorkstream(records, workstreams.length, indexOf);
  const numbers = waveNumbers(records, workstreams);
  const planned: PlannedWave[] = numbers.map((number) => {
    const record = records.find((r) => r.number === number) ?? null;
    return { number, plannedDay: plannedDay(record?.day), members: [], partial: [], memberAt: [], record };
  });
  const position = new Map(numbers.map((n, k) => [n, k] as const));
  const diagnostics: Diagnostic[] = [];
  const partsOf: number[][] = workstreams.map(() => []);
  const waveOf = workstreams.map((ws, i) => {
    const listed = listings[i]!;
    if (ws.waves !== undefined) {
      diagnostics.push(...partsProblems(ws, ws.waves, listed));
      const parts = ws.waves.map((n) => position.get(n)!);
      const last = parts[parts.length - 1]!;
      partsOf[i] = parts.slice(0, -1);
      for (const k of partsOf[i]) planned[k]!.partial.push(i);
      planned[last]!.members.push(i);
      planned[last]!.memberAt.push(listed.find((l) => l.wave === ws.waves!.at(-1))?.at ?? ws.wavesAt ?? ws.source.at);
      return last;
    }
    diagnostics.push(...membershipProblems(ws, listed));
    const candidates = [...listed.map((l) => l.wave), ...(isWaveNumber(ws.wave) ? [ws.wave] : [])];
    if (candidates.length === 0) return -1;
    const number = Math.min(...candidates);
    const wave = planned[position.get(number)!]!;
    wave.members.push(i);
    wave.memberAt.push(listed.find((l) => l.wave === number)?.at ?? ws.source.at);
    return position.get(number)!;
  });
  return { plan: { waves: planned, waveOf, partsOf }, diagnostics };
}

/** The problems of a workstream that merges in parts: a `wave` or a wave's list that `waves` does not name. */
function partsProblems(ws: Workstream, parts: readonly number[], listed: readonly Listing[]): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const named = `\`waves: [${parts.join(", ")}]\``;
  if (isWaveNumber(ws.wave) && !parts.includes(ws.wave)) {
    problems.push(diagnostic("error", "wave-mismatch", ws.waveAt ?? ws.source.at, `${ws.id} says wave ${ws.wave} and ${named}`, `drop \`wave\`, or add ${ws.wave} to \`waves\``));
  }
  for (const l of listed) {
    if (parts.includes(l.wave)) continue;
    problems.push(
      diagnostic("error", "wave-mismatch", l.at, `wave ${l.wave} lists ${ws.id}, but ${ws.id} says ${named}`, `add ${l.wave} to ${ws.id}'s \`waves\`, or take ${ws.id} out of wave ${l.wave}`, [
        { ...(ws.wavesAt ?? ws.source.at), message: `${ws.id} says ${named}` },
      ]),
    );
  }
  return problems;
}

function isWaveNumber(n: number | undefined): n is number {
  return n !== undefined && Number.isFinite(n);
}

/** Wave records ascending by number; of two records with one number the first in source order wins. */
function uniqueWaveRecords(waves: readonly Wave[]): Wave[] {
  const sorted = waves.filter((w) => isWaveNumber(w.number)).sort(compareWaveRecords);
  return sorted.filter((w, i) => i === 0 || sorted[i - 1]!.number !== w.number);
}

function compareWaveRecords(a: Wave, b: Wave): number {
  return a.number - b.number || compareSources(a.source, b.source);
}

/** Every wave number: records and workstreams' `wave` fields, ascending. */
function waveNumbers(records: readonly Wave[], workstreams: readonly Workstream[]): number[] {
  const numbers = new Set(records.map((r) => r.number));
  for (const ws of workstreams) {
    if (isWaveNumber(ws.wave)) numbers.add(ws.wave);
    for (const n of ws.waves ?? []) numbers.add(n);
  }
  return [...numbers].sort((a, b) => a - b);
}

/** For each workstream, the waves whose lists name it (ascending; unknown ids ignored). */
function listingsByWorkstream(records: readonly Wave[], count: number, indexOf: ReadonlyMap<string, number>): Listing[][] {
  const listings: Listing[][] = Array.from({ length: count }, () => []);
  for (const record of records) {
    for (const ref of record.workstreams) {
      const i = indexOf.get(ref.id);
      if (i === undefined || listings[i]!.some((l) => l.wave === record.number)) continue;
      listings[i]!.push({ wave: record.number, at: ref.at });
    }
  }
  return listings;
}

/** The membership problems of one workstream. */
function membershipProblems(ws: Workstream, listed: readonly Listing[]): Diagnostic[] {
  const problems: Diagnostic[] = [];
  if (listed.length >= 2) problems.push(duplicateMerge(ws, listed));
  if (isWaveNumber(ws.wave) && listed.length > 0 && !listed.some((l) => l.wave === ws.wave)) {
    problems.push(mismatch(ws, ws.wave, listed[0]!));
  }
  if (!isWaveNumber(ws.wave) && listed.length === 0) {
    problems.push(diagnostic("warning", "no-wave", ws.source.at, `no wave merges ${ws.id}`, `add \`wave: N\` to ${ws.id}, or list ${ws.id} in a wave's workstreams`));
  }
  return problems;
}

function duplicateMerge(ws: Workstream, listed: readonly Listing[]): Diagnostic {
  const numbers = listed.map((l) => l.wave);
  const related: Related[] = listed.map((l) => ({ ...l.at, message: `wave ${l.wave} lists ${ws.id}` }));
  return diagnostic(
    "error",
    "wave-duplicate-merge",
    listed[1]!.at,
    `${ws.id} is merged by waves ${joinWords(numbers.map(String))}, expected exactly one`,
    `keep ${ws.id} in one wave's workstreams, or write \`waves: [${numbers.join(", ")}]\` when each wave merges a part of it; it is scheduled with wave ${Math.min(...numbers)}`,
    related,
  );
}

function mismatch(ws: Workstream, own: number, listing: Listing): Diagnostic {
  const related: Related[] = [{ ...(ws.waveAt ?? ws.source.at), message: `${ws.id} says wave ${own}` }];
  return diagnostic(
    "error",
    "wave-mismatch",
    listing.at,
    `wave ${listing.wave} lists ${ws.id}, but ${ws.id} says wave ${own}`,
    `make ${ws.id}'s \`wave\` and the wave's workstreams agree, or drop one of them; it is scheduled with wave ${Math.min(own, listing.wave)}`,
    related,
  );
}

/**
 * Dependencies that a wave cannot honour: a waved workstream needing a workstream merged by a
 * later wave, directly or through workstreams no wave merges. `deps` must be acyclic and
 * `order` a topological order of it.
 */
export function findWaveOrderViolations(deps: readonly (readonly number[])[], order: readonly number[], plan: WavePlan): WaveOrderViolation[] {
  const latest = latestWaveThroughUnwaved(deps, order, plan.waveOf);
  const violations: WaveOrderViolation[] = [];
  deps.forEach((targets, u) => {
    const own = plan.waveOf[u]!;
    if (own < 0) return;
    for (const v of targets) {
      const blocker = plan.waveOf[v]! >= 0 ? v : latest[v]!;
      if (blocker >= 0 && plan.waveOf[blocker]! > own) violations.push({ node: u, via: v, blocker });
    }
  });
  return violations;
}

/**
 * For each unwaved workstream, the waved workstream with the latest wave it needs through
 * unwaved workstreams only (ties: the smaller id), −1 when none. Waved ones map to −1.
 */
function latestWaveThroughUnwaved(deps: readonly (readonly number[])[], order: readonly number[], waveOf: readonly number[]): number[] {
  const latest = deps.map(() => -1);
  for (const v of order) {
    if (waveOf[v]! >= 0) continue;
    for (const d of deps[v]!) {
      const candidate = waveOf[d]! >= 0 ? d : latest[d]!;
      if (candidate < 0) continue;
      const best = latest[v]!;
      if (best < 0 || waveOf[candidate]! > waveOf[best]! || (waveOf[candidate] === waveOf[best] && candidate < best)) latest[v] = candidate;
    }
  }
  return latest;
}

/** A `wave-order` error per violation, at the dependency as written. */
export function waveOrderDiagnostics(violations: readonly WaveOrderViolation[], graph: DependencyGraph, plan: WavePlan): Diagnostic[] {
  return violations.map(({ node, via, blocker }) => {
    const id = graph.ids[node]!;
    const blockerId = graph.ids[blocker]!;
    const own = plan.waves[plan.waveOf[node]!]!.number;
    const later = plan.waves[plan.waveOf[blocker]!]!.number;
    const through = via === blocker ? "" : ` through ${graph.ids[via]!}`;
    return diagnostic(
      "error",
      "wave-order",
      edgeLocation(graph, node, via),
      `wave ${own} merges ${id} before wave ${later} merges ${blockerId}, which it depends on${through}`,
      `move ${id} to wave ${later} or later, or ${blockerId} to wave ${own} or earlier`,
    );
  });
}

/** A `wave-late` warning for each wave merging after its planned day in the headline schedule, naming what holds it back. */
export function waveLateDiagnostics(plan: WavePlan, high: ScheduleVariant, low: ScheduleVariant): Diagnostic[] {
  const found: Diagnostic[] = [];
  plan.waves.forEach((wave, k) => {
    const h = high.waves[k]!;
    if (wave.record === null || h.plannedDay === null || h.lateBy <= 0) return;
    const l = low.waves[k]!;
    const lower = l.lateBy === h.lateBy ? "" : `; at the lower end of durations ${l.lateBy > 0 ? `it is ${plural(l.lateBy, "day")} late` : "it is on time"}`;
    // `members` and `memberAt` are in the same order; name at most NAMED late workstreams.
    const late = new Set(h.lateWorkstreams.slice(0, NAMED));
    const related: Related[] = wave.members.flatMap((i, pos) => {
      const timing = high.workstreams[i]!;
      return late.has(timing.id) ? [{ ...wave.memberAt[pos]!, message: `${timing.id} finishes on day ${timing.finish}` }] : [];
    });
    const message = `wave ${wave.number} is planned for day ${h.plannedDay} but merges on day ${h.mergeDay}, ${plural(h.lateBy, "day")} late: ${lateReasons(h, high.waves[k - 1])}${lower}`;
    found.push(diagnostic("warning", "wave-late", wave.record.dayAt ?? wave.record.source.at, message, lateHint(h), related));
  });
  return found;
}

function lateReasons(h: WaveTiming, previous: WaveTiming | undefined): string {
  const parts: string[] = [];
  if (h.lateWorkstreams.length > 0) parts.push(`${nameIds(h.lateWorkstreams)} ${h.lateWorkstreams.length === 1 ? "finishes" : "finish"} after it`);
  if (h.waitsForWave !== null && previous !== undefined) parts.push(`it waits for wave ${h.waitsForWave}, which merges on day ${previous.mergeDay}`);
  return parts.join("; ");
}

function lateHint(h: WaveTiming): string {
  const moves = h.lateWorkstreams.length > 0 ? `, or move ${nameIds(h.lateWorkstreams)} to a later wave` : "";
  const earlier = h.waitsForWave !== null ? `, or make wave ${h.waitsForWave} merge earlier` : "";
  return `plan wave ${h.number} for day ${h.mergeDay} or later${moves}${earlier}`;
}
