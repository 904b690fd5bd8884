import type { Plan } from "../../model/types.js";

/** A critical path as text, naming the wave merge that links two workstreams with no direct dependency. */
export function criticalPathText(plan: Pick<Plan, "workstreams" | "waves">, path: readonly string[]): string {
  // Looked up by id: a plan of thousands of workstreams has critical paths hundreds of steps long.
  const workstream = new Map(plan.workstreams.map((w) => [w.id, w]));
  const listedIn = new Map<string, number>();
  for (const wave of plan.waves) for (const ref of wave.workstreams) if (!listedIn.has(ref.id)) listedIn.set(ref.id, wave.number);
  const waveNumbers = new Set(plan.waves.map((w) => w.number));
  const waveOf = (id: string) => {
    const number = listedIn.get(id) ?? workstream.get(id)?.wave;
    return number !== undefined && (listedIn.has(id) || waveNumbers.has(number)) ? number : undefined;
  };
  const parts: string[] = [];
  path.forEach((id, i) => {
    const previous = path[i - 1];
    if (previous !== undefined) {
      const direct = workstream.get(id)?.dependsOn.some((d) => d.id === previous) ?? false;
      const wave = waveOf(previous);
      if (!direct && wave !== undefined) parts.push(`wave ${wave} merge`);
    }
    parts.push(id);
  });
  return parts.join(" → ");
}

/** A path short enough to read in a summary: its first and last `keep` steps around a count of the rest. */
export function abbreviatedPath(path: readonly string[], keep = 4): string {
  if (path.length <= 2 * keep + 1) return path.join(" → ");
  return [...path.slice(0, keep), `… ${path.length - 2 * keep} more …`, ...path.slice(-keep)].join(" → ");
}
