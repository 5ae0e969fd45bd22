import type { Document } from "bson";
import { MongoCommandError, refused } from "../errors";
import { compareValues, isNumeric, toDouble, TypeClass, typeClass } from "./bsonOrder";
import { isDocument, valuesAtPath } from "./paths";

const EMPTY_ARRAY_KEY = Symbol("empty array");

/**
 * The value a document sorts by on one path: arrays sort by their smallest element ascending
 * and their largest descending; an empty array sorts below null; a missing field is null.
 */
function sortKey(doc: Document, parts: string[], dir: 1 | -1): unknown {
  const found = valuesAtPath(doc, parts);
  let best: unknown;
  let have = false;
  let sawEmpty = false;
  for (const f of found) {
    if (Array.isArray(f.v) && !f.elem) {
      if (f.v.length === 0) sawEmpty = true;
      continue; // its elements are in `found` too
    }
    if (!have || dir * compareValues(f.v, best) < 0) {
      best = f.v;
      have = true;
    }
  }
  if (!have) return sawEmpty ? EMPTY_ARRAY_KEY : null;
  return best;
}

function compareKeys(a: unknown, b: unknown): number {
  if (a === EMPTY_ARRAY_KEY || b === EMPTY_ARRAY_KEY) {
    if (a === b) return 0;
    const other = a === EMPTY_ARRAY_KEY ? b : a;
    const c = typeClass(other) === TypeClass.MinKey ? 1 : -1;
    return a === EMPTY_ARRAY_KEY ? c : -c;
  }
  return compareValues(a, b);
}

function direction(field: string, v: unknown): 1 | -1 {
  if (isNumeric(v) && (toDouble(v) === 1 || toDouble(v) === -1)) return toDouble(v) as 1 | -1;
  if (isDocument(v) && "$meta" in v) throw refused(`sorting by {$meta: ${JSON.stringify(v.$meta)}}`);
  throw new MongoCommandError("BadValue", `$sort key ordering must be 1 (for ascending) or -1 (for descending); got ${JSON.stringify(v)} for ${field}`);
}

/** Sorts documents in BSON order (stable: ties keep their current order). */
export function sortDocuments(docs: Document[], spec: Document): Document[] {
  const fields = Object.entries(spec).map(([f, v]) => ({ parts: f.split("."), dir: direction(f, v) }));
  if (fields.length === 0) return docs;
  // { $natural: -1 } is insertion order backwards; the input is in insertion order.
  if (fields.length === 1 && fields[0].parts[0] === "$natural") return fields[0].dir === 1 ? docs : [...docs].reverse();
  const keyed = docs.map((d) => ({ d, keys: fields.map((f) => sortKey(d, f.parts, f.dir)) }));
  keyed.sort((x, y) => {
    for (let i = 0; i < fields.length; i++) {
      const c = compareKeys(x.keys[i], y.keys[i]);
      if (c !== 0) return fields[i].dir * c;
    }
    return 0;
  });
  return keyed.map((k) => k.d);
}
