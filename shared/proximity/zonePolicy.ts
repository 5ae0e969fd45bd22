import type { WallGrid } from "../map/lineOfSight";
import type { Zone } from "../map/types";
import { compareIds } from "./compareIds";
import { computeGroups } from "./computeGroups";
import type { GroupingScratch } from "./scratch";
import type { GroupingSettings } from "./settings";
import type { GroupingResult, PresenceStatus, ProximityPerson, RefusedJoin } from "./types";

/**
 * The conversation pipeline the room runs (issue 4), on top of `computeGroups`:
 *
 * 1. **Zones decide first.** Each person stands in at most one zone (the innermost):
 *    - `quiet`: no conversations at all; nobody there is grouped.
 *    - `meeting`, `private`, `stage`: everyone taking part inside is in ONE
 *      conversation, whatever the distance, up to `maxGroupSize`. Private zones
 *      behave like meeting rooms until locking exists; stages like meeting rooms
 *      until one-to-many talks exist (issue 6).
 *    Zone conversations get the id `zone-<zoneId>`, stable for as long as it lasts.
 * 2. **Proximity** (`computeGroups`, with its hysteresis and walls) groups everyone
 *    in no zone; people inside zones are never part of it, so a zone's boundary
 *    separates inside from outside even at an open door.
 * 3. **Pins** merge: each pin (a set of session ids other features require to talk,
 *    e.g. an accepted knock) joins its present members and the conversations they
 *    are in into one, within the cap.
 *
 * Who takes part: `available` and `busy` people (busy people walked in on purpose);
 * `focus` and `away` people are never grouped by zones or proximity — only a pin,
 * which is an explicit agreement, includes them.
 *
 * The cap: in a zone, people already in its conversation keep their place and
 * newcomers are admitted by `enteredZoneAt` (earliest first, then id); the latest
 * arrivals past the cap are `refused` with the zone conversation's id.
 */

export interface PolicyPerson {
  id: string;
  /** Feet position in pixels. */
  x: number;
  y: number;
  status: PresenceStatus;
  /** The innermost zone the person's feet are in, or null. */
  zone: Pick<Zone, "id" | "type"> | null;
  /** When they entered their zone (any increasing clock); earlier arrivals win places under the cap. */
  enteredZoneAt?: number;
}

/** Session ids that must be in one conversation; `key` names the pin for its owner and the group id. */
export interface PinnedGroup {
  key: string;
  ids: readonly string[];
}

export interface PolicyInput {
  people: readonly PolicyPerson[];
  pins?: readonly PinnedGroup[];
  map?: WallGrid | null;
  tileSize?: number;
  /**
   * The cap for meeting zones instead of `maxGroupSize` (a media server carries
   * more people than peer to peer does); other zones and proximity keep theirs.
   */
  meetingCap?: number;
  /**
   * The cap for open-floor conversations (proximity, and pins that do not join
   * a zone's conversation) instead of `maxGroupSize`: with a media server an
   * open-floor conversation may grow past the peer-to-peer cap, and the room
   * routes it through the server once it does.
   */
  openFloorCap?: number;
}

/** Why someone is refused; the room tells them. */
export type RefusalReason = "zone-full" | "group-full" | "pin-full";

export interface PlannedRefusal extends RefusedJoin {
  reason: RefusalReason;
}

export interface ConversationPlan {
  /** Group id → member ids, sorted; every group has ≥ 2 members. */
  groups: ReadonlyMap<string, readonly string[]>;
  /** Person id → group id, grouped people only. */
  groupOf: ReadonlyMap<string, string>;
  /** Ungrouped people who stand by a full conversation, sorted by id. */
  refused: readonly PlannedRefusal[];
  /** The proximity step's own result: its hysteresis and id sequence for the next call. */
  proximity: GroupingResult;
}

const ZONE_GROUPED = new Set<string>(["meeting", "private", "stage"]);

/** The group id of a zone's conversation. */
export function zoneGroupId(zoneId: number): string {
  return `zone-${zoneId}`;
}

/** The group id of a pin that forms a conversation of its own. */
export function pinGroupId(key: string): string {
  return `pin-${key}`;
}

function takesPart(status: PresenceStatus): boolean {
  return status === "available" || status === "busy";
}

export function planConversations(
  input: PolicyInput,
  previous: ConversationPlan | null,
  settings: GroupingSettings,
  scratch?: GroupingScratch,
): ConversationPlan {
  const cap = settings.maxGroupSize;
  const groups = new Map<string, string[]>();
  const refused = new Map<string, PlannedRefusal>();
  const inZone = new Map<number, PolicyPerson[]>();
  const open: ProximityPerson[] = [];

  for (const p of input.people) {
    if (!takesPart(p.status)) continue;
    if (!p.zone) {
      open.push({ id: p.id, x: p.x, y: p.y, status: p.status, zone: null });
    } else if (ZONE_GROUPED.has(p.zone.type)) {
      let list = inZone.get(p.zone.id);
      if (!list) inZone.set(p.zone.id, (list = []));
      list.push(p);
    }
    // A quiet zone: nobody there is grouped.
  }

  // 1. Zones.
  for (const [zoneId, people] of inZone) {
    const id = zoneGroupId(zoneId);
    const wasIn = (p: PolicyPerson) => previous?.groupOf.get(p.id) === id;
    people.sort(
      (a, b) =>
        Number(wasIn(b)) - Number(wasIn(a)) ||
        (a.enteredZoneAt ?? 0) - (b.enteredZoneAt ?? 0) ||
        compareIds(a.id, b.id),
    );
    const zoneCap = people[0]?.zone?.type === "meeting" && input.meetingCap ? input.meetingCap : cap;
    const admitted = people.slice(0, zoneCap).map((p) => p.id);
    if (admitted.length >= 2) {
      groups.set(id, admitted);
      for (const p of people.slice(zoneCap)) refused.set(p.id, { id: p.id, groupId: id, reason: "zone-full" });
    }
  }

  // 2. Proximity, over people in no zone, continuing only its own previous groups.
  const prevProximity = previous?.proximity ?? null;
  const proximityPrev = prevProximity && {
    groupOf: new Map([...previous!.groupOf].filter(([, g]) => prevProximity.groups.has(g))),
    nextGroupSeq: prevProximity.nextGroupSeq,
  };
  const openCap = input.openFloorCap ?? cap;
  const openSettings = openCap === cap ? settings : { ...settings, maxGroupSize: openCap };
  const proximity = computeGroups({ people: open, map: input.map, tileSize: input.tileSize }, proximityPrev, openSettings, scratch);
  for (const [id, members] of proximity.groups) groups.set(id, [...members]);
  for (const r of proximity.refused) refused.set(r.id, { ...r, reason: "group-full" });

  // 3. Pins.
  const present = new Set(input.people.map((p) => p.id));
  const groupOf = new Map<string, string>();
  for (const [id, members] of groups) for (const m of members) groupOf.set(m, id);
  for (const pin of mergePins(input.pins ?? [])) {
    applyPin(pin, present, groups, groupOf, refused, cap, openCap);
  }

  for (const id of groupOf.keys()) refused.delete(id);
  const sortedGroups = new Map<string, string[]>();
  for (const id of [...groups.keys()].sort(compareIds)) sortedGroups.set(id, groups.get(id)!.sort(compareIds));
  return {
    groups: sortedGroups,
    groupOf,
    refused: [...refused.values()].sort((a, b) => compareIds(a.id, b.id)),
    proximity,
  };
}

/** Pins that share a person must be one conversation too: merge them (the smallest key names the result). */
function mergePins(pins: readonly PinnedGroup[]): PinnedGroup[] {
  const merged: { key: string; ids: string[] }[] = [];
  const owner = new Map<string, { key: string; ids: string[] }>();
  for (const pin of [...pins].sort((a, b) => compareIds(a.key, b.key))) {
    const overlapping = new Set<{ key: string; ids: string[] }>();
    for (const id of pin.ids) {
      const o = owner.get(id);
      if (o) overlapping.add(o);
    }
    let target: { key: string; ids: string[] };
    if (overlapping.size === 0) {
      target = { key: pin.key, ids: [] };
      merged.push(target);
    } else {
      const [first, ...rest] = overlapping;
      target = first;
      for (const other of rest) {
        for (const id of other.ids) target.ids.push(id);
        merged.splice(merged.indexOf(other), 1);
      }
    }
    for (const id of pin.ids) if (!target.ids.includes(id)) target.ids.push(id);
    for (const id of target.ids) owner.set(id, target);
  }
  return merged;
}

/**
 * Joins a pin's present members and every conversation they are in. The largest
 * of those conversations keeps its id (a knock into a meeting room joins the
 * meeting). When everything does not fit under the cap, the largest keeps all its
 * members and the pinned people join it in pin order while there is room; the
 * rest are refused.
 */
function applyPin(
  pin: PinnedGroup,
  present: ReadonlySet<string>,
  groups: Map<string, string[]>,
  groupOf: Map<string, string>,
  refused: Map<string, PlannedRefusal>,
  zoneCap: number,
  openCap: number,
): void {
  const pinned = pin.ids.filter((id) => present.has(id));
  if (pinned.length === 0) return;
  const containers = [...new Set(pinned.map((id) => groupOf.get(id)).filter((g): g is string => g !== undefined))];
  containers.sort((a, b) => groups.get(b)!.length - groups.get(a)!.length || compareIds(a, b));
  const baseId = containers[0] ?? pinGroupId(pin.key);
  const base = groups.get(baseId) ?? [];
  // A pin joining a zone's conversation keeps the zone cap; one on the open floor takes the open-floor cap.
  const cap = baseId.startsWith("zone-") ? zoneCap : openCap;
  const everyone = new Set(base);
  for (const g of containers.slice(1)) for (const m of groups.get(g)!) everyone.add(m);
  for (const id of pinned) everyone.add(id);
  if (everyone.size < 2) return;

  const moving: string[] = [];
  if (everyone.size <= cap) {
    for (const id of everyone) if (!base.includes(id)) moving.push(id);
  } else {
    for (const id of pinned) {
      if (base.includes(id)) continue;
      if (base.length + moving.length < cap) moving.push(id);
      else refused.set(id, { id, groupId: baseId, reason: "pin-full" });
    }
  }
  for (const id of moving) {
    const from = groupOf.get(id);
    if (from !== undefined) removeFrom(from, id, groups, groupOf);
    base.push(id);
    groupOf.set(id, baseId);
  }
  if (base.length >= 2) groups.set(baseId, base);
}

/** Takes one person out of a group, dissolving it when fewer than two remain. */
function removeFrom(groupId: string, id: string, groups: Map<string, string[]>, groupOf: Map<string, string>): void {
  const members = groups.get(groupId);
  if (!members) return;
  const rest = members.filter((m) => m !== id);
  groupOf.delete(id);
  if (rest.length >= 2) {
    groups.set(groupId, rest);
  } else {
    groups.delete(groupId);
    for (const m of rest) groupOf.delete(m);
  }
}
