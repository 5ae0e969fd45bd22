import type { Facing } from "../../shared/avatars";

/** A plain copy of one member's replicated state, detached from Colyseus schema objects. */
export interface MemberSnapshot {
  /** The member's session id (key in the room's `members` map). */
  id: string;
  memberId: string;
  name: string;
  avatar: string;
  /** Feet point in pixels. */
  x: number;
  y: number;
  facing: Facing;
  moving: boolean;
  /** Seq of the last move input the server applied for this member. */
  ack: number;
}

export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "disconnected";
