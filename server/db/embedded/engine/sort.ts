import type { Document } from "bson";
import { MongoCommandError, refused } from "../errors";
import { compareValues, isNumeric, toDouble, TypeClass, typeClass } from "./bsonOrder";
import { drain, UNPACED } from "./pacer";
import type { PaceCheck } from "./pacer";
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

/** Sorts documents in BSON order (stable: ties keep their current order), in one go. */
export function sortDocuments(docs: Document[], spec: Document): Document[] {
  return drain(sortSteps(docs, spec, UNPACED));
}

/** Documents sorted in one `Array.sort`; larger inputs are sorted in runs and merged, paced. */
const RUN = 4096;

/**
 * `sortDocuments` as a paced generator (see pacer.ts): sort keys are computed a document at a
 * time, runs of RUN documents are sorted with `Array.sort` (stable), and runs are merged pairwise,
 * left first on ties, so the result is the same stable order as one big sort.
 */
export function* sortSteps(docs: Document[], spec: Document, pace: PaceCheck): Generator<void, Document[]> {
  const fields = Object.entries(spec).map(([f, v]) => ({ parts: f.split("."), dir: direction(f, v) }));
  if (fields.length === 0) return docs;
  // { $natural: -1 } is insertion order backwards; the input is in insertion order.
  if (fields.length === 1 && fields[0].parts[0] === "$natural") return fields[0].dir === 1 ? docs : [...docs].reverse();
  let keyed: Keyed[] = [];
  for (const d of docs) {
    keyed.push({ d, keys: fields.map((f) => sortKey(d, f.parts, f.dir)) });
    if (pace.due) yield;
  }
  const cmp = (x: Keyed, y: Keyed): number => {
    for (let i = 0; i < fields.length; i++) {
      const c = compareKeys(x.keys[i], y.keys[i]);
      if (c !== 0) return fields[i].dir * c;
    }
    return 0;
  };
  if (keyed.length <= RUN) return keyed.sort(cmp).map((k) => k.d);
  const runs: Keyed[][] = [];
  for (let i = 0; i < keyed.length; i += RUN) {
    runs.push(keyed.slice(i, i + RUN).sort(cmp));
    if (pace.due) yield;
  }
  keyed = [];
  let level = runs;
  while (level.length > 1) {
    const next: Keyed[][] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? yield* mergeSteps(level[i], level[i + 1], cmp, pace) : level[i]);
    level = next;
  }
  const out: Document[] = [];
  for (const k of level[0]) {
    out.push(k.d);
    if (pace.due) yield;
  }
  return out;
}

interface Keyed {
  d: Document;
  keys: unknown[];
}

function* mergeSteps(a: Keyed[], b: Keyed[], cmp: (x: Keyed, y: Keyed) => number, pace: PaceCheck): Generator<void, Keyed[]> {
  const out: Keyed[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    out.push(cmp(b[j], a[i]) < 0 ? b[j++] : a[i++]); // a's element first on ties: stable
    if ((out.length & 255) === 0 && pace.due) yield;
  }
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}
