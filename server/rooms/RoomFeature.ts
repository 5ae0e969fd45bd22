import type { Client, Room } from "@colyseus/core";
import type { OfficeMap } from "../../shared/map/types";
import type { Identity, Role, ServerDeps, SpaceSettingsForRoom } from "../deps";
import type { Logger } from "../log";
import type { MessageGuard } from "../net/MessageGuard";
import type { MemberState } from "../schema/MemberState";
import type { OfficeState } from "../schema/OfficeState";
import type { Placement } from "../systems/Placement";

/**
 * What a room feature (proximity, desks, meetups…) may use. Features register
 * their messages through `guard` (so every message is validated) and keep
 * their own state; OfficeRoom only calls their hooks in order.
 */
export interface RoomContext {
  readonly room: Room<OfficeState>;
  readonly space: string;
  readonly state: OfficeState;
  readonly map: OfficeMap;
  readonly guard: MessageGuard;
  readonly deps: ServerDeps;
  readonly log: Logger;
  /** Whether (and where nearby) someone may be put without walking: every teleport and seat asks it. */
  readonly placement: Placement;
  /**
   * Work a hook starts and does not wait for (history after a join, a periodic
   * check): a failure is logged here, with `what`, never left unhandled.
   */
  background(what: string, task: Promise<unknown>): void;
  /** The connected client of a session, if any (a dropped one awaiting reconnection is absent). */
  client(sessionId: string): Client | undefined;
}

export interface RoomFeature {
  /** After the member was added to the state. */
  onJoin?(client: Client, member: MemberState, identity: Identity): void | Promise<void>;
  /** A dropped client came back within the reconnection window (it missed any messages meanwhile). */
  onReconnect?(client: Client, member: MemberState): void;
  /** Before the member is removed from the state (they left for good). */
  onLeave?(sessionId: string, member: MemberState): void | Promise<void>;
  /** Every simulation tick, after movement was applied. */
  tick?(): void;
  /** Right after each state patch went out (at the patch rate): per-client streams that must follow the state (positions). */
  afterPatch?(): void;
  /** An owner or admin changed the space's settings while the room is open (null: they could not be read). */
  settingsChanged?(settings: SpaceSettingsForRoom | null): void;
  /** An owner or admin changed this person's role in the space while they are in (member.role already holds it). */
  roleChanged?(sessionId: string, member: MemberState, role: Role): void;
  /** The room is closing. */
  dispose?(): void | Promise<void>;
}

export type RoomFeatureFactory = (context: RoomContext) => RoomFeature | Promise<RoomFeature>;
