import type { Client } from "@colyseus/core";
import { stageIndex, stagesOf } from "../../../shared/meetups/stageLayout";
import type { ClientMessages, ServerMessages } from "../../../shared/protocol/messages";
import { ServerMessage, type ClientMessage } from "../../../shared/protocol/names";
import type { Reject } from "../../net/MessageGuard";
import type { RoomContext } from "../../rooms/RoomFeature";
import { roomZoneLocks } from "../privateZones/privateZonesFeature";
import type { MeetupService } from "./MeetupService";

/**
 * What hosts do during a live meetup: mute someone, bring a listener up to
 * speak and send them back, take raised hands in order, spotlight a speaker,
 * lock the zone. Everyone else may only raise and lower their own hand.
 */
export class HostControls {
  private readonly stageZones: Set<number>;

  constructor(
    private readonly context: RoomContext,
    private readonly service: MeetupService,
  ) {
    this.stageZones = new Set(stageIndex(stagesOf(context.map)).keys());
  }

  handle(client: Client, input: ClientMessages[typeof ClientMessage.MeetupHost], reject: Reject): void {
    const meetup = this.service.meetups.get(input.id);
    if (!meetup) return reject("there is no such meetup");
    if (!this.service.mayHost(client.sessionId, meetup)) return reject("only the meetup's hosts can do that");
    const live = this.service.live.get(meetup.id);
    if (!live || meetup.state !== "live") return reject("the meetup is not live");
    const onStage = this.stageZones.has(meetup.zoneId);

    switch (input.action) {
      case "mute": {
        if (!this.service.isInside(meetup, input.target)) return reject("that person is not at the meetup");
        const muted: ServerMessages[typeof ServerMessage.MeetupMuted] = { by: this.nameOf(client.sessionId) };
        this.context.client(input.target)?.send(ServerMessage.MeetupMuted, muted);
        return;
      }
      case "promote": {
        if (!onStage) return reject("bringing people up is for stage meetups: everyone in a meeting room already talks");
        if (!this.service.isInside(meetup, input.target)) return reject("that person is not in the audience");
        live.promoted.add(input.target);
        live.hands.lower(input.target);
        break;
      }
      case "demote":
        if (!live.promoted.delete(input.target)) return reject("that person was not brought up");
        if (live.spotlight === input.target) live.spotlight = null;
        break;
      case "next-hand": {
        if (!onStage) return reject("bringing people up is for stage meetups");
        let next = live.hands.next();
        while (next !== null && !this.service.isInside(meetup, next)) next = live.hands.next();
        if (next === null) return reject("no hands are raised");
        live.promoted.add(next);
        break;
      }
      case "spotlight":
        if (!this.service.isInside(meetup, input.target)) return reject("that person is not at the meetup");
        live.spotlight = input.target;
        break;
      case "unspotlight":
        live.spotlight = null;
        break;
      case "lock":
      case "unlock": {
        const locks = roomZoneLocks(this.context.room);
        const zone = this.service.zoneOf(meetup);
        if (!locks || !zone) return reject("zones cannot be locked in this room");
        if (input.action === "unlock") {
          locks.unlock(zone.id);
          return;
        }
        if (!this.service.isInside(meetup, client.sessionId)) return reject("stand inside the zone to lock it, or you lock yourself out");
        if (locks.isLocked(zone.id)) return reject("the zone is already locked");
        locks.lock(zone, client.sessionId);
        return;
      }
    }
    this.service.broadcastList();
  }

  raiseHand(client: Client, raised: boolean, reject: Reject): void {
    const id = client.sessionId;
    const found = [...this.service.live.entries()]
      .map(([mid, live]) => ({ meetup: this.service.meetups.get(mid)!, live }))
      .find(({ meetup }) => meetup && this.service.isInside(meetup, id));
    if (!found) return reject("stand in a live meetup's zone to raise your hand");
    if (raised) {
      if (found.live.promoted.has(id)) return reject("you are already speaking");
      if (!found.live.hands.raise(id)) return;
    } else if (!found.live.hands.lower(id)) return;
    this.service.broadcastList();
  }

  private nameOf(sessionId: string): string {
    return this.context.state.members.get(sessionId)?.name ?? "";
  }
}
