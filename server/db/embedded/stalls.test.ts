import mongoose from "mongoose";
import v8 from "node:v8";
import vm from "node:vm";
import { loopGapsDuring } from "./testing/loopGaps";
import { openFixture } from "./testing/testSupport";
import type { StoreFixture } from "./testing/testSupport";

/**
 * Issue 14: operations that no index serves, on a collection of 40,000 documents, go through
 * the real driver and mongoose and must give the answers a plain in-memory computation gives
 * while never holding the event loop for long. The bound is generous (a loaded 2-core machine
 * must not make it flake) and counts work, not waiting for a core (testing/loopGaps.ts); it
 * includes the driver's decoding of each batch, which shares this process's loop. The figures
 * themselves are in `npm run bench:store`.
 */
const COUNT = 40_000;
const ROOMS = 97;
/**
 * Unpaced, every operation here holds the loop 0.55–3.1 s. Paced, the find's worst stretch is
 * 200–280 ms in this process, because the driver's decoding of a ~1 MB batch (and the store's
 * encoding of it) share the loop with the store; the store's own steps are in bench:store.
 */
const MAX_GAP_MS = 400;
/** Seconds on a quiet machine; a loaded one has taken ten times as long. */
const TIMEOUT_MS = 300_000;

interface Item {
  _id: number;
  room: string;
  score: number;
  text: string;
}

const items: Item[] = Array.from({ length: COUNT }, (_, i) => ({
  _id: i,
  room: `room-${i % ROOMS}`,
  score: (i * 7919) % 10_007,
  text: `note ${(i * 31) % COUNT} for the office`,
}));

const schema = new mongoose.Schema<Item>({ _id: Number, room: String, score: Number, text: String }, { versionKey: false });

let fx: StoreFixture;
let Items: mongoose.Model<Item>;

beforeAll(async () => {
  fx = await openFixture("stalls");
  Items = fx.conn.model<Item>("Item", schema, "items");
  const raw = fx.conn.db!.collection<Item>("items");
  for (let k = 0; k < COUNT; k += 1000) await raw.insertMany(items.slice(k, k + 1000));
}, TIMEOUT_MS);
afterAll(() => fx.dispose());

v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

/**
 * Runs `op`, checks the loop never worked MAX_GAP_MS without a timer tick (time spent waiting
 * for a core on a loaded machine not counted: see loopGaps.ts), and returns op's answer. The
 * garbage of what came before (40,000 inserts) is collected first, so a major GC it left does
 * not count against `op`. A read (`repeatable`) that went over is measured once more and its
 * better run counts: a GC or a cold JIT only ever adds, an unpaced scan is over every time.
 */
async function bounded<T>(op: () => Promise<T>, repeatable = false): Promise<T> {
  collectGarbage();
  let { result, gaps } = await loopGapsDuring(op);
  if (repeatable && gaps.workMs >= MAX_GAP_MS) {
    collectGarbage();
    const again = await loopGapsDuring(op);
    if (again.gaps.workMs < gaps.workMs) ({ result, gaps } = again);
  }
  expect(gaps.workMs).toBeLessThan(MAX_GAP_MS);
  return result;
}

const byText = (a: Item, b: Item) => (a.text < b.text ? 1 : a.text > b.text ? -1 : a._id - b._id);

test("find with a filter and a sort on unindexed fields", async () => {
  const found = await bounded(() => Items.find({ score: { $gte: 5000 } }).sort({ text: -1, _id: 1 }).lean(), true);
  const expected = items.filter((d) => d.score >= 5000).sort(byText);
  expect(found.length).toBe(expected.length);
  expect(found.map((d) => d._id)).toEqual(expected.map((d) => d._id));
  expect(found[0]).toEqual(expected[0]);
}, TIMEOUT_MS);

test("countDocuments, filtered and unfiltered, and estimatedDocumentCount", async () => {
  const n = await bounded(() => Items.countDocuments({ score: { $lt: 3000 } }), true);
  expect(n).toBe(items.filter((d) => d.score < 3000).length);
  expect(await bounded(() => Items.countDocuments({}))).toBe(COUNT);
  expect(await bounded(() => Items.estimatedDocumentCount())).toBe(COUNT);
}, TIMEOUT_MS);

test("distinct over an unindexed filter", async () => {
  const values = await bounded(() => Items.distinct("room", { score: { $lt: 5000 } }), true);
  const expected = new Set(items.filter((d) => d.score < 5000).map((d) => d.room));
  expect(new Set(values)).toEqual(expected);
  expect(values.length).toBe(expected.size);
}, TIMEOUT_MS);

test("aggregate: $match, then $group with sums, averages and extremes", async () => {
  const groups = await bounded(() =>
    Items.aggregate<{ _id: string; n: number; total: number; avg: number; top: number; low: number }>([
      { $match: { score: { $gte: 2000 } } },
      { $group: { _id: "$room", n: { $sum: 1 }, total: { $sum: "$score" }, avg: { $avg: "$score" }, top: { $max: "$score" }, low: { $min: "$_id" } } },
      { $sort: { _id: 1 } },
    ]),
    true,
  );
  const expected = new Map<string, { n: number; total: number; top: number; low: number }>();
  for (const d of items) {
    if (d.score < 2000) continue;
    const g = expected.get(d.room) ?? { n: 0, total: 0, top: -Infinity, low: Infinity };
    expected.set(d.room, { n: g.n + 1, total: g.total + d.score, top: Math.max(g.top, d.score), low: Math.min(g.low, d._id) });
  }
  expect(groups.map((g) => g._id)).toEqual([...expected.keys()].sort());
  for (const g of groups) {
    const e = expected.get(g._id)!;
    expect({ n: g.n, total: g.total, top: g.top, low: g.low }).toEqual(e);
    expect(g.avg).toBeCloseTo(e.total / e.n, 9);
  }
}, TIMEOUT_MS);

test("updateMany and deleteMany over unindexed filters", async () => {
  const targets = items.filter((d) => d.score % 2 === 1).length;
  const updated = await bounded(() => Items.updateMany({ score: { $mod: [2, 1] } }, { $inc: { score: 100_000 } }));
  expect(updated.matchedCount).toBe(targets);
  expect(updated.modifiedCount).toBe(targets);
  expect(await Items.countDocuments({ score: { $gte: 100_000 } })).toBe(targets);

  const deleted = await bounded(() => Items.deleteMany({ score: { $gte: 100_000 } }));
  expect(deleted.deletedCount).toBe(targets);
  const left = await Items.find({}, { _id: 1 }).sort({ _id: 1 }).lean();
  expect(left.map((d) => d._id)).toEqual(items.filter((d) => d.score % 2 === 0).map((d) => d._id));
}, TIMEOUT_MS);
