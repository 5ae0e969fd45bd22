import type { Zone, ZoneType } from "../map/types";
import type { ConversationZoneKey } from "./types";

/** Zone types whose boundary separates conversations: inside and outside do not hear each other. */
export const SEPARATING_ZONE_TYPES: ReadonlySet<ZoneType> = new Set<ZoneType>(["meeting", "private"]);

/**
 * The conversation zone key for a person standing in `zone` (as returned by the
 * map's zone lookup): the zone's id for meeting and private zones, null for
 * open zones (stage, quiet) and for no zone at all.
 */
export function conversationZoneKey(zone: Pick<Zone, "id" | "type"> | null | undefined): ConversationZoneKey {
  return zone && SEPARATING_ZONE_TYPES.has(zone.type) ? zone.id : null;
}
