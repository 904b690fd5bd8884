import type { Gate, Wave } from "./types.js";

/** The quality gates of a wave: those it names, in its order, then those whose `applies_to` includes it, by id. */
export function gatesOfWave(gates: readonly Gate[], wave: Pick<Wave, "number" | "gates">): Gate[] {
  const named = wave.gates.map((g) => g.id);
  const order = (id: string) => (named.includes(id) ? named.indexOf(id) : named.length);
  return gates.filter((g) => named.includes(g.id) || g.appliesTo === "all" || g.appliesTo.includes(wave.number)).sort((a, b) => order(a.id) - order(b.id));
}
