import { compareIds } from "../model/compare-ids.js";

/**
 * The next free id of a collection: the most common prefix (`TD` among TD1–TD4, WS1–WS3; ties go to the first in
 * order) with one more than its highest number, zero-padded like the others (`R07` after `R06`). `prefix` when there is none.
 */
export function nextId(existing: readonly string[], prefix: string): string {
  const byPrefix = new Map<string, string[]>();
  for (const id of existing) {
    const m = /^([A-Za-z]+)(\d+)$/.exec(id);
    if (m) byPrefix.set(m[1]!, [...(byPrefix.get(m[1]!) ?? []), m[2]!]);
  }
  const ranked = [...byPrefix].sort((a, b) => b[1].length - a[1].length || compareIds(a[0], b[0]));
  const [chosen, numbers] = ranked[0] ?? [prefix, []];
  const next = String(Math.max(0, ...numbers.map(Number)) + 1);
  const width = numbers.length > 0 && numbers.every((n) => n.length === numbers[0]!.length && n.startsWith("0")) ? numbers[0]!.length : 0;
  return chosen + next.padStart(width, "0");
}

/** The next free ADR number: one more than the highest. */
export function nextNumber(existing: readonly number[]): number {
  return Math.max(0, ...existing) + 1;
}
