import type { Room } from "@colyseus/core";
import type { RoomContext, RoomFeature } from "../../rooms/RoomFeature";
import { roomConversations } from "../conversations/conversationFeature";
import { roomZones } from "../zones/zoneTrackerFeature";
import { StageOverlay, type StageMeetupSource } from "./StageOverlay";

/** What the meetups feature tells the stage: which live meetup is held on which stage. */
export interface RoomStage {
  setMeetupSource(source: StageMeetupSource): void;
  overlay: StageOverlay;
}

const perRoom = new WeakMap<Room, RoomStage>();

export function roomStage(room: Room): RoomStage | undefined {
  return perRoom.get(room);
}

/**
 * One-to-many talks on the map's stages: hands the stage halls' conversations
 * to a StageOverlay inside the conversation feature. Listed after the
 * conversation feature so its conversations exist.
 */
export function createStageFeature(context: RoomContext): RoomFeature {
  let source: StageMeetupSource = () => null;
  const overlay = new StageOverlay(context.map, roomZones(context), (hall) => source(hall));
  perRoom.set(context.room, { setMeetupSource: (s) => (source = s), overlay });
  const conversations = roomConversations(context.room);
  if (overlay.hasStages) {
    if (conversations) conversations.setOverlay(overlay);
    else context.log.warn("stages work as meeting rooms: this room has no conversation feature");
  }
  return {
    dispose() {
      conversations?.setOverlay(null);
      perRoom.delete(context.room);
    },
  };
}
