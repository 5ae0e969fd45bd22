import { Binary, Decimal128, Double, Int32, Long, ObjectId, Timestamp } from "bson";

/**
 * Canonical string for a value, equal exactly when MongoDB's equality would call the
 * values equal (1, 1.0 and Long(1) share a key). Used as the key of in-memory index maps.
 */
export function valueKey(v: unknown): string {
  if (v === undefined || v === null) return "z";
  switch (typeof v) {
    case "number":
      return "n" + (Object.is(v, -0) ? "0" : String(v));
    case "bigint":
      return "n" + v.toString();
    case "string":
      return "s" + v;
    case "boolean":
      return v ? "b1" : "b0";
    default:
      break;
  }
  if (v instanceof ObjectId) return "o" + v.toHexString();
  if (v instanceof Date) return "d" + v.getTime();
  if (v instanceof Int32 || v instanceof Double) return valueKey(v.valueOf());
  if (v instanceof Long) {
    const n = v.toNumber();
    return Number.isSafeInteger(n) ? valueKey(n) : "n" + v.toString();
  }
  if (v instanceof Decimal128) return "n" + v.toString();
  if (v instanceof Binary) return "x" + v.sub_type + ":" + Buffer.from(v.buffer).toString("base64");
  if (v instanceof Timestamp) return "t" + v.toString();
  if (v instanceof RegExp) return "r" + v.source + "/" + v.flags;
  if (Array.isArray(v)) return "[" + v.map(valueKey).join(",") + "]";
  if (typeof v === "object") {
    const obj = v as Record<string, unknown>;
    if (obj._bsontype) return "?" + String(obj._bsontype) + ":" + String(obj);
    return "{" + Object.keys(obj).map((k) => JSON.stringify(k) + ":" + valueKey(obj[k])).join(",") + "}";
  }
  return "?" + String(v);
}

/** True for values whose index key reliably means MongoDB equality (safe for index lookups). */
export function isIndexableScalar(v: unknown): boolean {
  if (typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v);
  return v instanceof ObjectId || v instanceof Date;
}

/** Reads a dotted path; arrays along the way yield every element's value (multikey). */
export function pathValues(doc: unknown, path: string): unknown[] {
  const parts = path.split(".");
  let current: unknown[] = [doc];
  for (const part of parts) {
    const next: unknown[] = [];
    for (const c of current) {
      if (Array.isArray(c)) {
        if (/^\d+$/.test(part)) next.push(c[Number(part)]);
        else for (const el of c) if (el && typeof el === "object" && !Array.isArray(el)) next.push((el as Record<string, unknown>)[part]);
      } else if (c && typeof c === "object") {
        next.push((c as Record<string, unknown>)[part]);
      } else {
        next.push(undefined);
      }
    }
    current = next;
  }
  const flat: unknown[] = [];
  for (const v of current) {
    if (Array.isArray(v)) {
      if (v.length === 0) flat.push(undefined);
      else flat.push(...v);
    } else flat.push(v);
  }
  return flat;
}

/** First value at a dotted path (no array expansion), for keyValue in error messages. */
export function getPath(doc: unknown, path: string): unknown {
  let c: unknown = doc;
  for (const part of path.split(".")) {
    if (c === null || typeof c !== "object") return undefined;
    c = (c as Record<string, unknown>)[part];
  }
  return c;
}
