import { matchMaker } from "@colyseus/core";
import { OFFICE_ROOM } from "../../shared/protocol/names";
import type { Role } from "../deps";

/**
 * What changed about a space while its office may be open: its settings, its
 * active map, or one person's role there. (Someone removed from the space is
 * sent out of the office by moderationChannel's removal notice instead.)
 */
export type OfficeChange = "settings" | "map" | { memberId: string; role: Role };

/** The room method that takes a change in, and its arguments (plain JSON: the room may run in another process). */
function roomCall(change: OfficeChange): [method: "reloadSettings" | "reloadMap" | "changeRole", args: unknown[]] {
  if (change === "settings") return ["reloadSettings", []];
  if (change === "map") return ["reloadMap", []];
  return ["changeRole", [change.memberId, change.role]];
}

/** "settings", "map" or "the role of <id>", for log lines. */
export function describeChange(change: OfficeChange): string {
  return typeof change === "string" ? change : `role of ${change.memberId}`;
}

/**
 * Tells the open office of `space`, on whichever process holds it, what
 * changed. Resolves with how many rooms were told (0 when nobody is in: the
 * next room reads the change when it opens).
 */
export async function tellOffice(space: string, change: OfficeChange): Promise<number> {
  // No match-maker in this process (the API served without rooms, as in some tests): no office to tell.
  if (!matchMaker.driver) return 0;
  const rooms = await matchMaker.query({ name: OFFICE_ROOM, space });
  const [method, args] = roomCall(change);
  await Promise.all(rooms.map((room) => matchMaker.remoteRoomCall(room.roomId, method, args)));
  return rooms.length;
}
