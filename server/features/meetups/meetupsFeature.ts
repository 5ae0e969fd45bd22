import type { Client } from "@colyseus/core";
import { stageIndex, stagesOf } from "../../../shared/meetups/stageLayout";
import type { MeetupHostsSetting } from "../../../shared/meetups/permissions";
import { ClientMessage } from "../../../shared/protocol/names";
import type { Reject } from "../../net/MessageGuard";
import type { RoomContext, RoomFeature } from "../../rooms/RoomFeature";
import { roomZoneLocks } from "../privateZones/privateZonesFeature";
import { roomStage } from "../stage/stageFeature";
import { freeSpot } from "./freeSpot";
import { HostControls } from "./HostControls";
import { MeetupService } from "./MeetupService";
import { MemoryMeetupStore } from "./MemoryMeetupStore";

/** Meetups are checked (auto start/end, attendance) this often. */
const CHECK_EVERY_MS = 1000;

/**
 * Meetups in a room: scheduling and the list, starting and ending, host
 * controls, "take me there", and the stage's speakers during a stage meetup.
 * Listed after the conversation, stage and private-zone features.
 */
export async function createMeetupsFeature(context: RoomContext): Promise<RoomFeature> {
  let setting: MeetupHostsSetting = "members";
  try {
    setting = (await context.deps.spaces?.settings(context.space))?.meetupHosts ?? "members";
  } catch (err) {
    context.log.error("could not read who may schedule meetups; members may", err);
  }
  const store = context.deps.meetups ?? new MemoryMeetupStore();
  const service = new MeetupService(context, store, setting);
  try {
    await service.load();
  } catch (err) {
    context.log.error("could not load the space's meetups", err);
  }
  const controls = new HostControls(context, service);
  const stages = stageIndex(stagesOf(context.map));

  // During a live meetup on a stage, its present hosts on the platform and the people they brought up speak.
  roomStage(context.room)?.setMeetupSource((hallId) => {
    for (const [id, live] of service.live) {
      const meetup = service.meetups.get(id);
      if (!meetup || stages.get(meetup.zoneId)?.hall.id !== hallId) continue;
      const hosts = new Set<string>();
      for (const [sid, person] of service.people) if (meetup.hosts.some((h) => h.memberId === person.memberId)) hosts.add(sid);
      return { hosts, promoted: live.promoted };
    }
    return null;
  });

  // Saving can fail (the store is down): the guard logs it and tells the sender.
  const saving = { failure: "the meetup could not be saved; try again" };
  context.guard.on(ClientMessage.MeetupList, (client) => service.sendList(client));
  context.guard.on(ClientMessage.MeetupSchedule, (client, input, reject) => service.schedule(client, input, reject), saving);
  context.guard.on(ClientMessage.MeetupEdit, (client, input, reject) => service.edit(client, input, reject), saving);
  context.guard.on(
    ClientMessage.MeetupAction,
    (client, { id, action }, reject) => {
      if (action === "cancel") return service.cancel(client, id, reject);
      if (action === "start") return service.startByHost(client, id, reject);
      if (action === "end") return service.endByHost(client, id, reject);
      teleport(client, id, reject);
    },
    saving,
  );
  context.guard.on(ClientMessage.MeetupHost, (client, input, reject) => controls.handle(client, input, reject));
  context.guard.on(ClientMessage.RaiseHand, (client, { raised }, reject) => controls.raiseHand(client, raised, reject));

  /** "Take me there": only to a live meetup's zone, to a free spot (the audience side of a stage), unless locked against you. */
  function teleport(client: Client, id: string, reject: Reject): void {
    const meetup = service.meetups.get(id);
    if (!meetup || meetup.state !== "live") return reject("you can be taken only to a live meetup");
    const zone = service.zoneOf(meetup);
    const member = context.state.members.get(client.sessionId);
    if (!zone || !member) return reject("that meetup's zone is not on this map");
    if (service.isInside(meetup, client.sessionId)) return;
    const stage = stages.get(zone.id);
    const target = stage ? stage.hall : zone;
    const others = [...context.state.members.values()].filter((m) => m.id !== member.id);
    const platforms = stage ? stage.platforms.filter((p) => p.id !== target.id) : [];
    const allowed = (x: number, y: number) => context.placement.allowed(client.sessionId, x, y);
    const spot = freeSpot(context.map, target, others, platforms, allowed);
    if (!spot) {
      const locked = roomZoneLocks(context.room)?.isLocked(zone.id);
      return reject(locked ? "the zone is locked: knock to be let in" : "there is no free place in that zone");
    }
    if (member.seat) member.seat = "";
    member.x = spot.x;
    member.y = spot.y;
    member.moving = false;
  }

  let last = 0;
  let running = false;
  return {
    settingsChanged(stored) {
      if (stored) service.setHostsSetting(stored.meetupHosts ?? "members");
    },
    onJoin(client, _member, identity) {
      service.people.set(client.sessionId, { memberId: identity.memberId, role: identity.role, name: identity.name });
      service.sendList(client);
    },
    onReconnect(client) {
      service.sendList(client);
    },
    roleChanged(sessionId, _member, role) {
      const person = service.people.get(sessionId);
      if (!person) return;
      person.role = role;
      // Whether they may schedule, and host what, may have changed with it.
      const client = context.client(sessionId);
      if (client) service.sendList(client);
    },
    onLeave(sessionId) {
      service.people.delete(sessionId);
      let changed = false;
      for (const live of service.live.values()) changed = live.drop(sessionId) || changed;
      if (changed) service.broadcastList();
    },
    tick() {
      const now = Date.now();
      if (running || now - last < CHECK_EVERY_MS) return;
      last = now;
      running = true;
      context.background("the meetup check", service.tick().finally(() => (running = false)));
    },
    async dispose() {
      // Save what was counted so far; the meetup stays live for the next room to continue.
      for (const [id, live] of service.live) {
        try {
          await store.update(id, { attendance: live.attendance.list() });
        } catch (err) {
          context.log.error("could not save a meetup's attendance", err);
        }
      }
    },
  };
}
