import type { EdgeList } from "./edgeList";
import type { UnionFind } from "./unionFind";

/**
 * Join the sets of `sets` along `edges`, never letting a set grow past `cap`.
 *
 * The result is exactly what joining edge by edge in a fixed global order would
 * give — closest pair first, ties by the pair's ids — but only the edges that can
 * meet the cap pay for that order: a trial join without the cap finds the
 * components; edges inside a component no larger than `cap` are joined as they
 * come (order cannot matter there), and only edges of oversized components are
 * sorted. So the usual call is linear and still independent of input order.
 *
 * When `refusedVia` is given, a lone person whose join to a full set is refused
 * gets `refusedVia[person]` = a member of that set (the first refusal, the closest, wins).
 */
export function joinWithinCap(
  edges: EdgeList,
  sets: UnionFind,
  trial: UnionFind,
  cap: number,
  ids: readonly string[],
  refusedVia?: Int32Array,
): void {
  const { a, b } = edges;
  trial.copyFrom(sets);
  for (let e = 0; e < edges.length; e++) trial.union(a[e], b[e]);

  let contested: number[] | null = null;
  for (let e = 0; e < edges.length; e++) {
    if (trial.sizeOf(a[e]) <= cap) sets.union(a[e], b[e]);
    else (contested ??= []).push(e);
  }
  if (contested === null) return;

  const d2 = edges.d2;
  contested.sort((e, f) => d2[e] - d2[f] || comparePair(ids, a[e], b[e], a[f], b[f]));
  for (const e of contested) {
    const ra = sets.find(a[e]);
    const rb = sets.find(b[e]);
    if (ra === rb) continue;
    const sa = sets.size[ra];
    const sb = sets.size[rb];
    if (sa + sb <= cap) {
      sets.linkRoots(ra, rb);
    } else if (refusedVia) {
      if (sa === 1 && refusedVia[a[e]] < 0) refusedVia[a[e]] = b[e];
      if (sb === 1 && refusedVia[b[e]] < 0) refusedVia[b[e]] = a[e];
    }
  }
}

/** Order pairs by their smaller id, then their larger id (plain code-unit order, locale-free). */
function comparePair(ids: readonly string[], a1: number, b1: number, a2: number, b2: number): number {
  const [lo1, hi1] = ids[a1] < ids[b1] ? [ids[a1], ids[b1]] : [ids[b1], ids[a1]];
  const [lo2, hi2] = ids[a2] < ids[b2] ? [ids[a2], ids[b2]] : [ids[b2], ids[a2]];
  if (lo1 !== lo2) return lo1 < lo2 ? -1 : 1;
  if (hi1 !== hi2) return hi1 < hi2 ? -1 : 1;
  return 0;
}
