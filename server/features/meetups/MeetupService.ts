import type { Client } from "@colyseus/core";
import { displayedState, MEETUP_MAX_AHEAD_DAYS, MEETUP_MAX_HOSTS, MEETUP_ZONE_TYPES, startRefusal } from "../../../shared/meetups/meetupRules";
import { mayHost, maySchedule, type Actor, type MeetupHostsSetting } from "../../../shared/meetups/permissions";
import type { Zone } from "../../../shared/map/types";
import { pointInZone } from "../../../shared/map/zones";
import type { ClientMessages, ServerMessages } from "../../../shared/protocol/messages";
import type { MeetupView } from "../../../shared/protocol/meetupMessages";
import { ServerMessage, type ClientMessage } from "../../../shared/protocol/names";
import type { Reject } from "../../net/MessageGuard";
import type { RoomContext } from "../../rooms/RoomFeature";
import { LiveMeetup } from "./LiveMeetup";
import type { MeetupRecord, MeetupStore } from "./MeetupStore";

/** Scheduled meetups slightly in the past are fine (a form filled in slowly). */
const PAST_GRACE_MS = 5 * 60_000;
/** A live meetup nobody ended closes this long after its scheduled end. */
export const OVERRUN_MS = 60 * 60_000;
/** Ended and cancelled meetups stay listed this long. */
const RECENT_MS = 24 * 60 * 60_000;

export interface Person extends Actor {
  name: string;
}

/**
 * A space's meetups inside its room: scheduling, editing, cancelling,
 * starting and ending (by hosts, or automatically at the scheduled times),
 * and telling everyone. Host controls over a live meetup are in HostControls.
 */
export class MeetupService {
  readonly meetups = new Map<string, MeetupRecord>();
  readonly live = new Map<string, LiveMeetup>();
  readonly people = new Map<string, Person>();
  private readonly zoneById: Map<number, Zone>;

  constructor(
    private readonly context: RoomContext,
    private readonly store: MeetupStore,
    private hostsSetting: MeetupHostsSetting,
    readonly now: () => number = Date.now,
  ) {
    this.zoneById = new Map(context.map.zones.map((z) => [z.id, z]));
  }

  /** Who may schedule changed: everyone's list says again whether they may. */
  setHostsSetting(setting: MeetupHostsSetting): void {
    if (setting === this.hostsSetting) return;
    this.hostsSetting = setting;
    this.broadcastList();
  }

  async load(): Promise<void> {
    for (const m of await this.store.list(this.context.space, this.now() - RECENT_MS)) {
      this.meetups.set(m.id, m);
      if (m.state === "live") this.live.set(m.id, new LiveMeetup(m));
    }
  }

  zoneOf(meetup: MeetupRecord): Zone | undefined {
    return this.zoneById.get(meetup.zoneId);
  }

  /** The live meetup held in this zone, if any. */
  liveIn(zoneId: number): { meetup: MeetupRecord; live: LiveMeetup } | null {
    for (const [id, live] of this.live) {
      const meetup = this.meetups.get(id);
      if (meetup?.zoneId === zoneId) return { meetup, live };
    }
    return null;
  }

  /** Whether a member's feet are within the meetup's zone (a stage hall includes its platform). */
  isInside(meetup: MeetupRecord, sessionId: string): boolean {
    const zone = this.zoneOf(meetup);
    const m = this.context.state.members.get(sessionId);
    return !!zone && !!m && pointInZone(zone, m.x, m.y);
  }

  mayHost(sessionId: string, meetup: MeetupRecord): boolean {
    const person = this.people.get(sessionId);
    return !!person && mayHost(person, meetup);
  }

  async schedule(client: Client, input: ClientMessages[typeof ClientMessage.MeetupSchedule], reject: Reject): Promise<void> {
    const person = this.people.get(client.sessionId);
    if (!person || !maySchedule(person, this.hostsSetting)) return reject(`this space lets ${this.hostsSetting} schedule meetups`);
    const problem = this.checkFields(input.zoneId, input.startsAt);
    if (problem) return reject(problem);
    const zone = this.zoneById.get(input.zoneId)!;
    const record = await this.store.create({
      space: this.context.space,
      title: input.title,
      description: input.description ?? "",
      zoneId: zone.id,
      zoneName: zone.name,
      startsAt: input.startsAt,
      durationMinutes: input.durationMinutes,
      hosts: this.hostList(person, input.hosts ?? []),
      createdBy: person.memberId,
    });
    this.meetups.set(record.id, record);
    this.broadcastList();
  }

  async edit(client: Client, input: ClientMessages[typeof ClientMessage.MeetupEdit], reject: Reject): Promise<void> {
    const meetup = this.meetups.get(input.id);
    if (!meetup) return reject("there is no such meetup");
    if (!this.mayHost(client.sessionId, meetup)) return reject("only the meetup's hosts can change it");
    const state = displayedState(meetup, this.now());
    if (state === "ended" || state === "cancelled") return reject(`the meetup is ${state}`);
    if (state === "live" && (input.zoneId !== undefined || input.startsAt !== undefined)) {
      return reject("a live meetup keeps its zone and start time");
    }
    const problem = this.checkFields(input.zoneId ?? meetup.zoneId, input.startsAt ?? meetup.startsAt);
    if (problem) return reject(problem);
    const person = this.people.get(client.sessionId)!;
    const owner = meetup.hosts.find((h) => h.memberId === meetup.createdBy) ?? { memberId: meetup.createdBy, name: person.name };
    const updated = await this.store.update(meetup.id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.zoneId !== undefined ? { zoneId: input.zoneId, zoneName: this.zoneById.get(input.zoneId)!.name } : {}),
      ...(input.startsAt !== undefined ? { startsAt: input.startsAt } : {}),
      ...(input.durationMinutes !== undefined ? { durationMinutes: input.durationMinutes } : {}),
      ...(input.hosts !== undefined ? { hosts: this.hostList(owner, input.hosts, meetup.hosts) } : {}),
    });
    if (updated) this.meetups.set(updated.id, updated);
    this.broadcastList();
  }

  async cancel(client: Client, id: string, reject: Reject): Promise<void> {
    const meetup = this.meetups.get(id);
    if (!meetup) return reject("there is no such meetup");
    if (!this.mayHost(client.sessionId, meetup)) return reject("only the meetup's hosts can cancel it");
    if (displayedState(meetup, this.now()) !== "scheduled") return reject("only a meetup that has not started can be cancelled");
    await this.setState(meetup, { state: "cancelled", endedAt: this.now() });
  }

  async start(meetup: MeetupRecord): Promise<void> {
    const now = this.now();
    this.live.set(meetup.id, new LiveMeetup(meetup));
    await this.setState(meetup, { state: "live", startedAt: now });
    const zone = this.zoneOf(meetup);
    const started: ServerMessages[typeof ServerMessage.MeetupStarted] = {
      id: meetup.id,
      title: meetup.title,
      zoneId: meetup.zoneId,
      zoneName: zone?.name ?? meetup.zoneName,
    };
    this.context.room.broadcast(ServerMessage.MeetupStarted, started);
  }

  async startByHost(client: Client, id: string, reject: Reject): Promise<void> {
    const meetup = this.meetups.get(id);
    if (!meetup) return reject("there is no such meetup");
    if (!this.mayHost(client.sessionId, meetup)) return reject("only the meetup's hosts can start it");
    const refusal = startRefusal(meetup, this.now());
    if (refusal) return reject(refusal);
    if (this.liveIn(meetup.zoneId)) return reject("another meetup is live in that zone");
    await this.start(meetup);
  }

  async end(meetup: MeetupRecord): Promise<void> {
    const live = this.live.get(meetup.id);
    this.live.delete(meetup.id);
    await this.setState(meetup, { state: "ended", endedAt: this.now(), ...(live ? { attendance: live.attendance.list() } : {}) });
  }

  async endByHost(client: Client, id: string, reject: Reject): Promise<void> {
    const meetup = this.meetups.get(id);
    if (!meetup) return reject("there is no such meetup");
    if (!this.mayHost(client.sessionId, meetup)) return reject("only the meetup's hosts can end it");
    if (meetup.state !== "live") return reject("the meetup is not live");
    await this.end(meetup);
  }

  /** Once a second: starts meetups whose time came, ends forgotten ones, counts and saves attendance. */
  async tick(): Promise<void> {
    const now = this.now();
    for (const meetup of [...this.meetups.values()]) {
      if (meetup.state === "scheduled" && now >= meetup.startsAt && displayedState(meetup, now) === "scheduled" && !this.liveIn(meetup.zoneId)) {
        await this.start(meetup);
      } else if (meetup.state === "live" && now > meetup.startsAt + meetup.durationMinutes * 60_000 + OVERRUN_MS) {
        await this.end(meetup);
      }
    }
    for (const [id, live] of this.live) {
      const meetup = this.meetups.get(id);
      if (!meetup) continue;
      const inside = [...this.context.state.members.values()].filter((m) => this.isInside(meetup, m.id));
      live.attendance.observe(
        inside.map((m) => ({ memberId: m.memberId, name: m.name })),
        now,
      );
      let changed = false;
      const insideIds = new Set(inside.map((m) => m.id));
      for (const sid of [...live.hands.list(), ...live.promoted, ...(live.spotlight ? [live.spotlight] : [])]) {
        if (!insideIds.has(sid)) changed = live.drop(sid) || changed;
      }
      if (changed) this.broadcastList();
      if (live.attendance.takeChanged() && now - live.lastSaved >= 5000) {
        live.lastSaved = now;
        const updated = await this.store.update(id, { attendance: live.attendance.list() });
        if (updated && this.meetups.has(id)) this.meetups.get(id)!.attendance = updated.attendance;
      }
    }
  }

  /** Sends every member the list (each is told whether they host). */
  broadcastList(): void {
    for (const sessionId of this.context.state.members.keys()) {
      const client = this.context.client(sessionId);
      if (client) this.sendList(client);
    }
  }

  sendList(client: Client): void {
    const person = this.people.get(client.sessionId);
    const now = this.now();
    const meetups: MeetupView[] = [...this.meetups.values()]
      .filter((m) => displayedState(m, now) === "scheduled" || m.state === "live")
      .sort((a, b) => a.startsAt - b.startsAt)
      .map((m) => this.view(m, person, now));
    const message: ServerMessages[typeof ServerMessage.Meetups] = {
      meetups,
      youMaySchedule: !!person && maySchedule(person, this.hostsSetting),
    };
    client.send(ServerMessage.Meetups, message);
  }

  private view(m: MeetupRecord, person: Person | undefined, now: number): MeetupView {
    const zone = this.zoneOf(m);
    const live = this.live.get(m.id);
    return {
      id: m.id,
      title: m.title,
      description: m.description,
      zoneId: m.zoneId,
      zoneName: zone?.name ?? m.zoneName,
      zoneType: zone?.type ?? "",
      startsAt: m.startsAt,
      durationMinutes: m.durationMinutes,
      hosts: m.hosts,
      state: displayedState(m, now),
      youHost: !!person && mayHost(person, m),
      ...(live && m.state === "live" ? { live: { startedAt: m.startedAt ?? now, ...live.view() } } : {}),
    };
  }

  private async setState(meetup: MeetupRecord, patch: Partial<MeetupRecord>): Promise<void> {
    const updated = await this.store.update(meetup.id, patch);
    Object.assign(meetup, updated ?? patch);
    this.broadcastList();
  }

  private checkFields(zoneId: number, startsAt: number): string | null {
    const zone = this.zoneById.get(zoneId);
    if (!zone) return "there is no such zone on this map";
    if (!(MEETUP_ZONE_TYPES as readonly string[]).includes(zone.type)) return `meetups are held in meeting, private or stage zones, not ${zone.type} ones`;
    const now = this.now();
    if (startsAt < now - PAST_GRACE_MS) return "the start time has passed";
    if (startsAt > now + MEETUP_MAX_AHEAD_DAYS * 86_400_000) return `meetups are scheduled at most ${MEETUP_MAX_AHEAD_DAYS} days ahead`;
    return null;
  }

  /** The creator first, then the named hosts (names from who is here, or kept from before). */
  private hostList(owner: { memberId: string; name: string }, ids: readonly string[], before: MeetupRecord["hosts"] = []) {
    const hosts = [{ memberId: owner.memberId, name: owner.name }];
    for (const id of ids) {
      if (hosts.length >= MEETUP_MAX_HOSTS || hosts.some((h) => h.memberId === id)) continue;
      const present = [...this.people.values()].find((p) => p.memberId === id);
      hosts.push({ memberId: id, name: present?.name ?? before.find((h) => h.memberId === id)?.name ?? "a member" });
    }
    return hosts;
  }
}
