import type { Client } from "@colyseus/core";
import type { Desk } from "../../../shared/map/types";
import { ClientMessage } from "../../../shared/protocol/names";
import {
  CLAIM_REFUSAL_TEXT,
  claimRefusal,
  mayRelease,
  type DeskPolicy,
  type SpaceRole,
} from "../../../shared/status/deskClaims";
import { SIT_REFUSAL_TEXT, sitRefusal, withinReach } from "../../../shared/status/seating";
import type { Identity } from "../../deps";
import type { Reject } from "../../net/MessageGuard";
import type { RoomContext } from "../../rooms/RoomFeature";
import { DeskState } from "../../schema/DeskState";
import type { MemberState } from "../../schema/MemberState";
import type { StatusService } from "../status/StatusService";

interface Person {
  memberId: string;
  role: SpaceRole;
}

/**
 * Sitting at desks and owning them. The room decides: a sit request names a
 * desk, and the seat is taken only if it is free and within reach. A seated
 * person who moves stands up. Claimed desks live in OfficeState.desks (so
 * every page can show the owner's name) and in the member store.
 */
export class DeskService {
  private readonly desks = new Map<string, Desk>();
  /** Desk id → session id of whoever sits there. */
  private readonly occupants = new Map<string, string>();
  private readonly people = new Map<string, Person>();
  /** Desks with a claim or release being saved: a second request waits for the first to finish. */
  private readonly saving = new Set<string>();
  private policy: DeskPolicy = "anyone";

  constructor(
    private readonly context: RoomContext,
    private readonly status: StatusService,
  ) {
    for (const desk of context.map.desks) this.desks.set(desk.id, desk);
  }

  async load(): Promise<void> {
    const store = this.context.deps.memberState;
    if (!store) return;
    const { policy, claims } = await store.loadDesks(this.context.space);
    this.policy = policy;
    for (const claim of claims) {
      // A claim on a desk the current map no longer has is kept in the store but not shown.
      if (this.desks.get(claim.deskId)?.kind === "assignable") this.setOwner(claim.deskId, claim.memberId, claim.name);
    }
  }

  register(): void {
    const { guard } = this.context;
    guard.on(ClientMessage.Sit, (client, { desk }, reject) => this.sit(client.sessionId, desk, reject));
    guard.on(ClientMessage.Stand, (client) => this.stand(client.sessionId));
    // Claims are saved before they show; the guard tells the sender when the save fails.
    const failure = "the desk could not be saved; try again";
    guard.on(ClientMessage.ClaimDesk, (client, request, reject) => this.claim(client, request.desk, request.for ?? client.sessionId, reject), { failure });
    guard.on(ClientMessage.ReleaseDesk, (client, { desk }, reject) => this.release(client, desk, reject), { failure });
  }

  /** Claiming and releasing follow a role changed while someone is in. */
  roleChanged(sessionId: string, role: SpaceRole): void {
    const person = this.people.get(sessionId);
    if (person) person.role = role;
  }

  /** Newcomers arrive at their own desk when it is free. */
  onJoin(member: MemberState, identity: Identity): void {
    this.people.set(member.id, { memberId: identity.memberId, role: identity.role });
    const own = this.ownDeskOf(identity.memberId);
    if (!own || this.occupants.has(own.id)) return;
    // One's own desk inside a zone locked right now is not a way in.
    if (!this.context.placement.allowed(member.id, own.x, own.y)) return;
    member.x = own.x;
    member.y = own.y;
    this.seat(member, own);
  }

  onLeave(sessionId: string): void {
    this.stand(sessionId);
    this.people.delete(sessionId);
  }

  /** Anyone seated who moved (or is walking) has stood up. */
  tick(): void {
    for (const [deskId, sessionId] of this.occupants) {
      const member = this.context.state.members.get(sessionId);
      const desk = this.desks.get(deskId);
      if (!member || !desk || member.moving || member.x !== desk.x || member.y !== desk.y) this.stand(sessionId);
    }
  }

  sit(sessionId: string, deskId: string, reject: Reject): void {
    const member = this.context.state.members.get(sessionId);
    if (!member) return;
    const desk = this.desks.get(deskId);
    const refusal = sitRefusal(member, desk, this.occupants.get(deskId) ?? null, this.context.map.tileSize);
    if (refusal) return reject(SIT_REFUSAL_TEXT[refusal]);
    this.seat(member, desk!);
  }

  stand(sessionId: string): void {
    const member = this.context.state.members.get(sessionId);
    const deskId = member?.seat;
    if (!member || !deskId) return;
    if (this.occupants.get(deskId) === sessionId) this.occupants.delete(deskId);
    member.seat = "";
    this.status.setAtFocusDesk(sessionId, false);
  }

  private seat(member: MemberState, desk: Desk): void {
    member.x = desk.x;
    member.y = desk.y;
    member.facing = desk.facing;
    member.moving = false;
    member.seat = desk.id;
    this.occupants.set(desk.id, member.id);
    this.status.setAtFocusDesk(member.id, desk.kind === "focus");
  }

  private async claim(client: Client, deskId: string, forSession: string, reject: Reject): Promise<void> {
    const actor = this.people.get(client.sessionId);
    const assignee = this.people.get(forSession);
    const assigneeState = this.context.state.members.get(forSession);
    const actorState = this.context.state.members.get(client.sessionId);
    if (!actor || !actorState) return;
    if (!assignee || !assigneeState) return reject("that person is not here");
    if (this.saving.has(deskId)) return reject("this desk is being changed; try again");
    const desk = this.desks.get(deskId);
    const refusal = claimRefusal(actor, assignee, desk, this.context.state.desks.get(deskId)?.owner ?? null, this.policy);
    if (refusal) return reject(CLAIM_REFUSAL_TEXT[refusal]);
    // Claimed from beside it, as sitting is: a claim from afar would seat its owner behind a locked door on their next visit.
    if (!withinReach(actorState, desk!, this.context.map.tileSize)) return reject(SIT_REFUSAL_TEXT["too-far"]);
    const previous = this.ownDeskOf(assignee.memberId);
    if (previous?.id === deskId) return;
    this.saving.add(deskId);
    try {
      const stored = await this.persist(assignee.memberId, deskId);
      if (!stored) return reject("only members of this space can own a desk");
      // One desk per person: the new claim replaces the old one.
      if (previous) this.context.state.desks.delete(previous.id);
      this.setOwner(deskId, assignee.memberId, assigneeState.name);
    } finally {
      this.saving.delete(deskId);
    }
  }

  private async release(client: Client, deskId: string, reject: Reject): Promise<void> {
    const actor = this.people.get(client.sessionId);
    if (!actor) return;
    const owner = this.context.state.desks.get(deskId)?.owner ?? null;
    if (owner === null) return reject("this desk belongs to nobody");
    if (!mayRelease(actor, owner)) return reject("only its owner, or an owner or admin of the space, can release this desk");
    if (this.saving.has(deskId)) return reject("this desk is being changed; try again");
    this.saving.add(deskId);
    try {
      await this.persist(owner, null);
      this.context.state.desks.delete(deskId);
    } finally {
      this.saving.delete(deskId);
    }
  }

  /** Saves the claim when there is a store; false when the store does not know the member. */
  private async persist(memberId: string, deskId: string | null): Promise<boolean> {
    const store = this.context.deps.memberState;
    if (!store) return true;
    return store.setDesk(memberId, this.context.space, deskId);
  }

  private ownDeskOf(memberId: string): Desk | undefined {
    for (const owned of this.context.state.desks.values()) {
      if (owned.owner === memberId) return this.desks.get(owned.id);
    }
    return undefined;
  }

  private setOwner(deskId: string, memberId: string, name: string): void {
    const state = new DeskState();
    state.id = deskId;
    state.owner = memberId;
    state.ownerName = name;
    this.context.state.desks.set(deskId, state);
  }
}
