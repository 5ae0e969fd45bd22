import type { EdgeList } from "./edgeList";
import type { UnionFind } from "./unionFind";

/**
 * Join the sets of `sets` along `edges`, never letting a set grow past `cap`.
 *
 * The result is exactly what joining edge by edge in a fixed global order would
 * give — closest pair first, ties by the pair's ids — but only the edges that can
 * meet the cap pay for that order: a trial join without the cap finds the
 * components; edges inside a component no larger than `cap` are joined as they
 * come (order cannot matter there), edges between sets that are already too big
 * to join are dropped (sets only grow), and only the rest are sorted. So the
 * usual call is linear and still independent of input order.
 *
 * When `refusedEdge` is given, every person left alone who has an edge gets
 * `refusedEdge[person]` = the first such edge in that order, else -1. A person
 * left alone with a link was refused by every set they touched: had any of those
 * sets had room when the link's turn came, they would have joined it.
 */
export function joinWithinCap(
  edges: EdgeList,
  sets: UnionFind,
  trial: UnionFind,
  cap: number,
  ids: readonly string[],
  refusedEdge?: Int32Array,
): void {
  const { a, b, d2 } = edges;
  trial.copyFrom(sets);
  for (let e = 0; e < edges.length; e++) trial.union(a[e], b[e]);

  const before = (e: number, f: number) => d2[e] - d2[f] || comparePair(ids, a[e], b[e], a[f], b[f]);
  let contested: number[] | null = null;
  for (let e = 0; e < edges.length; e++) {
    const ra = sets.find(a[e]);
    const rb = sets.find(b[e]);
    // Most links in a steady room join two members of the same group: nothing to decide.
    if (ra === rb) continue;
    if (trial.sizeOf(ra) <= cap) sets.linkRoots(ra, rb);
    else if (sets.size[ra] + sets.size[rb] <= cap) (contested ??= []).push(e);
  }
  if (contested !== null) {
    contested.sort(before);
    for (const e of contested) {
      const ra = sets.find(a[e]);
      const rb = sets.find(b[e]);
      if (ra !== rb && sets.size[ra] + sets.size[rb] <= cap) sets.linkRoots(ra, rb);
    }
  }
  if (!refusedEdge) return;
  for (let e = 0; e < edges.length; e++) {
    for (let side = 0; side < 2; side++) {
      const person = side === 0 ? a[e] : b[e];
      if (sets.size[sets.find(person)] !== 1) continue;
      const best = refusedEdge[person];
      if (best < 0 || before(e, best) < 0) refusedEdge[person] = e;
    }
  }
}

/** Order pairs by their smaller id, then their larger id (plain code-unit order, locale-free). */
function comparePair(ids: readonly string[], a1: number, b1: number, a2: number, b2: number): number {
  const x = ids[a1];
  const y = ids[b1];
  const u = ids[a2];
  const v = ids[b2];
  const lo1 = x < y ? x : y;
  const lo2 = u < v ? u : v;
  if (lo1 !== lo2) return lo1 < lo2 ? -1 : 1;
  const hi1 = x < y ? y : x;
  const hi2 = u < v ? v : u;
  if (hi1 !== hi2) return hi1 < hi2 ? -1 : 1;
  return 0;
}
