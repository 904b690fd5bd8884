/**
 * The merge order that conflicts least, pure: `step` merges one item onto a state and says how many files conflicted.
 * Small sets (up to `exhaustiveUpTo` items) are searched exhaustively, depth first, pruning any prefix that already
 * costs as much as the best order found (a merge never removes conflicts already counted, so a prefix's cost only
 * grows, and a state reached again with no lower cost is not searched again); larger ones are ordered greedily (at each position the item that conflicts least next). Ties keep the
 * planned order, so the answer is deterministic.
 */

/** How many candidate merges the greedy order tries at once (each is a git process). */
const AT_ONCE = 8;

/** What merging one item onto a state gives: its cost at once, the state after it only when asked (it costs more). */
export interface OrderStep<S> {
  /** Conflicting files of this merge. */
  cost: number;
  next(): Promise<S>;
}

/** An order of the items and what it costs in all. */
export interface MergeOrder {
  order: string[];
  cost: number;
}

/** The cost of merging `items` in this order from `start`. */
export async function orderCost<S>(items: readonly string[], start: S, step: (state: S, item: string) => Promise<OrderStep<S>>): Promise<number> {
  let state = start;
  let cost = 0;
  for (const item of items) {
    const done = await step(state, item);
    cost += done.cost;
    state = await done.next();
  }
  return cost;
}

/** Greedy: at each position the remaining item whose merge conflicts least (the earliest planned on a tie). */
export async function greedyOrder<S>(items: readonly string[], start: S, step: (state: S, item: string) => Promise<OrderStep<S>>): Promise<MergeOrder> {
  const left = [...items];
  const order: string[] = [];
  let state = start;
  let cost = 0;
  while (left.length > 0) {
    // The candidates are independent of each other: evaluated together, the earliest planned wins a tie.
    const from = state;
    const steps: OrderStep<S>[] = [];
    for (let i = 0; i < left.length; i += AT_ONCE) steps.push(...(await Promise.all(left.slice(i, i + AT_ONCE).map((item) => step(from, item)))));
    let k = 0;
    steps.forEach((s, i) => {
      if (s.cost < steps[k]!.cost) k = i;
    });
    order.push(left[k]!);
    left.splice(k, 1);
    cost += steps[k]!.cost;
    state = await steps[k]!.next();
  }
  return { order, cost };
}

/**
 * The order of `items` (planned order) that conflicts least, when it conflicts less than `plannedCost`; null when no
 * order does better than the planned one.
 */
export async function leastConflictingOrder<S>(
  items: readonly string[],
  start: S,
  plannedCost: number,
  step: (state: S, item: string) => Promise<OrderStep<S>>,
  exhaustiveUpTo = 6,
): Promise<MergeOrder | null> {
  if (plannedCost === 0 || items.length < 2) return null;
  const greedy = await greedyOrder(items, start, step);
  let best: MergeOrder | null = greedy.cost < plannedCost ? greedy : null;
  if (items.length > exhaustiveUpTo) return best;
  let bound = best?.cost ?? plannedCost;
  // Orders that reach the same state with the same items left go on alike: only the cheapest way there is searched on.
  const seen = new Map<string, number>();
  const search = async (prefix: string[], left: string[], state: S, cost: number): Promise<void> => {
    if (cost >= bound) return;
    const key = `${String(state)}\0${[...left].sort().join("\0")}`;
    if ((seen.get(key) ?? Infinity) <= cost) return;
    seen.set(key, cost);
    if (left.length === 0) {
      best = { order: [...prefix], cost };
      bound = cost;
      return;
    }
    for (const item of left) {
      const done = await step(state, item);
      if (cost + done.cost >= bound) continue;
      await search(
        [...prefix, item],
        left.filter((x) => x !== item),
        await done.next(),
        cost + done.cost,
      );
      if (bound === 0) return;
    }
  };
  await search([], [...items], start, 0);
  return best;
}
