import type { Document } from "bson";
import { performance } from "node:perf_hooks";
import { Aggregator } from "mingo";
import { compare, HashMap, isNil, unique } from "mingo/util";
import { MINGO_OPTIONS } from "../engine/query";
import type { Pacer } from "../engine/pacer";

/**
 * mingo groups at 10-30 µs per document, so a chunk is sized from the last one's time to take
 * about CHUNK_MS, within [MIN_CHUNK, MAX_CHUNK] documents (a few documents per chunk would spend
 * more in mingo's per-run setup than in grouping).
 */
const CHUNK_MS = 4;
const FIRST_CHUNK = 200;
const MIN_CHUNK = 16;
const MAX_CHUNK = 4000;

/**
 * How one accumulator of a `$group` is split: the accumulators mingo runs over each chunk
 * (`partial`), how two chunks' results combine (`merge`, in input order), and the final value.
 */
interface Split {
  partial: Document[];
  merge(a: unknown[], b: unknown[]): unknown[];
  finish(p: unknown[]): unknown;
}

const add = (a: unknown[], b: unknown[]) => a.map((v, i) => (v as number) + (b[i] as number));
const only = (p: unknown[]) => p[0];
/** Appends in place: a group's list grows chunk by chunk, and copying it each time would be quadratic. */
const append = (a: unknown[], b: unknown[]) => {
  const into = a[0] as unknown[];
  for (const v of b[0] as unknown[]) into.push(v);
  return a;
};

/** The accumulators whose chunk results combine exactly; any other one runs the stage in one go. */
function split(acc: Document): Split | null {
  const ops = Object.keys(acc ?? {});
  if (ops.length !== 1) return null;
  const op = ops[0];
  const e = acc[op];
  switch (op) {
    case "$sum":
    case "$count":
      return { partial: [{ [op]: e }], merge: add, finish: only };
    case "$avg":
      // {$isNumber: [..]} would read an array as its argument list.
      if (Array.isArray(e)) return null;
      return {
        partial: [{ $sum: e }, { $sum: { $cond: [{ $isNumber: e }, 1, 0] } }],
        merge: add,
        finish: (p) => ((p[1] as number) === 0 ? null : (p[0] as number) / (p[1] as number)),
      };
    case "$min":
    case "$max": {
      const sign = op === "$min" ? 1 : -1;
      const pick = (a: unknown, b: unknown) => (isNil(a) ? b : isNil(b) ? a : sign * compare(a, b) <= 0 ? a : b);
      return { partial: [{ [op]: e }], merge: (a, b) => [pick(a[0], b[0])], finish: (p) => p[0] ?? null };
    }
    case "$first":
      return { partial: [{ $first: e }], merge: (a) => a, finish: only };
    case "$last":
      return { partial: [{ $last: e }], merge: (_a, b) => b, finish: only };
    case "$push":
      return { partial: [{ $push: e }], merge: append, finish: only };
    case "$addToSet":
      // Each chunk's set is already unique; the duplicates across chunks go at the end.
      return { partial: [{ $addToSet: e }], merge: append, finish: (p) => unique(p[0] as unknown[]) };
    case "$mergeObjects":
      return { partial: [{ $mergeObjects: e }], merge: (a, b) => [Object.assign(a[0] as Document, b[0] as Document)], finish: only };
    default:
      return null;
  }
}

/**
 * A `$group` stage run a chunk of documents at a time with pauses in between (issue 14: mingo
 * runs a stage in one synchronous go, 66 ms for a `$group` over a large `$match`). Each chunk
 * is grouped by mingo itself, so group keys and accumulators keep mingo's semantics; chunk
 * results are combined in input order. Resolves null when the stage has an accumulator that
 * does not combine this way ($stdDevPop, $top, $median, ...): the caller runs it in one go.
 * Sums of non-integral doubles may differ from one sequential sum in the last bits, as
 * mongod's own summation does.
 */
export async function groupPaced(input: Document[], spec: Document, pacer: Pacer): Promise<Document[] | null> {
  if (!spec || typeof spec !== "object" || !("_id" in spec)) return null;
  const fields = Object.keys(spec).filter((k) => k !== "_id");
  const splits: Split[] = [];
  for (const f of fields) {
    const s = split(spec[f] as Document);
    if (!s) return null;
    splits.push(s);
  }
  // Partial accumulators are named p<field>_<k>, so no user field name can collide.
  const partialSpec: Document = { _id: spec._id };
  splits.forEach((s, i) => s.partial.forEach((p, k) => (partialSpec[`p${i}_${k}`] = p)));
  const stage = new Aggregator([{ $group: partialSpec }], MINGO_OPTIONS);
  // Keyed by mingo's own value equality; a Map keeps the order in which groups first appear.
  const groups = HashMap.init() as unknown as Map<unknown, { id: unknown; parts: unknown[][] }>;
  let chunk = FIRST_CHUNK;
  for (let from = 0; from < input.length; ) {
    const t0 = performance.now();
    const rows = stage.run(input.slice(from, from + chunk)) as Document[];
    from += chunk;
    for (const row of rows) {
      const parts = splits.map((s, i) => s.partial.map((_p, k) => row[`p${i}_${k}`]));
      const id = "_id" in row ? row._id : null;
      const seen = groups.get(id);
      if (!seen) groups.set(id, { id: row._id, parts });
      else seen.parts = seen.parts.map((p, i) => splits[i].merge(p, parts[i]));
    }
    // The next chunk's size follows this one's time.
    const ms = Math.max(performance.now() - t0, 0.05);
    chunk = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, Math.round((chunk * CHUNK_MS) / ms)));
    if (pacer.due) await pacer.pause();
  }
  const out: Document[] = [];
  for (const { id, parts } of groups.values()) {
    const doc: Document = id !== undefined ? { _id: id } : {};
    fields.forEach((f, i) => (doc[f] = splits[i].finish(parts[i])));
    out.push(doc);
  }
  return out;
}

/** countDocuments' pipeline tail: `{ $group: { _id: 1, n: { $sum: 1 } } }`. */
export function isCountGroup(stage: Document | undefined): boolean {
  const g = stage?.$group as Document | undefined;
  if (!g || Object.keys(stage!).length !== 1 || Object.keys(g).length !== 2 || g._id !== 1) return false;
  const n = g.n as Document | undefined;
  return !!n && Object.keys(n).length === 1 && n.$sum === 1;
}
