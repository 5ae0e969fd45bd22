import { crc32 } from "node:zlib";
import { deserialize, serialize } from "bson";
import type { Document } from "bson";

/**
 * Framing shared by journal and snapshot files: [u32 length][u32 crc32][BSON payload].
 * A crash can leave a half-written last record; length + checksum let readers stop there.
 */
const RECORD_HEADER = 8;
const MAX_RECORD = 64 * 1024 * 1024;

export function encodeRecord(doc: Document): Buffer {
  const payload = serialize(doc);
  const out = Buffer.allocUnsafe(RECORD_HEADER + payload.length);
  out.writeUInt32LE(payload.length, 0);
  out.writeUInt32LE(crc32(payload), 4);
  out.set(payload, RECORD_HEADER);
  return out;
}

export interface DecodedRecords {
  docs: Document[];
  /** Bytes up to the end of the last intact record. */
  validLength: number;
  /** Why reading stopped before the end of the buffer, if it did. */
  stoppedBecause: string | null;
}

export function decodeRecords(buf: Buffer): DecodedRecords {
  const docs: Document[] = [];
  let pos = 0;
  while (pos < buf.length) {
    if (buf.length - pos < RECORD_HEADER) return { docs, validLength: pos, stoppedBecause: "truncated record header" };
    const len = buf.readUInt32LE(pos);
    const sum = buf.readUInt32LE(pos + 4);
    if (len < 5 || len > MAX_RECORD) return { docs, validLength: pos, stoppedBecause: `bad record length ${len}` };
    const end = pos + RECORD_HEADER + len;
    if (end > buf.length) return { docs, validLength: pos, stoppedBecause: "truncated record payload" };
    const payload = buf.subarray(pos + RECORD_HEADER, end);
    if (crc32(payload) !== sum) return { docs, validLength: pos, stoppedBecause: "record checksum mismatch" };
    try {
      docs.push(deserialize(payload, { promoteBuffers: false }));
    } catch (err) {
      return { docs, validLength: pos, stoppedBecause: `undecodable record: ${(err as Error).message}` };
    }
    pos = end;
  }
  return { docs, validLength: pos, stoppedBecause: null };
}
