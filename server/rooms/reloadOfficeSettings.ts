import { matchMaker } from "@colyseus/core";
import { OFFICE_ROOM } from "../../shared/protocol/names";

/**
 * Tells the open office of `space`, on whichever process holds it, that its
 * settings changed. Resolves with how many rooms were told (0 when nobody is in).
 */
export async function reloadOfficeSettings(space: string): Promise<number> {
  // No match-maker in this process (the API served without rooms, as in some tests): no office to tell.
  if (!matchMaker.driver) return 0;
  const rooms = await matchMaker.query({ name: OFFICE_ROOM, space });
  await Promise.all(rooms.map((room) => matchMaker.remoteRoomCall(room.roomId, "reloadSettings")));
  return rooms.length;
}
