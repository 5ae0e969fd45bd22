import { createHash } from "node:crypto";

/**
 * Binary keys of the lmdb tables. Big-endian integers keep lmdb's byte order equal to
 * numeric order, so one collection's documents (or one index key's entries) are one range.
 *
 *   docs:    [u32 collection id][u64 record id]
 *   entries: [u32 index id][u32 key length][key bytes][u64 record id]   (value: checksum only)
 *   unique:  [u32 index id][u32 key length][key bytes]                   (value: the record id)
 *
 * The key length makes an index key's range exact: no other key can share its prefix.
 * A unique index holds at most one record per key, so it is read with one exact `get`.
 */

/** Index keys above this many bytes are stored by hash (lmdb keys are limited to 1978 bytes). */
const MAX_RAW_KEY = 1024;
const ALL_FF = Buffer.alloc(9, 0xff);

export function docKey(collId: number, recId: number): Buffer {
  const k = Buffer.allocUnsafe(12);
  k.writeUInt32BE(collId, 0);
  k.writeBigUInt64BE(BigInt(recId), 4);
  return k;
}

export function recIdOf(key: Buffer): number {
  return Number(key.readBigUInt64BE(key.length - 8));
}

export function docRange(collId: number, afterRecId?: number): { start: Buffer; end: Buffer } {
  const start = afterRecId === undefined ? docKey(collId, 0) : docKey(collId, afterRecId + 1);
  const end = Buffer.alloc(4);
  end.writeUInt32BE(collId + 1, 0);
  return { start, end };
}

/** The stored form of an index key string: raw UTF-8, or `#` + SHA-256 when too long. */
export function storedKey(key: string): { bytes: Buffer; hashed: boolean } {
  const raw = Buffer.from(key, "utf8");
  if (raw.length <= MAX_RAW_KEY) return { bytes: raw, hashed: false };
  return { bytes: Buffer.concat([Buffer.from("#"), createHash("sha256").update(raw).digest()]), hashed: true };
}

export function uniqueKey(ixId: number, key: string): Buffer {
  return entryPrefix(ixId, storedKey(key).bytes);
}

function entryPrefix(ixId: number, bytes: Buffer): Buffer {
  const head = Buffer.allocUnsafe(8);
  head.writeUInt32BE(ixId, 0);
  head.writeUInt32BE(bytes.length, 4);
  return Buffer.concat([head, bytes]);
}

export function entryKey(ixId: number, key: string, recId: number): Buffer {
  const tail = Buffer.allocUnsafe(8);
  tail.writeBigUInt64BE(BigInt(recId), 0);
  return Buffer.concat([entryPrefix(ixId, storedKey(key).bytes), tail]);
}

/** Every entry of one key of one index. */
export function entryKeyRange(ixId: number, key: string): { start: Buffer; end: Buffer } {
  const prefix = entryPrefix(ixId, storedKey(key).bytes);
  return { start: prefix, end: Buffer.concat([prefix, ALL_FF]) };
}

/** Every entry of one index. */
export function indexRange(ixId: number): { start: Buffer; end: Buffer } {
  const start = Buffer.alloc(4);
  start.writeUInt32BE(ixId, 0);
  const end = Buffer.alloc(4);
  end.writeUInt32BE(ixId + 1, 0);
  return { start, end };
}
