import { matchMaker } from "@colyseus/core";
import { OFFICE_ROOM } from "../../shared/protocol/names";

/** What changed about a space while its office may be open, and the room method that takes it in. */
export type OfficeChange = "settings" | "map";
const ROOM_METHOD: Record<OfficeChange, "reloadSettings" | "reloadMap"> = { settings: "reloadSettings", map: "reloadMap" };

/**
 * Tells the open office of `space`, on whichever process holds it, that its
 * settings or its active map changed. Resolves with how many rooms were told
 * (0 when nobody is in: the next room reads the change when it opens).
 */
export async function tellOffice(space: string, change: OfficeChange): Promise<number> {
  // No match-maker in this process (the API served without rooms, as in some tests): no office to tell.
  if (!matchMaker.driver) return 0;
  const rooms = await matchMaker.query({ name: OFFICE_ROOM, space });
  await Promise.all(rooms.map((room) => matchMaker.remoteRoomCall(room.roomId, ROOM_METHOD[change])));
  return rooms.length;
}
