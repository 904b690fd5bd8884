/** Words for diagnostic messages and summaries: lists of names and counts of days. */

/** Messages name at most this many workstreams. */
export const NAMED = 10;

/** "A, B and C"; past NAMED ids, "A, B, … and 40 more". */
export function nameIds(ids: readonly string[]): string {
  return ids.length <= NAMED ? joinWords(ids) : `${ids.slice(0, NAMED).join(", ")} and ${ids.length - NAMED} more`;
}

/** "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]!}`;
}
