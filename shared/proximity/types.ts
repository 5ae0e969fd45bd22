import type { WallGrid } from "../map/lineOfSight";

/** A person's availability; only `available` and `busy` people take part in conversations. */
export type PresenceStatus = "available" | "busy" | "focus" | "away";

/** Statuses in the order the UI offers them. */
export const PRESENCE_STATUSES: readonly PresenceStatus[] = ["available", "busy", "focus", "away"];

/**
 * A key for the walled-off zone a person stands in (a meeting room, a private
 * area), or null in the open office. Two people connect only when their keys are
 * equal (`===`), so a room's boundary separates people even at an open door.
 */
export type ConversationZoneKey = string | number | null;

/** One person present in the space, as the grouping sees them. */
export interface ProximityPerson {
  id: string;
  /** Feet position in pixels. */
  x: number;
  y: number;
  status: PresenceStatus;
  zone?: ConversationZoneKey;
}

export interface GroupingInput {
  people: readonly ProximityPerson[];
  /** The walls that block sound; without it nothing blocks. Its `tileSize` converts radii in tiles to pixels. */
  map?: WallGrid | null;
  /** Tile size in pixels when no map is given (default 32). */
  tileSize?: number;
}

/** A newcomer who stood close enough to join a conversation that was already full. */
export interface RefusedJoin {
  id: string;
  groupId: string;
}

/** Conversation groups at one moment; also the `previous` of the next call. */
export interface GroupingResult {
  /** Group id → member ids sorted; ids iterate in sorted order; every group has ≥ 2 members. */
  groups: ReadonlyMap<string, readonly string[]>;
  /** Person id → group id, for grouped people only. */
  groupOf: ReadonlyMap<string, string>;
  /** Ungrouped people refused from a full group, sorted by id. */
  refused: readonly RefusedJoin[];
  /** Sequence number of the next new group id, so ids never repeat within a room. */
  nextGroupSeq: number;
}

/** What hysteresis needs from the last result; a full `GroupingResult` fits. */
export interface PreviousGrouping {
  groupOf: ReadonlyMap<string, string>;
  nextGroupSeq?: number;
}
