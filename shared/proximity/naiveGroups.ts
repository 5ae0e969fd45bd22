import { hasLineOfSight } from "../map/lineOfSight";
import { EAR_OFFSET_Y } from "./computeGroups";
import { DEFAULT_TILE_SIZE, type GroupingSettings } from "./settings";
import type { GroupingInput, GroupingResult, PreviousGrouping, RefusedJoin } from "./types";

/**
 * A deliberately plain O(n²) statement of the grouping rules, for tests and the
 * benchmark to check `computeGroups` against. It checks every pair, sorts every
 * link globally and joins them one by one; it shares no code with the fast path
 * beyond line of sight. Not for production use.
 */
export function naiveGroups(input: GroupingInput, previous: PreviousGrouping | null, settings: GroupingSettings): GroupingResult {
  const tile = input.map ? input.map.tileSize : (input.tileSize ?? DEFAULT_TILE_SIZE);
  const formR2 = (settings.formRadiusTiles * tile) ** 2;
  const leaveR2 = (settings.leaveRadiusTiles * tile) ** 2;
  const cap = settings.maxGroupSize;
  const people = input.people.filter((p) => p.status === "available" || p.status === "busy");
  const prevOf = (id: string) => previous?.groupOf.get(id);

  type Link = { a: number; b: number; d2: number; lo: string; hi: string };
  const keep: Link[] = [];
  const form: Link[] = [];
  for (let a = 0; a < people.length; a++) {
    for (let b = a + 1; b < people.length; b++) {
      const pa = people[a]!;
      const pb = people[b]!;
      const d2 = (pa.x - pb.x) ** 2 + (pa.y - pb.y) ** 2;
      // Both kinds of link need at least the leave radius (leave ≥ form); skip the wall walk beyond it.
      if (d2 > leaveR2 || (pa.zone ?? null) !== (pb.zone ?? null)) continue;
      if (input.map && !hasLineOfSight(input.map, pa.x, pa.y - EAR_OFFSET_Y, pb.x, pb.y - EAR_OFFSET_Y)) continue;
      const [lo, hi] = pa.id < pb.id ? [pa.id, pb.id] : [pb.id, pa.id];
      const sameBefore = prevOf(pa.id) !== undefined && prevOf(pa.id) === prevOf(pb.id);
      if (sameBefore && d2 <= leaveR2) keep.push({ a, b, d2, lo, hi });
      if (pa.status === "available" && pb.status === "available" && d2 <= formR2) form.push({ a, b, d2, lo, hi });
    }
  }
  const order = (x: Link, y: Link) => x.d2 - y.d2 || (x.lo < y.lo ? -1 : x.lo > y.lo ? 1 : x.hi < y.hi ? -1 : x.hi > y.hi ? 1 : 0);

  // Sets as plain arrays of member indices.
  const setOf = people.map((_, i) => [i]);
  const join = (links: Link[], refusedFrom?: Map<number, number>) => {
    for (const l of [...links].sort(order)) {
      const sa = setOf[l.a]!;
      const sb = setOf[l.b]!;
      if (sa === sb) continue;
      if (sa.length + sb.length <= cap) {
        const merged = [...sa, ...sb];
        for (const m of merged) setOf[m] = merged;
      } else if (refusedFrom) {
        if (sa.length === 1 && !refusedFrom.has(l.a)) refusedFrom.set(l.a, l.b);
        if (sb.length === 1 && !refusedFrom.has(l.b)) refusedFrom.set(l.b, l.a);
      }
    }
  };
  const minId = (set: number[]) => set.map((i) => people[i]!.id).sort()[0]!;

  join(keep);
  // Which part of each previous group inherits its id.
  const heir = new Map<string, number[]>();
  for (const set of new Set(setOf)) {
    if (set.length < 2) continue;
    const g = prevOf(people[set[0]!]!.id)!;
    const best = heir.get(g);
    if (!best || set.length > best.length || (set.length === best.length && minId(set) < minId(best))) heir.set(g, set);
  }
  const coreOwner = new Map<number[], string>();
  for (const [g, set] of heir) coreOwner.set(set, g);
  const cores = [...coreOwner.keys()];

  const refusedFrom = new Map<number, number>();
  join(form, refusedFrom);

  const finals = [...new Set(setOf)].filter((s) => s.length >= 2);
  const idOf = new Map<number[], string>();
  for (const set of finals) {
    let bestId: string | undefined;
    let bestSize = 0;
    for (const core of cores) {
      if (!set.includes(core[0]!)) continue;
      const g = coreOwner.get(core)!;
      if (core.length > bestSize || (core.length === bestSize && g < bestId!)) {
        bestId = g;
        bestSize = core.length;
      }
    }
    if (bestId !== undefined) idOf.set(set, bestId);
  }
  let seq = previous?.nextGroupSeq ?? 1;
  const taken = new Set(people.map((p) => prevOf(p.id)).filter((g): g is string => g !== undefined));
  for (const set of finals.filter((s) => !idOf.has(s)).sort((x, y) => (minId(x) < minId(y) ? -1 : 1))) {
    let id = `g${seq++}`;
    while (taken.has(id)) id = `g${seq++}`;
    idOf.set(set, id);
  }

  const entries = finals.map((s) => [idOf.get(s)!, s.map((i) => people[i]!.id).sort()] as const);
  entries.sort((x, y) => (x[0] < y[0] ? -1 : 1));
  const groups = new Map<string, readonly string[]>(entries);
  const groupOf = new Map<string, string>();
  for (const [g, members] of entries) for (const m of members) groupOf.set(m, g);
  const refused: RefusedJoin[] = [];
  for (const [i, via] of refusedFrom) {
    if (setOf[i]!.length === 1) refused.push({ id: people[i]!.id, groupId: groupOf.get(people[via]!.id)! });
  }
  refused.sort((x, y) => (x.id < y.id ? -1 : 1));
  return { groups, groupOf, refused, nextGroupSeq: seq };
}
