import { FACINGS, type Facing } from "../avatars";

/**
 * The position frame: how people's positions travel from the room to one
 * client, as raw bytes (ServerMessage.Positions), apart from the schema state.
 * Names, statuses and zones stay in the state and reach everyone; positions
 * reach only the people near enough to see them, and only when they change.
 *
 * Layout (little-endian):
 *   header  u8 flags (bit 0: reset, forget every position known so far)
 *           u32 ack (the recipient's last applied move input)
 *   records u16 num (MemberState.num),
 *           u32 pose: bits 0–12 x, 13–25 y (whole pixels), 26–27 facing,
 *           28 moving, 29 gone (out of view; x and y are 0)
 * Records apply in order: a later record for the same person wins. Thirteen
 * bits hold any position on the largest map allowed (MAP_LIMITS: 200 tiles of
 * 32 px = 6,400 px), so a record is 6 bytes: most of a frame's size.
 */

export const FRAME_HEADER_BYTES = 5;
export const FRAME_RECORD_BYTES = 6;
/** The largest coordinate a record holds. */
export const MAX_FRAME_COORD = 0x1fff;

const RESET = 1;
const MOVING = 4;
const GONE = 8;
/** The pose bits of a "gone" record. */
export const GONE_BITS = GONE;

/** Packs facing and moving into a record's pose bits. */
export function poseBits(facing: string, moving: boolean): number {
  const index = FACINGS.indexOf(facing as Facing);
  return (index < 0 ? 0 : index) | (moving ? MOVING : 0);
}

export function writeFrameHeader(buffer: Uint8Array, at: number, reset: boolean, ack: number): number {
  buffer[at] = reset ? RESET : 0;
  buffer[at + 1] = ack & 0xff;
  buffer[at + 2] = (ack >>> 8) & 0xff;
  buffer[at + 3] = (ack >>> 16) & 0xff;
  buffer[at + 4] = (ack >>> 24) & 0xff;
  return at + FRAME_HEADER_BYTES;
}

export function writeFrameRecord(buffer: Uint8Array, at: number, num: number, x: number, y: number, bits: number): number {
  const pose = (Math.min(x, MAX_FRAME_COORD) | (Math.min(y, MAX_FRAME_COORD) << 13) | (bits << 26)) >>> 0;
  buffer[at] = num & 0xff;
  buffer[at + 1] = num >>> 8;
  buffer[at + 2] = pose & 0xff;
  buffer[at + 3] = (pose >>> 8) & 0xff;
  buffer[at + 4] = (pose >>> 16) & 0xff;
  buffer[at + 5] = pose >>> 24;
  return at + FRAME_RECORD_BYTES;
}

/** What a frame says about one person. */
export interface FrameRecord {
  num: number;
  /** False: out of the recipient's view (no position). */
  visible: boolean;
  x: number;
  y: number;
  facing: Facing;
  moving: boolean;
}

export interface FrameHeader {
  reset: boolean;
  ack: number;
}

/** Reads a frame's header; throws on a frame whose length is not a header plus whole records. */
export function readFrameHeader(bytes: Uint8Array): FrameHeader {
  if (bytes.length < FRAME_HEADER_BYTES || (bytes.length - FRAME_HEADER_BYTES) % FRAME_RECORD_BYTES !== 0) {
    throw new Error(`malformed position frame of ${bytes.length} bytes`);
  }
  return {
    reset: (bytes[0] & RESET) !== 0,
    ack: (bytes[1] | (bytes[2] << 8) | (bytes[3] << 16)) + bytes[4] * 0x1000000,
  };
}

/**
 * Calls `onRecord` for each record in order (a reset in the header applies
 * before them). The record object is reused between calls: copy what you keep.
 */
export function readFrameRecords(bytes: Uint8Array, onRecord: (record: FrameRecord) => void): void {
  const record = emptyRecord();
  for (let at = FRAME_HEADER_BYTES; at + FRAME_RECORD_BYTES <= bytes.length; at += FRAME_RECORD_BYTES) {
    onRecord(readRecordAt(bytes, at, record));
  }
}

export function emptyRecord(): FrameRecord {
  return { num: 0, visible: false, x: 0, y: 0, facing: "down", moving: false };
}

/** Reads the record at byte `at` into `record` (for loops that cannot afford a callback per record). */
export function readRecordAt(bytes: Uint8Array, at: number, record: FrameRecord): FrameRecord {
  const pose = (bytes[at + 2] | (bytes[at + 3] << 8) | (bytes[at + 4] << 16) | (bytes[at + 5] << 24)) >>> 0;
  const bits = pose >>> 26;
  record.num = bytes[at] | (bytes[at + 1] << 8);
  record.visible = (bits & GONE) === 0;
  record.x = pose & MAX_FRAME_COORD;
  record.y = (pose >>> 13) & MAX_FRAME_COORD;
  record.facing = FACINGS[bits & 3];
  record.moving = (bits & MOVING) !== 0;
  return record;
}
