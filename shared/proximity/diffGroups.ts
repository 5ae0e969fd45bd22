import type { GroupingResult } from "./types";
import { compareIds } from "./compareIds";

export interface MembershipChange {
  id: string;
  groupId: string;
}

export interface GroupDiff {
  /** People now in a group they were not in before (including moves between groups). */
  joined: MembershipChange[];
  /** People no longer in the group they were in (including moves between groups). */
  left: MembershipChange[];
  /** Every group id whose membership changed, created or dissolved ones included; sorted. */
  changedGroups: string[];
}

/**
 * Who joined and who left which group between two results. The room tells each
 * member of a changed group its current peers, and each leaver to hang up; people
 * in unchanged groups hear nothing, so their calls are never disturbed.
 * Lists are sorted by group id, then person id.
 */
export function diffGroups(prev: Pick<GroupingResult, "groupOf"> | null, next: Pick<GroupingResult, "groupOf">): GroupDiff {
  const joined: MembershipChange[] = [];
  const left: MembershipChange[] = [];
  const before = prev?.groupOf ?? new Map<string, string>();
  for (const [id, groupId] of next.groupOf) {
    if (before.get(id) !== groupId) joined.push({ id, groupId });
  }
  for (const [id, groupId] of before) {
    if (next.groupOf.get(id) !== groupId) left.push({ id, groupId });
  }
  const byGroupThenId = (a: MembershipChange, b: MembershipChange) => compareIds(a.groupId, b.groupId) || compareIds(a.id, b.id);
  joined.sort(byGroupThenId);
  left.sort(byGroupThenId);
  const changed = new Set<string>();
  for (const c of joined) changed.add(c.groupId);
  for (const c of left) changed.add(c.groupId);
  return { joined, left, changedGroups: [...changed].sort(compareIds) };
}
