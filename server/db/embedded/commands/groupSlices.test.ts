import type { Document } from "bson";
import { Aggregator } from "mingo";
import { MINGO_OPTIONS } from "../engine/query";
import { Pacer } from "../engine/pacer";
import { groupPaced, isCountGroup } from "./groupSlices";

// Mixed values across several 500-document chunks: missing fields, nulls, strings among numbers,
// nested objects, repeated values for $addToSet.
const docs: Document[] = Array.from({ length: 2345 }, (_, i) => {
  const d: Document = { i, room: `r${i % 7}`, kind: i % 3 === 0 ? null : { k: i % 2 } };
  if (i % 5 !== 0) d.n = i % 11;
  if (i % 13 === 0) d.n = "not a number";
  if (i % 4 === 0) d.tag = `t${i % 6}`;
  d.meta = { [`m${i % 3}`]: i };
  return d;
});

const byId = (a: Document, b: Document) => JSON.stringify(a._id).localeCompare(JSON.stringify(b._id));

const specs: Document[] = [
  { _id: "$room", total: { $sum: "$n" }, docs: { $sum: 1 }, c: { $count: {} }, avg: { $avg: "$n" } },
  { _id: "$kind", lo: { $min: "$n" }, hi: { $max: "$n" }, first: { $first: "$i" }, last: { $last: "$tag" } },
  { _id: { room: "$room", kind: "$kind" }, tags: { $addToSet: "$tag" }, seq: { $push: "$i" }, meta: { $mergeObjects: "$meta" } },
  { _id: null, avgMissing: { $avg: "$absent" }, maxMissing: { $max: "$absent" }, sum: { $sum: "$i" } },
];

test.each(specs.map((s) => [JSON.stringify(s), s]))("a paced $group %s gives what mingo gives in one go", async (_name, spec) => {
  const pacer = new Pacer();
  const paced = await groupPaced(docs, spec as Document, pacer);
  const whole = new Aggregator([{ $group: spec }], MINGO_OPTIONS).run(docs) as Document[];
  expect(paced).not.toBeNull();
  const normalise = (rows: Document[]) => rows.map((r) => (Array.isArray(r.tags) ? { ...r, tags: [...r.tags].sort() } : r)).sort(byId);
  expect(normalise(paced!)).toEqual(normalise(whole));
});

test("accumulators that do not combine by chunks are left to mingo; countDocuments' $group is recognised", async () => {
  expect(await groupPaced(docs, { _id: "$room", sd: { $stdDevPop: "$n" } }, new Pacer())).toBeNull();
  expect(await groupPaced(docs, { _id: "$room", a: { $avg: ["$n"] } }, new Pacer())).toBeNull();
  expect(await groupPaced(docs, { room: "$room" }, new Pacer())).toBeNull();
  expect(isCountGroup({ $group: { _id: 1, n: { $sum: 1 } } })).toBe(true);
  expect(isCountGroup({ $group: { _id: 1, n: { $sum: 2 } } })).toBe(false);
  expect(isCountGroup({ $group: { _id: null, n: { $sum: 1 } } })).toBe(false);
});
