import { suggest } from "../parse/suggest.js";

/** The item with this id: exactly, else ignoring case (`td2` finds `TD2`). */
export function findById<T extends { id: string }>(items: readonly T[], id: string): T | undefined {
  return items.find((item) => item.id === id) ?? items.find((item) => item.id.toLowerCase() === id.toLowerCase());
}

/** What to say when an id names nothing: the ids there are, and the closest as a hint. */
export function unknownId(kind: string, id: string, ids: readonly string[]): { message: string; hint?: string } {
  const guess = suggest(id, ids);
  return { message: `no ${kind} \`${id}\`; the plan has: ${ids.join(", ") || "none"}`, ...(guess ? { hint: `Did you mean \`${guess}\`?` } : {}) };
}
