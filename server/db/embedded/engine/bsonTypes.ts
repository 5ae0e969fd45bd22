import { deserialize, serialize } from "bson";
import type { Document } from "bson";
import { bsonTag } from "./bsonOrder";

/**
 * Decoding that keeps each number's BSON type through a round trip. Plain JS numbers re-encode
 * as int32 when integral (and in range) and as double otherwise, so those stay numbers; what
 * would change type stays a wrapper: an int64 stays a Long, an integral double (42.0, -0) a Double.
 */
export const EXACT_DECODE = { promoteValues: false, promoteBuffers: false } as const;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

function normalize(v: unknown): unknown {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = normalize(v[i]);
    return v;
  }
  const tag = bsonTag(v);
  if (tag === "Int32") return (v as { value: number }).value;
  if (tag === "Double") {
    const n = (v as { value: number }).value;
    const reencodesAsInt = Number.isInteger(n) && !Object.is(n, -0) && n >= INT32_MIN && n <= INT32_MAX;
    return reencodesAsInt ? v : n;
  }
  if (tag === "BSONSymbol") return v;
  if (tag) return v;
  if (v instanceof Date || v instanceof RegExp) return v;
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) o[k] = normalize(o[k]);
  return o;
}

export function decodeExact(bytes: Uint8Array, extra: Record<string, unknown> = {}): Document {
  return normalize(deserialize(bytes, { ...EXACT_DECODE, ...extra })) as Document;
}

/** Deep copy through BSON that keeps ObjectId/Date/Binary and number types and never shares structure. */
export function cloneExact<T>(v: T): T {
  return decodeExact(serialize({ v })).v as T;
}
