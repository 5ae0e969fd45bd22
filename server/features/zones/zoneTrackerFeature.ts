import type { Room } from "@colyseus/core";
import type { RoomContext, RoomFeature } from "../../rooms/RoomFeature";
import { ZoneTracker } from "./ZoneTracker";

const trackers = new WeakMap<Room, ZoneTracker>();

/**
 * The room's ZoneTracker, created on first use. Other features (conversations,
 * later meetups) read zones through this rather than looking them up again.
 */
export function roomZones(context: Pick<RoomContext, "room" | "map">): ZoneTracker {
  let tracker = trackers.get(context.room);
  if (!tracker) {
    tracker = new ZoneTracker(context.map);
    trackers.set(context.room, tracker);
  }
  return tracker;
}

/** Keeps MemberState.zone current: on join, and each tick for members who moved. */
export function createZoneFeature(context: RoomContext): RoomFeature {
  const tracker = roomZones(context);
  return {
    onJoin: (_client, member) => void tracker.update(member),
    onLeave: (sessionId) => tracker.forget(sessionId),
    tick: () => tracker.updateAll(context.state.members.values()),
    dispose: () => void trackers.delete(context.room),
  };
}
