/** Waits until a growing output, from index `from` on, matches `pattern`; returns the index after the match. */
export async function until(read: () => string, pattern: RegExp, from: number, ms = 20_000): Promise<number> {
  const deadline = Date.now() + ms;
  for (;;) {
    const match = pattern.exec(read().slice(from));
    if (match) return from + match.index + match[0].length;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output so far:\n${read()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
