/** `1 warning`, `2 warnings`: a count with its word, for messages and documents; an irregular plural is given (`trespasses`). */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
