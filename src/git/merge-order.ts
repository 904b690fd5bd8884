/**
 * The merge order that conflicts least, pure: `step` merges one item onto a state and says how many files conflicted.
 * Small sets (up to `exhaustiveUpTo` items) are searched exhaustively, depth first, pruning any prefix that already
 * costs as much as the best order found (a merge never removes conflicts already counted, so a prefix's cost only
 * grows); larger ones are ordered greedily (at each position the item that conflicts least next). Ties keep the
 * planned order, so the answer is deterministic.
 */

/** What merging one item onto a state gives. */
export interface OrderStep<S> {
  /** Conflicting files of this merge. */
  cost: number;
  state: S;
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
    const next = await step(state, item);
    cost += next.cost;
    state = next.state;
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
    let best: { item: string; next: OrderStep<S> } | undefined;
    for (const item of left) {
      const next = await step(state, item);
      if (!best || next.cost < best.next.cost) best = { item, next };
    }
    order.push(best!.item);
    left.splice(left.indexOf(best!.item), 1);
    cost += best!.next.cost;
    state = best!.next.state;
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
  const search = async (prefix: string[], left: string[], state: S, cost: number): Promise<void> => {
    if (cost >= bound) return;
    if (left.length === 0) {
      best = { order: [...prefix], cost };
      bound = cost;
      return;
    }
    for (const item of left) {
      const next = await step(state, item);
      await search([...prefix, item], left.filter((x) => x !== item), next.state, cost + next.cost);
      if (bound === 0) return;
    }
  };
  await search([], [...items], start, 0);
  return best;
}
