import { crc32 } from "node:zlib";

/**
 * Every stored value is [u32 crc32 of key + payload][payload]. lmdb itself checks its page
 * structure but not the bytes of records, so one flipped bit would otherwise be served as
 * data; covering the key too catches a record whose key was damaged (moved, in effect).
 */
export class DataDamagedError extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

export function seal(key: Buffer, payload: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(4 + payload.length);
  out.writeUInt32LE(crc32(payload, crc32(key)), 0);
  out.set(payload, 4);
  return out;
}

/** The payload, or a DataDamagedError naming the table and key. */
export function unseal(table: string, key: Buffer, value: Buffer): Buffer {
  if (value.length < 4) throw new DataDamagedError(`${table} record ${key.toString("hex")} is truncated (${value.length} bytes)`);
  const payload = value.subarray(4);
  if (value.readUInt32LE(0) !== crc32(payload, crc32(key))) {
    throw new DataDamagedError(`${table} record ${key.toString("hex")} fails its checksum`);
  }
  return payload;
}
