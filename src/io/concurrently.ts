/** Maps `items` through `fn` with at most `limit` calls in flight; results keep the order of `items`. */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  // Each runner takes the next item as soon as its previous one settles, so one slow file never stalls a whole batch.
  const runner = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
  return results;
}

/**
 * Calls `fn` on each item of `items` as it is pulled, with at most `limit` calls in flight: a lazy source (documents
 * rendered on demand) is read only as fast as the calls finish. Settles only when no call is left running, so a
 * caller that cleans up after a failure never races one; then rejects with the first failure, if any.
 */
export async function forEachConcurrently<T>(items: Iterable<T>, limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const iterator = items[Symbol.iterator]();
  let failure: { error: unknown } | undefined;
  const runner = async () => {
    while (!failure) {
      let next: IteratorResult<T>;
      try {
        next = iterator.next();
      } catch (error) {
        failure ??= { error };
        return;
      }
      if (next.done) return;
      try {
        await fn(next.value);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: limit }, runner));
  if (failure) throw failure.error;
}
