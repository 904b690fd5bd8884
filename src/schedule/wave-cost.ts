/**
 * What the integration waves cost: how much later the plan ends with waves than on its
 * dependencies alone, and which wave merges cause it, in one line.
 *
 * The waves named are the critical merges a critical workstream waits for, and critical
 * merges set by nothing but their planned day; each is explained by what sets its own
 * merge day: its last workstreams, the previous wave, or its planned day.
 */
import type { Range } from "./durations.js";
import type { Network } from "./network.js";
import { isTight, slackOf, type Passes } from "./schedule.js";
import { nameIds } from "./message-words.js";
import { plural } from "../diagnostics/plural.js";

/** More reasons than this make the line hard to read. */
const MAX_REASONS = 3;

/** The facts of the headline schedule with waves that the explanation needs. */
export interface WaveCostInput {
  net: Network;
  passes: Passes;
  /** Workstream ids by index. */
  ids: readonly string[];
  /** Wave numbers in wave order. */
  waveNumbers: readonly number[];
}

/** The cost at each end, and a one-line summary explaining the headline (high) figure. */
export function waveCost(withWaves: Range, dependenciesOnly: Range, input: WaveCostInput): { days: Range; summary: string } {
  const cost = { low: Math.max(0, withWaves.low - dependenciesOnly.low), high: Math.max(0, withWaves.high - dependenciesOnly.high) };
  const lower = cost.low === cost.high ? "" : ` (${cost.low === 0 ? "none" : plural(cost.low, "day")} at the lower end of durations)`;
  if (cost.high === 0) return { days: cost, summary: `the waves add no days${lower}` };
  const reasons = blockingMerges(input).map((m) => explainMerge(input, m));
  const shown = reasons.length > MAX_REASONS ? [...reasons.slice(0, MAX_REASONS), `and ${reasons.length - MAX_REASONS} more`] : reasons;
  const because = shown.length > 0 ? `; ${shown.join("; ")}` : "";
  return { days: cost, summary: `the waves add ${plural(cost.high, "day")}${lower}${because}` };
}

/** Critical merges that a critical workstream waits for, or that only their planned day sets. */
function blockingMerges({ net, passes }: WaveCostInput): number[] {
  const merges: number[] = [];
  for (let m = net.workstreamCount; m < net.base.length; m++) {
    if (slackOf(passes, m) !== 0) continue;
    const holdsWork = net.succs[m]!.some((s) => s < net.workstreamCount && slackOf(passes, s) === 0 && isTight(net, passes, m, s));
    const onlyPlanned = passes.time[m]! > 0 && !net.preds[m]!.some((p) => isTight(net, passes, p, m));
    if (holdsWork || onlyPlanned) merges.push(m);
  }
  return merges;
}

/** "wave 3 waits for wave 2, which waits for TD4" / "wave 5 is planned for day 12". */
function explainMerge(input: WaveCostInput, merge: number): string {
  const { net, passes, ids, waveNumbers } = input;
  const waveName = (m: number): string => `wave ${waveNumbers[m - net.workstreamCount]!}`;
  const predicates: string[] = [];
  for (let m: number | undefined = merge; m !== undefined;) {
    const node: number = m;
    const tight: number[] = net.preds[node]!.filter((p) => isTight(net, passes, p, node));
    const members: string[] = tight.filter((p) => p < net.workstreamCount).map((p) => ids[p]!);
    const previous: number | undefined = tight.find((p) => p >= net.workstreamCount);
    if (members.length > 0) predicates.push(`waits for ${nameIds(members)}`);
    else if (previous !== undefined) predicates.push(`waits for ${waveName(previous)}`);
    else predicates.push(`is planned for day ${passes.time[node]!}`);
    m = members.length === 0 ? previous : undefined;
  }
  return `${waveName(merge)} ${predicates.join(", which ")}`;
}
