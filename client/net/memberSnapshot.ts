import type { Pose } from "../../shared/protocol/PositionBook";
import type { MemberSnapshot } from "./types";

/**
 * Members as plain snapshots: the replicated fields of the room's state,
 * joined with the position this client last got in a position frame.
 */

/** The fields the room's MemberState schema replicates (read-only view). */
export interface RemoteMember {
  id: string;
  memberId: string;
  name: string;
  avatar: string;
  /** Names them in position frames (positions travel apart from the state: PositionBook). */
  num: number;
  zone: string;
  status: string;
  statusText: string;
  seat: string;
  focusStart: number;
  focusEnd: number;
  role: string;
  /** Absent from servers older than issue 16's call media state. */
  micOn?: boolean;
  cameraOn?: boolean;
}

export function toSnapshot(member: RemoteMember, key: string, pose: Pose | undefined, ack: number): MemberSnapshot {
  return withPose(
    {
      id: member.id || key,
      memberId: member.memberId,
      name: member.name,
      avatar: member.avatar,
      x: Number.NaN,
      y: Number.NaN,
      facing: "down",
      moving: false,
      ack,
      zone: member.zone,
      status: member.status,
      statusText: member.statusText,
      seat: member.seat,
      focusStart: member.focusStart,
      focusEnd: member.focusEnd,
      role: member.role,
      // An older server says nothing: shown as on, as before.
      micOn: member.micOn ?? true,
      cameraOn: member.cameraOn ?? true,
    },
    pose,
    ack,
  );
}

/** The snapshot with a position from the frames; without one, present but not located (out of view). */
export function withPose(snapshot: MemberSnapshot, pose: Pose | undefined, ack: number): MemberSnapshot {
  return {
    ...snapshot,
    x: pose ? pose.x : Number.NaN,
    y: pose ? pose.y : Number.NaN,
    located: pose !== undefined,
    facing: pose ? pose.facing : snapshot.facing,
    moving: pose ? pose.moving : false,
    ack,
  };
}
