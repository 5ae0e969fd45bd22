import type { Facing } from "../avatars";
import { FRAME_HEADER_BYTES, FRAME_RECORD_BYTES, emptyRecord, readFrameHeader, readRecordAt, type FrameRecord } from "./positionFrame";

export interface Pose {
  x: number;
  y: number;
  facing: Facing;
  moving: boolean;
}

/**
 * A client's picture of where people are, kept from position frames. Frames
 * name people by number (MemberState.num); the state says whose number is
 * whose, and may say it a moment after the first frame about them, so a
 * record for a number not yet bound is held until it is.
 */
export class PositionBook {
  private readonly idByNum = new Map<number, string>();
  private readonly numById = new Map<string, number>();
  private readonly poses = new Map<string, Pose>();
  /** Latest record for numbers the state has not introduced yet (null: out of view). */
  private readonly waiting = new Map<number, Pose | null>();
  private lastAck = 0;
  private readonly record = emptyRecord();

  /**
   * `holdUnbound: false` drops records for numbers not bound yet instead of
   * keeping them: for a reader (a load bot) that binds only the few people it
   * looks at, when they are looked at.
   */
  constructor(private readonly options: { holdUnbound?: boolean } = {}) {}

  /** The recipient's last applied move input, from the latest frame. */
  get ack(): number {
    return this.lastAck;
  }

  /** Where they are, or undefined while they are out of view (or unknown). The object is updated in place by later frames. */
  pose(id: string): Pose | undefined {
    return this.poses.get(id);
  }

  /** The state says member `id` has number `num`; returns true when that placed them. */
  bind(id: string, num: number): boolean {
    const before = this.numById.get(id);
    if (before === num) return false;
    if (before !== undefined) this.idByNum.delete(before);
    if (num <= 0) {
      this.numById.delete(id);
      return false;
    }
    this.idByNum.set(num, id);
    this.numById.set(id, num);
    if (!this.waiting.has(num)) return false;
    const pose = this.waiting.get(num);
    this.waiting.delete(num);
    if (pose) this.poses.set(id, pose);
    else this.poses.delete(id);
    return true;
  }

  /**
   * Where member `id`, numbered `num` in the state, is: binds first, so a
   * reader that looks people up in the state needs no callback of its own.
   */
  poseOf(id: string, num: number): Pose | undefined {
    this.bind(id, num);
    return this.poses.get(id);
  }

  /** They left the room. */
  forget(id: string): void {
    const num = this.numById.get(id);
    if (num !== undefined) {
      this.idByNum.delete(num);
      this.waiting.delete(num);
    }
    this.numById.delete(id);
    this.poses.delete(id);
  }

  /** Everyone's position is unknown again (a new connection starts from a reset frame). */
  clear(): void {
    this.poses.clear();
    this.waiting.clear();
  }

  /**
   * Applies one frame; calls `changed` once per bound person whose position
   * changed (including coming into or going out of view). Throws on a
   * malformed frame without applying any of it.
   */
  apply(frame: Uint8Array, changed?: (id: string) => void): void {
    const header = readFrameHeader(frame);
    const touched = changed ? new Set<string>() : null;
    if (header.reset) {
      if (touched) for (const id of this.poses.keys()) touched.add(id);
      this.clear();
    }
    this.lastAck = header.ack;
    // A crowd sends thousands of records a second: one reused record, poses updated in place
    // (readers copy what they keep).
    const record = this.record;
    for (let at = FRAME_HEADER_BYTES; at + FRAME_RECORD_BYTES <= frame.length; at += FRAME_RECORD_BYTES) {
      readRecordAt(frame, at, record);
      const id = this.idByNum.get(record.num);
      if (id === undefined) {
        if (this.options.holdUnbound !== false) this.waiting.set(record.num, record.visible ? toPose(record) : null);
        continue;
      }
      touched?.add(id);
      if (!record.visible) {
        this.poses.delete(id);
        continue;
      }
      const pose = this.poses.get(id);
      if (!pose) {
        this.poses.set(id, toPose(record));
        continue;
      }
      pose.x = record.x;
      pose.y = record.y;
      pose.facing = record.facing;
      pose.moving = record.moving;
    }
    if (touched) for (const id of touched) changed!(id);
  }
}

function toPose(record: FrameRecord): Pose {
  return { x: record.x, y: record.y, facing: record.facing, moving: record.moving };
}
