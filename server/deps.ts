import type { Router } from "express";
import type { AvatarId, Facing } from "../shared/avatars";
import type { OfficeMap } from "../shared/map/types";
import type { ChatStore } from "./features/chat/ChatStore";
import type { MeetupStore } from "./features/meetups/MeetupStore";

/**
 * What the server needs from the outside world, injected at the composition
 * root (startServer) so persistence and accounts plug in without touching rooms.
 */

export type Role = "owner" | "admin" | "mapMaker" | "member" | "guest";

/** Who is joining a room, as established by the identity provider. */
export interface Identity {
  /** Stable across sessions for accounts; a fresh id for guests. */
  memberId: string;
  name: string;
  avatar: AvatarId;
  role: Role;
  /** The space (office) slug this identity joins; rooms are one per space. */
  space: string;
}

export interface JoinContext {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
}

export interface ActiveMap {
  /** The Tiled JSON as authored; served to clients for rendering. */
  tiled: object;
  /** The parsed model the room simulates with. */
  map: OfficeMap;
  /** Increases whenever the space's map changes. */
  version: number;
}

export interface MapSource {
  /** The map currently active in a space, or null when the space does not exist. */
  activeMap(space: string): Promise<ActiveMap | null>;
}

export interface IdentityProvider {
  /**
   * Validates join options (and any session credentials in the headers).
   * Throws a Colyseus ServerError whose message a browser can show as is.
   */
  authenticateJoin(options: unknown, context: JoinContext): Promise<Identity>;
}

export interface SavedPosition {
  x: number;
  y: number;
  facing: Facing;
}

export interface PresenceStore {
  load(memberId: string, space: string): Promise<SavedPosition | null>;
  save(memberId: string, space: string, position: SavedPosition): Promise<void>;
}

/** A space's conversation tuning, as its owner configured it; absent fields take the defaults. */
export interface SpaceSettingsForRoom {
  /** People start talking within this many tiles (the grouping's form radius). */
  hearingRadiusTiles?: number;
  /** A member stays in a conversation within this many tiles of another member. */
  leaveRadiusTiles?: number;
  maxConversationSize?: number;
  /** Who may schedule meetups (issue 6); "members" when absent. */
  meetupHosts?: "anyone" | "members" | "admins";
}

export interface SpaceSettingsSource {
  /** The space's settings, or null when the space is unknown (rooms then use the defaults). */
  settings(space: string): Promise<SpaceSettingsForRoom | null>;
}

export interface SavedStatus {
  /** available | busy | focus | away, as chosen (never the automatic away). */
  kind: string;
  text: string;
}

export interface DeskClaim {
  deskId: string;
  memberId: string;
  /** The owner's display name. */
  name: string;
}

/** Per-member state beyond position: the chosen status and "my desk" (issue 5). */
export interface MemberStateStore {
  loadStatus(memberId: string, space: string): Promise<SavedStatus | null>;
  saveStatus(memberId: string, space: string, status: SavedStatus): Promise<void>;
  /** The space's desk policy and every claimed desk in it. */
  loadDesks(space: string): Promise<{ policy: "anyone" | "admins"; claims: DeskClaim[] }>;
  /** Makes `deskId` the member's desk (null: none). False when the member is not stored here. */
  setDesk(memberId: string, space: string, deskId: string | null): Promise<boolean>;
}

/** People's stored names and looks: the room shows these, never a name a client sends. */
export interface ProfileSource {
  /** The member record's name and avatar, or null when there is no such member. */
  profile(memberId: string): Promise<{ name: string; avatar: AvatarId } | null>;
}

export interface ServerDeps {
  maps: MapSource;
  identity: IdentityProvider;
  /** Mounted at /api when given (accounts, spaces, admin). */
  apiRouter?: Router;
  /** When given, positions are restored on join and saved on leave and periodically. */
  presenceStore?: PresenceStore;
  /** When given, chosen statuses and desk claims are saved and restored (else they last as long as the room). */
  memberState?: MemberStateStore;
  /** Per-space settings (conversation radii and cap); defaults when absent. */
  spaces?: SpaceSettingsSource;
  /** Chat history (the last few hundred lines per channel); kept in memory for the room's process when absent. */
  chat?: ChatStore;
  /** Persists bans (membership.banned); without it a room can kick but not ban. */
  bans?: BanStore;
  /** Stored profiles; without it names and looks cannot change while someone is in the room. */
  profiles?: ProfileSource;
  /** Meetups and their attendance (issue 6); kept in memory for the room's life when absent. */
  meetups?: MeetupStore;
}

/** Sets a member's ban in a space; false when they hold no membership there. */
export interface BanStore {
  /** `byMemberId`: who banned, for the space's audit log. */
  setBanned(memberId: string, space: string, banned: boolean, byMemberId?: string): Promise<boolean>;
}
