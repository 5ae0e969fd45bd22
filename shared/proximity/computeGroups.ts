import { hasLineOfSight } from "../map/lineOfSight";
import { compareIds } from "./compareIds";
import { FOOT } from "../rules/constants";
import { ensureInt32 } from "./growable";
import { joinWithinCap } from "./joinWithinCap";
import { GroupingScratch } from "./scratch";
import { assertValidGroupingSettings, DEFAULT_TILE_SIZE, type GroupingSettings } from "./settings";
import type { GroupingInput, GroupingResult, PreviousGrouping, RefusedJoin } from "./types";
import { readPeople } from "./readPeople";

/**
 * Sound travels between heads, not feet: line of sight is tested from the middle
 * of each person's foot box, which movement keeps clear of walls. A feet point may
 * sit exactly on the top edge of a wall tile; the box's middle never does.
 */
export const EAR_OFFSET_Y = FOOT.height / 2;

/**
 * Conversation groups for everyone present (issue 4).
 *
 * Two people are *linked* when they stand in the same conversation zone (or both
 * in none) with no wall between them, and:
 * - **keep**: both were in the same group last time, both still take part, and they
 *   are within `leaveRadiusTiles` of each other (any status but focus/away);
 * - **form**: both are `available` and within `formRadiusTiles`.
 *
 * Then, in order:
 * 1. Each previous group keeps the members still joined to each other by keep
 *    links (a member drifting beyond the leave radius of all others drops out; a
 *    group pulled apart splits, the largest part keeping the id).
 * 2. Form links join people and groups transitively, closest pairs first, never
 *    past `maxGroupSize`. Step 1's groups are never broken up here, so existing
 *    members keep priority; a lone newcomer whose join to a full group is refused
 *    is reported in `refused`.
 * 3. Each group of two or more keeps the id of the largest surviving previous
 *    group in it; otherwise it gets a new id `g<seq>`.
 *
 * Focus and away people are left out entirely. Busy people have no form links:
 * they stay in the group they are in while within the leave radius, but no group
 * forms around them and nobody joins a group by standing next to them (a newcomer
 * needs an available member within the form radius).
 *
 * Linear in the number of people for bounded crowd density (spatial hash with
 * cell = leave radius); the result does not depend on input order.
 */
export function computeGroups(
  input: GroupingInput,
  previous: PreviousGrouping | null,
  settings: GroupingSettings,
  scratch: GroupingScratch = new GroupingScratch(),
): GroupingResult {
  assertValidGroupingSettings(settings);
  const map = input.map ?? null;
  const tileSize = map ? map.tileSize : (input.tileSize ?? DEFAULT_TILE_SIZE);
  if (!(tileSize > 0) || !Number.isFinite(tileSize)) {
    throw new RangeError(`computeGroups: tileSize must be a positive number, got ${tileSize}`);
  }
  const formR = settings.formRadiusTiles * tileSize;
  const leaveR = settings.leaveRadiusTiles * tileSize;
  const cap = settings.maxGroupSize;

  const count = readPeople(input.people, previous, scratch);
  findLinks(scratch, count, formR, leaveR, map);

  const { sets, trial, ids } = scratch;
  // Step 1: what survives of each previous group.
  sets.reset(count);
  joinWithinCap(scratch.keepEdges, sets, trial, cap, ids);
  chooseHeirs(scratch, count);

  // Step 2: new links, within the cap.
  scratch.refusedEdge = ensureInt32(scratch.refusedEdge, count);
  scratch.refusedEdge.fill(-1, 0, count);
  joinWithinCap(scratch.formEdges, sets, trial, cap, ids, scratch.refusedEdge);

  return buildResult(scratch, count, previous);
}

/** Collect keep and form links between nearby people. */
function findLinks(s: GroupingScratch, count: number, formR: number, leaveR: number, map: GroupingInput["map"]): void {
  const { xs, ys, zone, prevGroup, available, keepEdges, formEdges } = s;
  keepEdges.clear();
  formEdges.clear();
  const formR2 = formR * formR;
  const leaveR2 = leaveR * leaveR;
  s.hash.build(xs, ys, count, Math.max(formR, leaveR, 1));
  s.hash.forEachNearbyPair((i, j) => {
    const dx = xs[i] - xs[j];
    const dy = ys[i] - ys[j];
    const d2 = dx * dx + dy * dy;
    if (d2 > leaveR2 || zone[i] !== zone[j]) return;
    const keep = prevGroup[i] >= 0 && prevGroup[i] === prevGroup[j];
    const form = d2 <= formR2 && available[i] === 1 && available[j] === 1;
    if (!keep && !form) return;
    if (map && !hasLineOfSight(map, xs[i], ys[i] - EAR_OFFSET_Y, xs[j], ys[j] - EAR_OFFSET_Y)) return;
    if (keep) keepEdges.push(i, j, d2);
    if (form) formEdges.push(i, j, d2);
  });
}

/**
 * For each previous group, pick the part of it (a set of ≥ 2 after step 1) that
 * inherits its id: the largest, ties to the part holding the smallest member id.
 */
function chooseHeirs(s: GroupingScratch, count: number): void {
  const { sets, ids, prevGroup } = s;
  const groups = s.prevIds.length;
  s.heirRoot = ensureInt32(s.heirRoot, groups);
  s.heirRoot.fill(-1, 0, groups);
  s.heirOf = ensureInt32(s.heirOf, count);
  s.heirOf.fill(-1, 0, count);
  s.coreSize = ensureInt32(s.coreSize, count);
  const minMember = (s.minMember = ensureInt32(s.minMember, count));
  minMember.fill(-1, 0, count);
  for (let i = 0; i < count; i++) {
    if (prevGroup[i] < 0) continue;
    const r = sets.find(i);
    if (minMember[r] < 0 || ids[i] < ids[minMember[r]]) minMember[r] = i;
  }
  const heirRoot = s.heirRoot;
  for (let i = 0; i < count; i++) {
    const p = prevGroup[i];
    if (p < 0) continue;
    const r = sets.find(i);
    const size = sets.size[r];
    if (size < 2 || heirRoot[p] === r) continue;
    const best = heirRoot[p];
    if (best < 0 || size > sets.size[best] || (size === sets.size[best] && ids[minMember[r]] < ids[minMember[best]])) {
      heirRoot[p] = r;
    }
  }
  for (let p = 0; p < groups; p++) {
    const r = heirRoot[p];
    if (r < 0) continue;
    s.heirOf[r] = p;
    s.coreSize[r] = sets.size[r];
  }
}

/** Name the final groups and build the result maps in sorted order. */
function buildResult(s: GroupingScratch, count: number, previous: PreviousGrouping | null): GroupingResult {
  const { sets, ids, prevIds, heirOf, coreSize } = s;
  const chosenPrev = (s.chosenPrev = ensureInt32(s.chosenPrev, count));
  chosenPrev.fill(-1, 0, count);
  const minMember = s.minMember;
  minMember.fill(-1, 0, count);
  const members = s.membersOfRoot;
  const groupIdOf = s.groupIdOfRoot;
  const roots: number[] = [];
  const filled = (s.filled = ensureInt32(s.filled, count));

  for (let i = 0; i < count; i++) {
    const r = sets.find(i);
    if (sets.size[r] < 2) continue;
    let list = members[r];
    if (list === undefined) {
      // Exact size up front: no regrowth while filling.
      list = members[r] = new Array<string>(sets.size[r]);
      filled[r] = 0;
      roots.push(r);
    }
    list[filled[r]++] = ids[i];
    if (minMember[r] < 0 || ids[i] < ids[minMember[r]]) minMember[r] = i;
    // i was a step-1 root that inherits a previous id: offer that id to i's final group.
    const p = heirOf[i];
    if (p >= 0) {
      const q = chosenPrev[r];
      const size = coreSize[i];
      const bestSize = q < 0 ? 0 : coreSize[s.heirRoot[q]];
      if (size > bestSize || (size === bestSize && prevIds[p] < prevIds[q])) {
        chosenPrev[r] = p;
      }
    }
  }

  let seq = previous?.nextGroupSeq ?? 1;
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`computeGroups: previous.nextGroupSeq must be a positive integer, got ${seq}`);
  const fresh = roots.filter((r) => chosenPrev[r] < 0).sort((a, b) => compareIds(ids[minMember[a]], ids[minMember[b]]));
  for (const r of fresh) {
    let id = `g${seq++}`;
    while (s.prevIndex.has(id)) id = `g${seq++}`;
    groupIdOf[r] = id;
  }
  for (const r of roots) if (chosenPrev[r] >= 0) groupIdOf[r] = prevIds[chosenPrev[r]];

  roots.sort((a, b) => compareIds(groupIdOf[a]!, groupIdOf[b]!));
  const groups = new Map<string, readonly string[]>();
  const groupOf = new Map<string, string>();
  for (const r of roots) {
    const id = groupIdOf[r]!;
    const list = members[r]!.sort(compareIds);
    groups.set(id, list);
    for (const member of list) groupOf.set(member, id);
  }

  const refused: RefusedJoin[] = [];
  const { refusedEdge, formEdges } = s;
  for (let i = 0; i < count; i++) {
    const e = refusedEdge[i];
    if (e < 0) continue;
    const other = formEdges.a[e] === i ? formEdges.b[e] : formEdges.a[e];
    refused.push({ id: ids[i], groupId: groupIdOf[sets.find(other)]! });
  }
  refused.sort((a, b) => compareIds(a.id, b.id));

  // Clear per-root slots for the next call without reallocating the arrays.
  for (const r of roots) {
    members[r] = undefined;
    groupIdOf[r] = undefined;
  }
  return { groups, groupOf, refused, nextGroupSeq: seq };
}
