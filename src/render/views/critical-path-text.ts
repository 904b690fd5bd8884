import type { Plan } from "../../model/types.js";

/** A critical path as text, with the wave merges it passes through. */
export function criticalPathText(plan: Pick<Plan, "workstreams" | "waves">, path: readonly string[]): string {
  return criticalPathSteps(plan, path).join(" → ");
}

/**
 * The steps of a critical path: its workstreams and, between two of them, the wave merge the second waits for: the
 * first's wave when it is earlier than the second's (the second branches from that wave's integration branch), or
 * when the two are linked only by the merge.
 */
function criticalPathSteps(plan: Pick<Plan, "workstreams" | "waves">, path: readonly string[]): string[] {
  // Looked up by id: a plan of thousands of workstreams has critical paths hundreds of steps long.
  const workstream = new Map(plan.workstreams.map((w) => [w.id, w]));
  const listedIn = new Map<string, number>();
  for (const wave of plan.waves) for (const ref of wave.workstreams) listedIn.set(ref.id, Math.max(wave.number, listedIn.get(ref.id) ?? -Infinity));
  const waveNumbers = new Set(plan.waves.map((w) => w.number));
  // The wave that merges a workstream (the last of its parts), as the schedule has it.
  const waveOf = (id: string) => {
    const ws = workstream.get(id);
    const number = ws?.waves?.at(-1) ?? (ws?.wave !== undefined && waveNumbers.has(ws.wave) ? ws.wave : undefined) ?? listedIn.get(id);
    return number;
  };
  const parts: string[] = [];
  path.forEach((id, i) => {
    const previous = path[i - 1];
    if (previous !== undefined) {
      const direct = workstream.get(id)?.dependsOn.some((d) => d.id === previous) ?? false;
      const wave = waveOf(previous);
      const own = waveOf(id);
      if (wave !== undefined && (!direct || (own !== undefined && wave < own))) parts.push(`wave ${wave} merge`);
    }
    parts.push(id);
  });
  return parts;
}

/** A path short enough to read in a summary: its first and last `keep` steps around a count of the rest. */
export function abbreviatedPath(path: readonly string[], keep = 4): string {
  if (path.length <= 2 * keep + 1) return path.join(" → ");
  return [...path.slice(0, keep), `… ${path.length - 2 * keep} more …`, ...path.slice(-keep)].join(" → ");
}
