/**
 * The forecast of a wave's merges: each workstream branch (and each part of one merged in parts) merged in the
 * planned order onto the wave's start, simulated (merge-simulation.ts), with the files each merge conflicts on, their
 * hunks, and which earlier merge of the wave changed the same file; then the order that conflicts least, when it
 * conflicts less than the planned one. Nothing in the repository changes: no checkout, no index, no ref.
 */
import { MissingRefError } from "../diagnostics/errors.js";
import type { ExecutionModel, WaveExecution } from "../schedule/types.js";
import { branchCommit, changedPaths, changesBetween, mergeBase, resolveCommit } from "./branch-changes.js";
import type { ConflictHunk } from "./conflict-markers.js";
import { leastConflictingOrder, type OrderStep } from "./merge-order.js";
import { commitTree, keepOurs, simulateMerge, type MergeResult } from "./merge-simulation.js";

/** A file one merge conflicts on. */
export interface ForecastConflict {
  path: string;
  kinds: string[];
  hunks: ConflictHunk[];
  /** The earlier merges of the wave whose branches changed this file; empty when it is the wave's start that did. */
  collidesWith: string[];
}

/** One merge of the wave, in the planned order. */
export interface ForecastMerge {
  id: string;
  branch: string;
  /** A part of a workstream that a later wave merges the rest of. */
  part: boolean;
  clean: boolean;
  conflicts: ForecastConflict[];
}

/** The forecast of one wave. */
export interface WaveForecast {
  wave: number;
  /** Its integration branch. */
  branch: string;
  /** What the simulation starts from: a ref, or the simulated end of the previous wave. */
  from: string;
  merges: ForecastMerge[];
  /** Workstreams the wave merges whose branches do not exist yet (left out of the simulation). */
  missing: { id: string; branch: string }[];
  /** Conflicting files over all merges in the planned order. */
  conflicts: number;
  /** A better order, when one conflicts less than the planned order. */
  suggestion: { order: string[]; conflicts: number } | null;
  /** The unreferenced commit the simulated wave ends at (conflicts resolved in favour of the earlier side). */
  result: string;
}

/** Simulates the waves given (numbers, in order); with `chain`, each wave starts where the previous one ended. */
export async function forecastWaves(
  cwd: string,
  execution: ExecutionModel,
  numbers: readonly number[],
  options: { chain: boolean; env?: NodeJS.ProcessEnv; position: ReadonlyMap<string, number>; exhaustiveUpTo?: number },
): Promise<WaveForecast[]> {
  const forecasts: WaveForecast[] = [];
  let previous: WaveForecast | undefined;
  for (const number of numbers) {
    const wave = execution.waves.find((w) => w.number === number);
    if (!wave) continue;
    const start = options.chain && previous ? { ref: `wave ${previous.wave} (simulated)`, commit: previous.result } : await waveStart(cwd, wave, execution);
    previous = await forecastWave(cwd, execution, wave, start, options);
    forecasts.push(previous);
  }
  return forecasts;
}

/** Where a wave starts: its `from` (the previous integration branch, or the base) when it exists, else the project's base. */
async function waveStart(cwd: string, wave: WaveExecution, execution: ExecutionModel): Promise<{ ref: string; commit: string }> {
  for (const ref of [wave.from, execution.baseRef, execution.baseBranch]) {
    const commit = await resolveCommit(cwd, ref);
    if (commit !== undefined) return { ref, commit };
  }
  throw new MissingRefError([...new Set([wave.from, execution.baseRef, execution.baseBranch])]);
}

async function forecastWave(
  cwd: string,
  execution: ExecutionModel,
  wave: WaveExecution,
  start: { ref: string; commit: string },
  options: { env?: NodeJS.ProcessEnv; position: ReadonlyMap<string, number>; exhaustiveUpTo?: number },
): Promise<WaveForecast> {
  const env = options.env;
  const ids = [...wave.workstreams, ...wave.parts].sort((a, b) => (options.position.get(a) ?? 0) - (options.position.get(b) ?? 0));
  const branchOf = new Map(execution.workstreams.map((w) => [w.id, w.branch]));
  const tips = new Map<string, string>();
  const missing: { id: string; branch: string }[] = [];
  for (const id of ids) {
    const tip = await branchCommit(cwd, branchOf.get(id)!);
    if (tip === undefined) missing.push({ id, branch: branchOf.get(id)! });
    else tips.set(id, tip);
  }
  const present = ids.filter((id) => tips.has(id));

  // The planned order is simulated first, with the conflicting hunks; the order search needs only the counts, and the
  // commit that carries a merge forward only for the merges it goes on from.
  const merged = new Map<string, Promise<MergeResult>>();
  const carried = new Map<string, Promise<string>>();
  const mergeOf = (state: string, id: string, hunks: boolean) => {
    const key = `${state}\0${id}`;
    let result = merged.get(key);
    if (!result) merged.set(key, (result = simulateMerge(cwd, state, tips.get(id)!, env, { hunks })));
    return result;
  };
  // A state is known by the branches merged into it and its tree: two orders that end in the same tree with the same
  // branches have the same real ancestors, so every later merge goes the same way, and they share one commit.
  const mergedInto = new Map<string, readonly string[]>([[start.commit, []]]);
  const canonical = new Map<string, Promise<string>>();
  const carry = (state: string, id: string, result: MergeResult) => {
    const key = `${state}\0${id}`;
    let next = carried.get(key);
    if (!next) {
      const tip = tips.get(id)!;
      const ids = [...new Set([...mergedInto.get(state)!, id])].sort();
      next = (
        result.clean
          ? Promise.resolve(result.tree)
          : keepOurs(
              cwd,
              result.tree,
              state,
              result.conflicts.map((c) => c.path),
              env,
            )
      ).then((tree) => {
        const same = `${ids.join("\0")}\0${tree}`;
        let commit = canonical.get(same);
        if (!commit) canonical.set(same, (commit = commitTree(cwd, tree, [state, tip], `paraplan forecast: merge ${id}`, env)));
        return commit.then((c) => {
          mergedInto.set(c, ids);
          return c;
        });
      });
      carried.set(key, next);
    }
    return next;
  };
  const step = async (state: string, id: string): Promise<OrderStep<string>> => {
    const result = await mergeOf(state, id, false);
    return { cost: result.conflicts.length, next: () => carry(state, id, result) };
  };

  // The files each branch changed since it left the wave's start: who an earlier merge collided with.
  const changed = new Map<string, Set<string>>();
  for (const id of present) {
    const base = (await mergeBase(cwd, start.commit, tips.get(id)!)) ?? start.commit;
    changed.set(id, new Set(changedPaths(await changesBetween(cwd, base, tips.get(id)!))));
  }

  const merges: ForecastMerge[] = [];
  let state = start.commit;
  for (const [k, id] of present.entries()) {
    const result = await mergeOf(state, id, true);
    const next = await carry(state, id, result);
    const earlier = present.slice(0, k);
    merges.push({
      id,
      branch: branchOf.get(id)!,
      part: wave.parts.includes(id),
      clean: result.clean,
      conflicts: result.conflicts.map((c) => ({ ...c, collidesWith: earlier.filter((e) => changed.get(e)!.has(c.path)) })),
    });
    state = next;
  }
  const conflicts = merges.reduce((n, m) => n + m.conflicts.length, 0);
  const better = await leastConflictingOrder(present, start.commit, conflicts, step, options.exhaustiveUpTo);
  return {
    wave: wave.number,
    branch: wave.branch,
    from: start.ref,
    merges,
    missing,
    conflicts,
    suggestion: better ? { order: better.order, conflicts: better.cost } : null,
    result: state,
  };
}
