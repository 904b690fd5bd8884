import type { Plan } from "../../model/types.js";

/** A critical path as text, naming the wave merge that links two workstreams with no direct dependency. */
export function criticalPathText(plan: Pick<Plan, "workstreams" | "waves">, path: readonly string[]): string {
  const parts: string[] = [];
  path.forEach((id, i) => {
    const previous = path[i - 1];
    if (previous !== undefined) {
      const direct = plan.workstreams.find((w) => w.id === id)?.dependsOn.some((d) => d.id === previous) ?? false;
      const wave = plan.waves.find((w) => w.workstreams.some((r) => r.id === previous)) ?? plan.waves.find((w) => w.number === plan.workstreams.find((x) => x.id === previous)?.wave);
      if (!direct && wave) parts.push(`wave ${wave.number} merge`);
    }
    parts.push(id);
  });
  return parts.join(" → ");
}
