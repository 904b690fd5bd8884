/** Groups values under keys: a list per key, in the order the values come. */
export function groupBy<K, V>(pairs: Iterable<[K, V]>): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const [key, value] of pairs) {
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}
