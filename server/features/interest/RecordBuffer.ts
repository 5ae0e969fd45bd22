import { FRAME_RECORD_BYTES, GONE_BITS, writeFrameRecord } from "../../../shared/protocol/positionFrame";

/**
 * A byte buffer of position-frame records (shared/protocol/positionFrame.ts)
 * that grows by doubling and is kept between flushes: PositionStream writes
 * each cell's records, each person's extra records and each outgoing frame
 * into these, and allocates only when one outgrows what it had.
 */
export interface RecordBuffer {
  bytes: Uint8Array;
  length: number;
}

export function recordBuffer(initialBytes: number): RecordBuffer {
  return { bytes: new Uint8Array(initialBytes), length: 0 };
}

/** Appends where person `num` stands (x, y and the pose bits of positionFrame's poseBits). */
export function writePose(out: RecordBuffer, num: number, x: number, y: number, bits: number): void {
  reserve(out, FRAME_RECORD_BYTES);
  out.length = writeFrameRecord(out.bytes, out.length, num, x, y, bits);
}

/** Appends that person `num` is out of view. */
export function writeGone(out: RecordBuffer, num: number): void {
  reserve(out, FRAME_RECORD_BYTES);
  out.length = writeFrameRecord(out.bytes, out.length, num, 0, 0, GONE_BITS);
}

/** Appends what `from` holds; the caller has reserved the room (one reserve for a whole frame). */
export function append(out: RecordBuffer, from: RecordBuffer): void {
  out.bytes.set(from.bytes.subarray(0, from.length), out.length);
  out.length += from.length;
}

/** Makes room for `more` bytes after what `out` holds. */
export function reserve(out: RecordBuffer, more: number): void {
  if (out.length + more <= out.bytes.length) return;
  let size = out.bytes.length * 2;
  while (size < out.length + more) size *= 2;
  const bytes = new Uint8Array(size);
  bytes.set(out.bytes.subarray(0, out.length));
  out.bytes = bytes;
}
