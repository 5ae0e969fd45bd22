import type { OfficeMap } from "../../../shared/map/types";
import {
  diffGroups,
  GroupingScratch,
  initiates,
  planConversations,
  PRESENCE_STATUSES,
  type ConversationPlan,
  type GroupingSettings,
  type PlannedRefusal,
  type PolicyPerson,
  type PresenceStatus,
} from "../../../shared/proximity";
import type { ServerMessages } from "../../../shared/protocol/messages";
import type { ServerMessage } from "../../../shared/protocol/names";
import type { ZoneTracker } from "../zones/ZoneTracker";

export type ConversationMessage = ServerMessages[typeof ServerMessage.Conversation];

/** What the system reads of a member (MemberState fits). */
export interface ConversationMember {
  id: string;
  name: string;
  x: number;
  y: number;
  status: string;
}

/** Delivers a message to a session; false when it is not connected right now. */
export type SendConversation = (sessionId: string, message: ConversationMessage) => boolean;

/**
 * Another feature's say over some people's conversations (the stage, issue 6):
 * each update it takes whom it wants out of the zone/proximity pipeline and
 * decides exactly what they are told, and which signalling may pass between them.
 */
export interface ConversationOverlay {
  plan(members: readonly ConversationMember[]): OverlayPlan;
}

export interface OverlayPlan {
  /** Session id → its whole Conversation message, for everyone the overlay takes. */
  messages: ReadonlyMap<string, ConversationMessage>;
  /** Group id → members, for the overlay's groups. */
  groups: ReadonlyMap<string, readonly string[]>;
  /** Whether `from` may send this signalling to `to`, both in one overlay group. */
  mayRelay(from: string, to: string, data: unknown): boolean;
}

const STATUSES = new Set<string>(PRESENCE_STATUSES);
const NOBODY: ConversationMessage = { groupId: null, peers: [] };

/**
 * Decides who talks with whom in one room and tells the people concerned:
 * runs the zone/proximity/pin pipeline (shared/proximity/zonePolicy), diffs
 * it against the last plan, and sends each affected member their conversation
 * only when what they would be told changed. Pins are the hook for other
 * features (knocks, meetups): `pin(key, ids)` makes those present talk
 * together until `unpin(key)`.
 */
export class ConversationSystem {
  private plan: ConversationPlan | null = null;
  private readonly scratch = new GroupingScratch();
  private readonly pins = new Map<string, readonly string[]>();
  /** What each session was last told, as JSON, so repeats are not sent. */
  private readonly told = new Map<string, string>();
  private readonly names = new Map<string, string>();
  private overlay: ConversationOverlay | null = null;
  private overlayPlan: OverlayPlan | null = null;
  /**
   * People who hung up (the "Leave call" button) → the peers they left. They
   * stay out of every conversation until none of those peers is within the
   * leave radius or in their zone; then they take part again as anyone does.
   */
  private readonly left = new Map<string, Set<string>>();
  /** Meeting rooms' cap while a media server carries them (null: the space's peer-to-peer cap). */
  private meetingCap: number | null = null;
  /** Open-floor conversations' cap while a media server may carry them (null: the space's peer-to-peer cap). */
  private openFloorCap: number | null = null;

  constructor(
    private readonly map: OfficeMap,
    private readonly zones: ZoneTracker,
    private settings: GroupingSettings,
    private readonly send: SendConversation,
  ) {}

  /** New tuning from the space's settings; the next update regroups with it (a smaller cap splits groups). */
  setSettings(settings: GroupingSettings): void {
    this.settings = settings;
  }

  /** A larger cap for meeting rooms while they go through a media server; null returns them to the peer-to-peer cap. */
  setMeetingCap(cap: number | null): void {
    this.meetingCap = cap;
  }

  /** A larger cap for open-floor conversations while a media server can take them past the peer-to-peer cap; null returns them to it. */
  setOpenFloorCap(cap: number | null): void {
    this.openFloorCap = cap;
  }

  /** Requires these sessions to be in one conversation (see planConversations' pins); replaces a pin of the same key. */
  pin(key: string, ids: readonly string[]): void {
    this.pins.set(key, [...ids]);
  }

  unpin(key: string): void {
    this.pins.delete(key);
  }

  /** Lets one other feature decide some people's conversations (see ConversationOverlay). */
  setOverlay(overlay: ConversationOverlay | null): void {
    this.overlay = overlay;
  }

  /** The conversation a session is in right now, if any. */
  groupOf(sessionId: string): string | undefined {
    const overlaid = this.overlayPlan?.messages.get(sessionId);
    if (overlaid) return overlaid.groupId ?? undefined;
    return this.plan?.groupOf.get(sessionId);
  }

  /** Members of a conversation, sorted. */
  membersOf(groupId: string): readonly string[] {
    return this.overlayPlan?.groups.get(groupId) ?? this.plan?.groups.get(groupId) ?? [];
  }

  /** Whether signalling may pass from one member of a conversation to another (an overlay may restrict it). */
  mayRelay(from: string, to: string, data: unknown): boolean {
    const plan = this.overlayPlan;
    if (plan && plan.messages.has(from)) return plan.mayRelay(from, to, data);
    return true;
  }

  /**
   * The person hangs up on their conversation: they are told they are in none
   * at the next update, the others keep talking, and they are not grouped again
   * until they (or the others) walk apart. Returns why not, or null when done.
   */
  leave(sessionId: string): string | null {
    const overlaid = this.overlayPlan?.messages.get(sessionId);
    if (overlaid?.groupId) return "You are on a stage: walk off it to leave the talk.";
    const plan = this.plan;
    const groupId = overlaid ? undefined : plan?.groupOf.get(sessionId);
    if (!plan || groupId === undefined) return "You are not in a conversation.";
    const peers = this.left.get(sessionId) ?? new Set<string>();
    for (const id of plan.groups.get(groupId) ?? []) if (id !== sessionId) peers.add(id);
    this.left.set(sessionId, peers);
    // An accepted knock is an agreement to talk; hanging up ends it too (KnockPins releases its pair later).
    for (const [key, ids] of this.pins) if (ids.includes(sessionId)) this.pins.set(key, ids.filter((id) => id !== sessionId));
    return null;
  }

  /** Recomputes conversations from the members' current state and notifies everyone whose view changed. */
  update(members: Iterable<ConversationMember>): void {
    const people: PolicyPerson[] = [];
    const all = [...members];
    const previousOverlay = this.overlayPlan;
    const overlay = this.overlay?.plan(all) ?? null;
    this.overlayPlan = overlay;
    const heldOut = this.stillLeft(all);
    for (const m of all) {
      this.names.set(m.id, m.name);
      if (overlay?.messages.has(m.id)) continue;
      if (heldOut.has(m.id)) continue;
      const zone = this.zones.zoneOf(m.id);
      people.push({
        id: m.id,
        x: m.x,
        y: m.y,
        // The server sets status; anything unexpected must not silence a call.
        status: STATUSES.has(m.status) ? (m.status as PresenceStatus) : "available",
        zone: zone ? { id: zone.id, type: zone.type } : null,
        enteredZoneAt: this.zones.enteredAt(m.id),
      });
    }
    const pins = [...this.pins].map(([key, ids]) => ({ key, ids }));
    const previous = this.plan;
    const caps = { ...(this.meetingCap ? { meetingCap: this.meetingCap } : {}), ...(this.openFloorCap ? { openFloorCap: this.openFloorCap } : {}) };
    const next = planConversations({ people, pins, map: this.map, ...caps }, previous, this.settings, this.scratch);
    this.plan = next;

    const diff = diffGroups(previous, next);
    const affected = new Set<string>();
    for (const c of diff.joined) affected.add(c.id);
    for (const c of diff.left) affected.add(c.id);
    for (const g of diff.changedGroups) for (const id of next.groups.get(g) ?? []) affected.add(id);
    for (const r of next.refused) affected.add(r.id);
    for (const r of previous?.refused ?? []) affected.add(r.id);
    // Those who hung up are not in the plan, but still hear that their call ended.
    const present = new Set([...people.map((p) => p.id), ...heldOut]);
    for (const id of affected) if (present.has(id)) this.tell(id, false);
    // Overlay messages are whole: telling dedups them, and whoever left the overlay hears their new state.
    for (const id of overlay?.messages.keys() ?? []) this.tell(id, false);
    for (const id of previousOverlay?.messages.keys() ?? []) if (present.has(id)) this.tell(id, false);
  }

  /** Sends a session its current conversation even if already told (after a reconnect). */
  resend(sessionId: string): void {
    this.tell(sessionId, true);
  }

  /** A member left for good. */
  forget(sessionId: string): void {
    this.told.delete(sessionId);
    this.names.delete(sessionId);
    this.left.delete(sessionId);
    for (const peers of this.left.values()) peers.delete(sessionId);
  }

  /** What a session would be told now. */
  messageFor(sessionId: string): ConversationMessage {
    const overlaid = this.overlayPlan?.messages.get(sessionId);
    if (overlaid) return overlaid;
    const plan = this.plan;
    const groupId = plan?.groupOf.get(sessionId);
    if (plan && groupId !== undefined) {
      const peers = (plan.groups.get(groupId) ?? [])
        .filter((id) => id !== sessionId)
        .map((id) => ({ id, name: this.names.get(id) ?? "", initiator: initiates(sessionId, id) }));
      return { groupId, peers };
    }
    const refusal = plan?.refused.find((r) => r.id === sessionId);
    if (plan && refusal) {
      const size = plan.groups.get(refusal.groupId)?.length ?? this.settings.maxGroupSize;
      return { groupId: null, peers: [], full: { groupId: refusal.groupId, size, reason: refusalText(refusal, size) } };
    }
    return NOBODY;
  }

  /**
   * Who is still kept out after hanging up: someone they left is within the
   * leave radius or shares their zone. Everyone else's entry is dropped, so
   * walking away (or being walked away from) lets them talk again.
   */
  private stillLeft(members: readonly ConversationMember[]): Set<string> {
    const held = new Set<string>();
    if (this.left.size === 0) return held;
    const byId = new Map(members.map((m) => [m.id, m]));
    const reach = this.settings.leaveRadiusTiles * this.map.tileSize;
    for (const [id, peers] of this.left) {
      const self = byId.get(id);
      const zone = this.zones.zoneOf(id)?.id;
      const near = self !== undefined && [...peers].some((peerId) => {
        const peer = byId.get(peerId);
        if (!peer) return false;
        if (zone !== undefined && this.zones.zoneOf(peerId)?.id === zone) return true;
        return Math.hypot(peer.x - self.x, peer.y - self.y) <= reach;
      });
      if (near) held.add(id);
      else this.left.delete(id);
    }
    return held;
  }

  private tell(sessionId: string, always: boolean): void {
    const message = this.messageFor(sessionId);
    const json = JSON.stringify(message);
    const last = this.told.get(sessionId) ?? JSON.stringify(NOBODY);
    if (!always && json === last) return;
    if (this.send(sessionId, message)) this.told.set(sessionId, json);
  }
}

function refusalText(refusal: PlannedRefusal, size: number): string {
  const people = `${size} ${size === 1 ? "person" : "people"}`;
  switch (refusal.reason) {
    case "zone-full":
      return `This room is full (${people}, the most this space allows): you can see them but not hear them.`;
    case "group-full":
      return `That conversation is full (${people}, the most this space allows).`;
    case "pin-full":
      return `You could not be added: the conversation already has ${people}, the most this space allows.`;
  }
}
