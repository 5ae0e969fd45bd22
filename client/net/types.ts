import type { Facing } from "../../shared/avatars";

/** A plain copy of one member's replicated state, detached from Colyseus schema objects. */
export interface MemberSnapshot {
  /** The member's session id (key in the room's `members` map). */
  id: string;
  memberId: string;
  name: string;
  avatar: string;
  /** Feet point in pixels; NaN while `located` is false. */
  x: number;
  y: number;
  /**
   * False while the server does not stream this person's position to us
   * (they are far away: interest management). They are still present, with
   * name, status and zone.
   */
  located?: boolean;
  /** Name of the zone they stand in ("" outside every zone), as the server decided. */
  zone?: string;
  facing: Facing;
  moving: boolean;
  /** Seq of the last move input the server applied for this member. */
  ack: number;
  /** available | busy | focus | away (shared/status), as the server decided. */
  status?: string;
  statusText?: string;
  /** Desk id the member sits at, "" when standing. */
  seat?: string;
  /** Focus timer on the server's clock (ms since epoch): running when focusStart > 0, ended when only focusEnd is set. */
  focusStart?: number;
  focusEnd?: number;
  /** owner | admin | member | guest in this space, as the server admitted them (shared/moderation). */
  role?: string;
  /** Whether their microphone and camera are on, as their page reports (absent = on). */
  micOn?: boolean;
  cameraOn?: boolean;
}

/** An assignable desk that belongs to someone. */
export interface DeskOwner {
  deskId: string;
  /** memberId of the owner. */
  owner: string;
  ownerName: string;
}

export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "disconnected";
