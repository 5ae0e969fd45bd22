// MongoDB's answers, through real mongoose, where the embedded store used to give different ones
// (found by running mongoose's own test suite against it; see docs/persistence.md).
import mongoose from "mongoose";
import { openFixture } from "./testing/testSupport";
import type { StoreFixture } from "./testing/testSupport";

const { Binary, Decimal128 } = mongoose.mongo;

const itemSchema = new mongoose.Schema({ name: String, qty: Number }, { timestamps: true });
const orderSchema = new mongoose.Schema({ customer: String, tags: [String], items: [itemSchema], total: Number });

let fx: StoreFixture;
const makeOrder = (conn: mongoose.Connection) => conn.model("Order", orderSchema);
let Order: ReturnType<typeof makeOrder>;
const raw = () => fx.conn.db!.collection("raw");

beforeAll(async () => {
  fx = await openFixture("semantics");
  Order = makeOrder(fx.conn);
});
afterAll(() => fx.dispose());
beforeEach(async () => {
  await Order.deleteMany({});
  await raw().deleteMany({});
});

test("an upsert whose filter names _id inserts with that _id (findByIdAndUpdate, updateOne)", async () => {
  const id = new mongoose.Types.ObjectId();
  const doc = await Order.findByIdAndUpdate(id, { $set: { customer: "Ada" } }, { upsert: true, returnDocument: "after" }).lean();
  expect(String(doc?._id)).toBe(String(id));
  expect(doc?.customer).toBe("Ada");
  const other = new mongoose.Types.ObjectId();
  const res = await Order.updateOne({ _id: other }, { $inc: { total: 5 } }, { upsert: true });
  expect(String(res.upsertedId)).toBe(String(other));
  expect(await Order.findById(other).lean()).toMatchObject({ total: 5 });
});

test("two positional paths in one $set: a subdocument update with timestamps", async () => {
  const order = await Order.create({ customer: "Bo", items: [{ name: "pen", qty: 1 }, { name: "ink", qty: 2 }] });
  const ink = order.items[1];
  const before = ink.updatedAt!.getTime();
  await new Promise((r) => setTimeout(r, 5));
  // mongoose adds "items.$.updatedAt" next to "items.$.qty".
  await Order.updateOne({ _id: order._id, "items._id": ink._id }, { $set: { "items.$.qty": 7 } });
  const after = await Order.findById(order._id).lean();
  expect(after?.items.map((i) => i.qty)).toEqual([1, 7]);
  expect(after!.items[1].updatedAt!.getTime()).toBeGreaterThan(before);
  expect(after!.items[0].updatedAt!.getTime()).toBe(order.items[0].updatedAt!.getTime());
});

test("$pull with $or / $and conditions, and docArray.pull(subdoc)", async () => {
  const order = await Order.create({ customer: "Cy", items: [{ name: "a", qty: 1 }, { name: "b", qty: 2 }, { name: "c", qty: 3 }] });
  await Order.updateOne({ _id: order._id }, { $pull: { items: { $or: [{ name: "a" }, { qty: { $gte: 3 } }] } } });
  expect((await Order.findById(order._id).lean())?.items.map((i) => i.name)).toEqual(["b"]);
  const doc = (await Order.findById(order._id))!;
  doc.items.pull(doc.items[0]);
  await doc.save();
  expect((await Order.findById(order._id).lean())?.items).toEqual([]);
});

test("a $slice projection alone keeps every other field", async () => {
  await Order.create({ customer: "Di", tags: ["a", "b", "c"], total: 3 });
  const d = await Order.findOne({}, { tags: { $slice: -2 } }).lean();
  expect(d).toMatchObject({ customer: "Di", total: 3, tags: ["b", "c"] });
});

test("invalid updates fail with mongod's codes and change nothing", async () => {
  await raw().insertOne({ _id: 1 as never, name: "x", n: 1, list: "not an array" });
  const inc = raw().updateOne({ _id: 1 as never }, { $set: { n: 2 }, $inc: { name: 1 } });
  await expect(inc).rejects.toMatchObject({ code: 14, codeName: "TypeMismatch" });
  await expect(raw().updateOne({ _id: 1 as never }, { $push: { list: 1 } } as never)).rejects.toMatchObject({ code: 2, codeName: "BadValue" });
  await expect(raw().updateOne({ _id: 1 as never }, { $set: { a: 1, "a.b": 2 } })).rejects.toMatchObject({ code: 40 });
  await expect(raw().updateOne({ _id: 1 as never }, { $set: { "name.first": "y" } })).rejects.toMatchObject({ code: 28 });
  expect(await raw().findOne({ _id: 1 as never })).toEqual({ _id: 1, name: "x", n: 1, list: "not an array" });
});

test("$type names every BSON alias and looks inside arrays", async () => {
  await raw().insertMany([
    { k: "int", v: 5 },
    { k: "double", v: 1.5 },
    { k: "string", v: "s" },
    { k: "array of strings", v: ["a", "b"] },
    { k: "decimal", v: Decimal128.fromString("2.5") },
    { k: "null", v: null },
  ]);
  const kinds = async (t: unknown) => (await raw().find({ v: { $type: t as never } }).sort({ k: 1 }).toArray()).map((d) => d.k);
  expect(await kinds("int")).toEqual(["int"]);
  expect(await kinds("double")).toEqual(["double"]);
  expect(await kinds("number")).toEqual(["decimal", "double", "int"]);
  expect(await kinds("string")).toEqual(["array of strings", "string"]);
  expect(await kinds("array")).toEqual(["array of strings"]);
  expect(await kinds(10)).toEqual(["null"]);
  expect(await kinds(["decimal", 16])).toEqual(["decimal", "int"]);
  await expect(kinds("nonsense")).rejects.toMatchObject({ code: 2 });
});

test("Decimal128 compares and sorts by numeric value", async () => {
  await raw().insertMany(["9", "10", "100", "2.5"].map((s) => ({ p: Decimal128.fromString(s) })));
  await raw().insertOne({ p: 50 });
  const ps = async (f: object) => (await raw().find(f).sort({ p: 1 }).toArray()).map((d) => String(d.p));
  expect(await ps({ p: { $gt: 20 } })).toEqual(["50", "100"]);
  expect(await ps({})).toEqual(["2.5", "9", "10", "50", "100"]);
  expect(await ps({ p: 10 })).toEqual(["10"]);
});

test("sort follows BSON order across types and on arrays", async () => {
  await raw().insertMany([{ k: "arr", v: [3, 1] }, { k: "two", v: 2 }, { k: "str", v: "x" }, { k: "null", v: null }, { k: "empty", v: [] }, { k: "date", v: new Date(0) }, { k: "bool", v: true }]);
  const order = async (dir: 1 | -1) => (await raw().find({ k: { $ne: "missing" } }).sort({ v: dir, k: 1 }).toArray()).map((d) => d.k);
  expect(await order(1)).toEqual(["empty", "null", "arr", "two", "str", "bool", "date"]);
  expect(await order(-1)).toEqual(["date", "bool", "str", "arr", "two", "null", "empty"]);
});

test("$all matches a scalar field; Binary equality includes the subtype", async () => {
  await Order.create([{ customer: "Ed", total: 4 }, { customer: "Flo", total: 5 }]);
  expect((await Order.find({ total: { $all: [4] } }).lean()).map((o) => o.customer)).toEqual(["Ed"]);
  const bytes = Buffer.from([1, 2, 3]);
  await raw().insertMany([{ k: "generic", b: new Binary(bytes, 0) }, { k: "uuid-ish", b: new Binary(bytes, 4) }]);
  expect((await raw().find({ b: new Binary(bytes, 4) }).toArray()).map((d) => d.k)).toEqual(["uuid-ish"]);
  expect((await raw().find({ b: { $gt: new Binary(bytes, 0) } }).toArray()).map((d) => d.k)).toEqual(["uuid-ish"]);
});

test("hint: an existing index is used, an unknown one is refused as by mongod", async () => {
  await Order.collection.createIndex({ customer: 1 });
  await Order.create([{ customer: "Gus" }, { customer: "Hal" }]);
  expect((await Order.find({ customer: "Hal" }).hint({ customer: 1 }).lean()).length).toBe(1);
  await expect(Order.find({}).hint({ nope: 1 }).lean()).rejects.toMatchObject({ code: 2, message: expect.stringContaining("hint provided does not correspond to an existing index") });
});

test("an upsert with a regex in its filter stores only the update's fields", async () => {
  await Order.updateOne({ customer: /^Zed/ }, { $set: { total: 1 } }, { upsert: true });
  const docs = await Order.find({}).lean();
  expect(docs).toHaveLength(1);
  expect(docs[0]).toMatchObject({ total: 1 });
  expect(docs[0]).not.toHaveProperty("customer");
});

test("explain is refused with code 115 and names the feature", async () => {
  await expect(Order.find({}).explain()).rejects.toMatchObject({ code: 115, message: "explain is not supported by the embedded store" });
});

test("numbers keep their BSON type: int64 stays int64 (useBigInt64), 42.0 stays a double", async () => {
  const { Double, Long } = mongoose.mongo;
  await raw().insertOne({ k: "n", big: Long.fromNumber(37), dbl: new Double(42), int: 7 });
  expect(await raw().findOne({ k: "n" }, { useBigInt64: true, projection: { _id: 0, big: 1 } })).toEqual({ big: 37n });
  expect((await raw().find({ dbl: { $type: "double" } }).toArray()).length).toBe(1);
  expect((await raw().find({ int: { $type: "int" }, big: { $type: "long" } }).toArray()).length).toBe(1);
  await raw().updateOne({ k: "n" }, { $inc: { dbl: 1, big: 1 } });
  expect(await raw().findOne({ k: "n" }, { promoteValues: false, projection: { _id: 0, dbl: 1, big: 1 } })).toEqual({ dbl: new Double(43), big: Long.fromNumber(38) });
  await fx.reopen(); // types survive a restart too
  Order = makeOrder(fx.conn);
  expect(await raw().findOne({ k: "n" }, { promoteValues: false, projection: { _id: 0, dbl: 1, big: 1, int: 1 } })).toEqual({ dbl: new Double(43), big: Long.fromNumber(38), int: new mongoose.mongo.Int32(7) });
});

test("$elemMatch on DBRef fields; aggregate hint scans the index in key order; unknown stages answer 40324", async () => {
  const ref = { $ref: "users", $id: new mongoose.Types.ObjectId(), $db: "test" };
  await raw().insertOne({ k: "chat", members: [ref] });
  expect(await raw().findOne({ members: { $elemMatch: { $id: ref.$id } } })).toMatchObject({ k: "chat" });
  await Order.collection.createIndex({ total: -1, customer: -1 });
  await Order.create([{ customer: "A", total: 4 }, { customer: "B", total: 5 }, { customer: "C", total: 4 }]);
  const hinted = await Order.aggregate([{ $match: {} }]).hint({ total: -1, customer: -1 });
  expect(hinted.map((o) => o.customer)).toEqual(["B", "C", "A"]);
  await expect(Order.aggregate([{ $fakeStage: {} } as never])).rejects.toMatchObject({ code: 40324, message: "Unrecognized pipeline stage name: '$fakeStage'" });
  await expect(Order.aggregate([{ $geoNear: {} } as never])).rejects.toMatchObject({ code: 115, message: "the aggregation stage $geoNear is not supported by the embedded store" });
});

test("an unordered bulk write goes on after an item whose update cannot apply (filter no index narrows)", async () => {
  // The failing item ran as a command error and stopped the rest (mongoose's gh-13176 test).
  const order = await Order.create({ customer: "Di", total: 42 });
  const err = await Order.collection
    .bulkWrite(
      [
        { updateOne: { filter: {}, update: { $push: { total: 1 } } as never } },
        { updateOne: { filter: {}, update: { $inc: { total: 57 } } } },
      ],
      { ordered: false },
    )
    .then(() => null, (e: mongoose.mongo.MongoBulkWriteError) => e);
  expect(err?.writeErrors).toHaveLength(1);
  expect((err?.writeErrors as mongoose.mongo.WriteError[])[0]).toMatchObject({ index: 0, code: 2 });
  expect((await Order.findById(order._id).lean())?.total).toBe(99);

  // Ordered: the command stops at the failed item and the rest is not applied.
  const stopped = await Order.collection
    .bulkWrite([{ updateOne: { filter: {}, update: { $push: { total: 1 } } as never } }, { updateOne: { filter: {}, update: { $inc: { total: 1 } } } }])
    .then(() => null, (e: mongoose.mongo.MongoBulkWriteError) => e);
  expect(stopped?.writeErrors).toHaveLength(1);
  expect((await Order.findById(order._id).lean())?.total).toBe(99);
});
