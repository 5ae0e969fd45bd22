import type { Document } from "bson";
import { Aggregator } from "mingo";
import { compare, HashMap, isNil, unique } from "mingo/util";
import { MINGO_OPTIONS } from "../engine/query";
import type { Pacer } from "../engine/pacer";

/** Documents grouped per mingo run: well under a millisecond of work for small documents. */
const CHUNK = 500;

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
      return { partial: [{ $push: e }], merge: (a, b) => [[...(a[0] as unknown[]), ...(b[0] as unknown[])]], finish: only };
    case "$addToSet":
      return { partial: [{ $addToSet: e }], merge: (a, b) => [unique([...(a[0] as unknown[]), ...(b[0] as unknown[])])], finish: only };
    case "$mergeObjects":
      return { partial: [{ $mergeObjects: e }], merge: (a, b) => [{ ...(a[0] as Document), ...(b[0] as Document) }], finish: only };
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
  for (let from = 0; from < input.length; from += CHUNK) {
    for (const row of stage.run(input.slice(from, from + CHUNK)) as Document[]) {
      const parts = splits.map((s, i) => s.partial.map((_p, k) => row[`p${i}_${k}`]));
      const id = "_id" in row ? row._id : null;
      const seen = groups.get(id);
      if (!seen) groups.set(id, { id: row._id, parts });
      else seen.parts = seen.parts.map((p, i) => splits[i].merge(p, parts[i]));
    }
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
