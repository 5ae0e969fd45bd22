import type { Document } from "bson";
import { bsonTag } from "./bsonOrder";

/** A plain embedded document: not an array, date, regex or BSON value object. */
export function isDocument(v: unknown): v is Document {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp) && !bsonTag(v);
}

/** A DBRef is matched as the document it encodes ({ $ref, $id, $db, ... }). */
export function docView(v: unknown): unknown {
  return bsonTag(v) === "DBRef" ? (v as { toJSON(): unknown }).toJSON() : v;
}

/** Own fields only: a stored "__proto__" or "constructor" key is data, never the prototype. */
export function getOwn(o: unknown, key: string): unknown {
  if (o === null || typeof o !== "object") return undefined;
  return Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}

/** Sets a field as data even when it is named "__proto__". */
export function setOwn(o: Record<string, unknown> | unknown[], key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
  else (o as Record<string, unknown>)[key] = value;
}

export const isIndexPart = (p: string): boolean => /^(0|[1-9]\d*)$/.test(p);

/**
 * One value a query path reaches. `elem` marks an element of an array found at the end of the
 * path (MongoDB tests those as well as the array itself).
 */
export interface Found {
  v: unknown;
  elem: boolean;
}

/**
 * Every value at a dotted path, with MongoDB's implicit array traversal: an array along the
 * way is searched element by element (and by position when the next part is a number).
 * A path that leads nowhere yields one `undefined`, which is what `null` and `$exists` test.
 */
export function valuesAtPath(doc: unknown, parts: string[]): Found[] {
  const out: Found[] = [];
  collect(doc, parts, 0, out);
  return out;
}

function collect(value: unknown, parts: string[], i: number, out: Found[]): void {
  if (i === parts.length) {
    const cur = value;
    out.push({ v: cur, elem: false });
    if (Array.isArray(cur)) for (const e of cur) out.push({ v: e, elem: true });
    return;
  }
  const part = parts[i];
  const cur = docView(value);
  if (Array.isArray(cur)) {
    const before = out.length;
    if (isIndexPart(part) && Number(part) < cur.length) collect(cur[Number(part)], parts, i + 1, out);
    for (const raw of cur) {
      const e = docView(raw);
      if (isDocument(e)) collect(getOwn(e, part), parts, i + 1, out);
    }
    if (out.length === before) out.push({ v: undefined, elem: false });
    return;
  }
  if (isDocument(cur)) {
    collect(getOwn(cur, part), parts, i + 1, out);
    return;
  }
  out.push({ v: undefined, elem: false });
}

/** The value at a dotted path without array traversal (numeric parts index arrays). */
export function valueAt(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split(".")) {
    if (Array.isArray(cur)) cur = isIndexPart(part) ? cur[Number(part)] : undefined;
    else if (isDocument(cur)) cur = getOwn(cur, part);
    else return undefined;
  }
  return cur;
}
