import type { Room } from "@colyseus/core";
import { mayLockZone } from "../../../shared/meetups/permissions";
import type { Zone } from "../../../shared/map/types";
import { pointInZone } from "../../../shared/map/zones";
import type { ServerMessages } from "../../../shared/protocol/messages";
import { ClientMessage, ServerMessage } from "../../../shared/protocol/names";
import type { RoomContext, RoomFeature } from "../../rooms/RoomFeature";
import { roomMovementBlocks } from "../../systems/movementBlocks";
import { roomZones } from "../zones/zoneTrackerFeature";
import { ZoneKnocks } from "./ZoneKnocks";
import { ZoneLocks } from "./ZoneLocks";

/** What other features (meetups) may do with a room's zone locks. */
export interface RoomZoneLocks {
  /** Locks a zone, admitting whoever stands in it now. */
  lock(zone: Zone, by: string): void;
  unlock(zoneId: number): void;
  isLocked(zoneId: number): boolean;
}

const perRoom = new WeakMap<Room, RoomZoneLocks>();

export function roomZoneLocks(room: Room): RoomZoneLocks | undefined {
  return perRoom.get(room);
}

/**
 * Private zones: someone inside locks one; the server keeps everyone else
 * out (through the MovementSystem's blocks), and they knock; anyone inside
 * lets them in or not. Every member hears which zones are locked.
 */
export function createPrivateZonesFeature(context: RoomContext): RoomFeature {
  const locks = new ZoneLocks(context.map);
  const knocks = new ZoneKnocks();
  const zones = roomZones(context);
  const members = () => context.state.members.values();
  const removeBlock = roomMovementBlocks(context.room).add((id, x, y) => locks.blocked(id, x, y));

  const broadcast = () => {
    const message: ServerMessages[typeof ServerMessage.ZoneLocks] = { locked: locks.list() };
    context.room.broadcast(ServerMessage.ZoneLocks, message);
  };
  // Everyone within the outline, also those standing in a smaller zone drawn inside it. A dropped
  // connection's avatar is not let in: whoever comes back to it is put outside the door.
  const insidersOf = (zone: Zone) =>
    [...members()].filter((m) => pointInZone(zone, m.x, m.y) && context.client(m.id) !== undefined).map((m) => m.id);
  const tellKnocker = (from: string, zoneId: number, outcome: "accepted" | "declined" | "gone") => {
    const result: ServerMessages[typeof ServerMessage.ZoneKnockResult] = { zoneId, outcome };
    context.client(from)?.send(ServerMessage.ZoneKnockResult, result);
  };

  const api: RoomZoneLocks = {
    lock(zone, by) {
      locks.lock(zone, by, insidersOf(zone));
      // A dropped connection's avatar left inside goes out of the door now, so the people
      // inside are not kept in a call with whoever reconnects to it.
      for (const m of members()) {
        if (!pointInZone(zone, m.x, m.y) || !locks.blocked(m.id, m.x, m.y)) continue;
        const others = [...members()].filter((o) => o.id !== m.id);
        const outside = context.placement.nearestAllowed(m.id, m, others);
        if (outside) {
          m.x = outside.x;
          m.y = outside.y;
        }
      }
      broadcast();
    },
    unlock(zoneId) {
      if (locks.unlock(zoneId)) broadcast();
    },
    isLocked: (zoneId) => locks.isLocked(zoneId),
  };
  perRoom.set(context.room, api);

  context.guard.on(ClientMessage.ZoneLock, (client, { locked }, reject) => {
    const zone = zones.zoneOf(client.sessionId);
    if (!zone) return reject("stand in a private zone to lock it");
    if (!locked) {
      if (!locks.isLocked(zone.id)) return reject("this zone is not locked");
      api.unlock(zone.id);
      return;
    }
    if (!mayLockZone(zone.type, true, false)) return reject("only private zones can be locked (hosts lock their meetup's zone)");
    if (locks.isLocked(zone.id)) return reject("this zone is already locked");
    api.lock(zone, client.sessionId);
  });

  context.guard.on(ClientMessage.ZoneKnock, (client, { zoneId }, reject) => {
    if (!locks.isLocked(zoneId)) return reject("that zone is not locked: walk in");
    if (locks.isAdmitted(zoneId, client.sessionId)) return reject("you are already let in");
    if (!knocks.knock(client.sessionId, zoneId)) return reject("you are already knocking; wait for an answer");
    const notice: ServerMessages[typeof ServerMessage.ZoneKnock] = {
      from: client.sessionId,
      name: context.state.members.get(client.sessionId)?.name ?? "",
      zoneId,
    };
    for (const id of locks.insiders(zoneId, members())) context.client(id)?.send(ServerMessage.ZoneKnock, notice);
  });

  context.guard.on(ClientMessage.ZoneKnockAnswer, (client, { from, accept }, reject) => {
    const zoneId = knocks.peek(from);
    if (zoneId === null) return reject("that knock is no longer waiting");
    if (!locks.insiders(zoneId, members()).includes(client.sessionId)) return reject("only people inside can let someone in");
    knocks.take(from);
    if (accept) locks.admit(zoneId, from);
    tellKnocker(from, zoneId, accept ? "accepted" : "declined");
  });

  return {
    onJoin(client) {
      const message: ServerMessages[typeof ServerMessage.ZoneLocks] = { locked: locks.list() };
      client.send(ServerMessage.ZoneLocks, message);
    },
    onReconnect(client) {
      client.send(ServerMessage.ZoneLocks, { locked: locks.list() } satisfies ServerMessages[typeof ServerMessage.ZoneLocks]);
    },
    onLeave(sessionId) {
      knocks.forget((from) => from === sessionId);
    },
    tick() {
      if (locks.sweep(members())) {
        broadcast();
        for (const knock of knocks.forget((_from, zoneId) => !locks.isLocked(zoneId))) {
          // The zone opened again while they waited: they may simply walk in.
          tellKnocker(knock.from, knock.zoneId, "gone");
        }
      }
    },
    dispose() {
      removeBlock();
      perRoom.delete(context.room);
    },
  };
}
