/** `1 warning`, `2 warnings`: a count with its word, for messages and documents (regular English plurals only). */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
