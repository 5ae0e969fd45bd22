import mongoose from "mongoose";
import { openFixture } from "./testing/testSupport";
import type { StoreFixture } from "./testing/testSupport";

const userSchema = new mongoose.Schema({
  email: { type: String, required: true, unique: true },
  name: String,
  age: Number,
  tags: [String],
  visits: { type: Number, default: 0 },
});

let fx: StoreFixture;
const makeUser = (conn: mongoose.Connection) => conn.model("User", userSchema);
let User: ReturnType<typeof makeUser>;

beforeAll(async () => {
  fx = await openFixture("mongoose");
  User = makeUser(fx.conn);
  await User.init();
});
afterAll(() => fx.dispose());

beforeEach(async () => {
  await User.deleteMany({});
  await User.create([
    { email: "ada@x.io", name: "Ada", age: 36, tags: ["math", "eng"] },
    { email: "bob@x.io", name: "Bob", age: 25, tags: ["ops"] },
    { email: "cy@x.io", name: "Cy", age: 41, tags: ["eng"] },
    { email: "di@x.io", name: "Di", age: 30 },
  ]);
});

test("find with sort, skip, limit and projection; findOne", async () => {
  const page = await User.find({}, { name: 1, _id: 0 }).sort({ age: -1 }).skip(1).limit(2).lean();
  expect(page).toEqual([{ name: "Ada" }, { name: "Di" }]);
  const eng = await User.find({ tags: "eng" }).sort({ name: 1 }).lean();
  expect(eng.map((u) => u.name)).toEqual(["Ada", "Cy"]);
  const bob = await User.findOne({ email: "bob@x.io" });
  expect(bob?.age).toBe(25);
  expect(bob?._id).toBeInstanceOf(mongoose.Types.ObjectId);
  expect(await User.findById(bob!._id).lean()).toMatchObject({ name: "Bob" });
  expect(await User.findOne({ email: "nobody@x.io" })).toBeNull();
});

test("updateOne/updateMany with operators, upsert with $setOnInsert", async () => {
  const one = await User.updateOne({ email: "bob@x.io" }, { $inc: { visits: 2 }, $push: { tags: "dev" } });
  expect(one).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
  expect(await User.findOne({ email: "bob@x.io" }).lean()).toMatchObject({ visits: 2, tags: ["ops", "dev"] });

  const many = await User.updateMany({ age: { $gte: 30 } }, { $set: { name: "Senior" } });
  expect(many).toMatchObject({ matchedCount: 3, modifiedCount: 3 });
  const unchanged = await User.updateMany({ age: { $gte: 30 } }, { $set: { name: "Senior" } });
  expect(unchanged).toMatchObject({ matchedCount: 3, modifiedCount: 0 });

  const up = await User.updateOne(
    { email: "eve@x.io" },
    { $set: { age: 22 }, $setOnInsert: { name: "Eve" } },
    { upsert: true },
  );
  expect(up.upsertedCount).toBe(1);
  expect(await User.findOne({ email: "eve@x.io" }).lean()).toMatchObject({ email: "eve@x.io", age: 22, name: "Eve" });
  // On an existing document $setOnInsert does nothing.
  await User.updateOne({ email: "eve@x.io" }, { $set: { age: 23 }, $setOnInsert: { name: "Nope" } }, { upsert: true });
  expect(await User.findOne({ email: "eve@x.io" }).lean()).toMatchObject({ age: 23, name: "Eve" });

  await User.updateOne({ email: "ada@x.io" }, { $set: { "tags.$[t]": "ENG" } }, { arrayFilters: [{ t: "eng" }] });
  expect((await User.findOne({ email: "ada@x.io" }).lean())?.tags).toEqual(["math", "ENG"]);
});

test("findOneAndUpdate returns the new document and upserts; replaceOne keeps _id", async () => {
  const after = await User.findOneAndUpdate({ email: "cy@x.io" }, { $inc: { age: 1 } }, { returnDocument: "after" }).lean();
  expect(after?.age).toBe(42);
  const before = await User.findOneAndUpdate({ email: "cy@x.io" }, { $inc: { age: 1 } }, { returnDocument: "before" }).lean();
  expect(before?.age).toBe(42);
  const created = await User.findOneAndUpdate(
    { email: "new@x.io" },
    { $set: { name: "New" } },
    { upsert: true, returnDocument: "after", projection: { name: 1 } },
  ).lean();
  expect(created).toMatchObject({ name: "New" });
  expect(created).not.toHaveProperty("email");
  const di = await User.findOne({ email: "di@x.io" }).lean();
  await User.replaceOne({ email: "di@x.io" }, { email: "di@x.io", name: "Diana" });
  const replaced = await User.findOne({ email: "di@x.io" }).lean();
  expect(replaced?._id.equals(di!._id)).toBe(true);
  expect(replaced).not.toHaveProperty("age");
  const removed = await User.findOneAndDelete({ email: "di@x.io" }).lean();
  expect(removed?.name).toBe("Diana");
});

test("deleteOne, deleteMany, countDocuments, estimatedDocumentCount", async () => {
  expect(await User.countDocuments()).toBe(4);
  expect(await User.countDocuments({ age: { $lt: 35 } })).toBe(2);
  expect(await User.estimatedDocumentCount()).toBe(4);
  expect((await User.deleteOne({ age: { $gt: 0 } })).deletedCount).toBe(1);
  expect((await User.deleteMany({ age: { $gt: 0 } })).deletedCount).toBe(3);
  expect(await User.countDocuments()).toBe(0);
});

test("aggregate and distinct", async () => {
  const byTag = await User.aggregate<{ _id: string; n: number; avgAge: number }>([
    { $match: { age: { $gte: 30 } } },
    { $unwind: "$tags" },
    { $group: { _id: "$tags", n: { $sum: 1 }, avgAge: { $avg: "$age" } } },
    { $sort: { n: -1, _id: 1 } },
    { $limit: 2 },
    { $project: { _id: 1, n: 1, avgAge: 1 } },
  ]);
  expect(byTag).toEqual([
    { _id: "eng", n: 2, avgAge: 38.5 },
    { _id: "math", n: 1, avgAge: 36 },
  ]);
  expect(await User.aggregate([{ $match: { age: { $lt: 40 } } }, { $count: "total" }])).toEqual([{ total: 3 }]);
  expect((await User.distinct("tags")).sort()).toEqual(["eng", "math", "ops"]);
  expect(await User.distinct("name", { age: { $gt: 35 } })).toEqual(expect.arrayContaining(["Ada", "Cy"]));
});

test("duplicate key: mongoose throws code 11000 with keyValue, for create and update", async () => {
  const err = await User.create({ email: "ada@x.io", name: "Twin" }).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 11000, keyValue: { email: "ada@x.io" }, keyPattern: { email: 1 } });
  expect((err as Error).message).toContain('E11000 duplicate key error collection: test.users index: email_1 dup key: { email: "ada@x.io" }');
  const upd = await User.updateOne({ email: "bob@x.io" }, { $set: { email: "cy@x.io" } }).catch((e: unknown) => e);
  expect(upd).toMatchObject({ code: 11000, keyValue: { email: "cy@x.io" } });
  const fam = await User.findOneAndUpdate({ email: "bob@x.io" }, { $set: { email: "cy@x.io" } }).catch((e: unknown) => e);
  expect(fam).toMatchObject({ code: 11000, codeName: "DuplicateKey" });
  // Nothing changed by the failed writes.
  expect(await User.countDocuments({ email: "cy@x.io" })).toBe(1);
  expect(await User.countDocuments({ email: "bob@x.io" })).toBe(1);
  // insertMany unordered: good documents go in, the duplicate is reported.
  const many = await User.insertMany([{ email: "n1@x.io" }, { email: "ada@x.io" }, { email: "n2@x.io" }], { ordered: false }).catch((e: unknown) => e);
  expect(many).toMatchObject({ code: 11000 });
  expect(await User.countDocuments({ email: { $in: ["n1@x.io", "n2@x.io"] } })).toBe(2);
});

test("Model.init and syncIndexes create, list and drop indexes", async () => {
  const schema = new mongoose.Schema({ slug: String, owner: String, rank: Number });
  schema.index({ slug: 1 }, { unique: true });
  schema.index({ owner: 1, rank: -1 });
  const Room = fx.conn.model("Room", schema);
  await Room.init();
  const names = (await Room.listIndexes()).map((i: { name?: string }) => i.name).sort();
  expect(names).toEqual(["_id_", "owner_1_rank_-1", "slug_1"]);
  const Room2 = fx.conn.model("Room2", new mongoose.Schema({ slug: { type: String, unique: true } }), "rooms");
  const dropped = await Room2.syncIndexes();
  expect(dropped).toEqual(["owner_1_rank_-1"]);
  const after = (await Room2.listIndexes()).map((i: { name?: string }) => i.name).sort();
  expect(after).toEqual(["_id_", "slug_1"]);
});

test("unknown commands are refused with CommandNotFound (59)", async () => {
  const err = await fx.conn.db!.command({ fooBar: 1 }).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 59, codeName: "CommandNotFound" });
  await expect(fx.conn.db!.command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
});

test("$lookup across collections, pipeline updates, w:0 writes, unique index over duplicates", async () => {
  const db = fx.conn.db!;
  await db.collection("orders").deleteMany({});
  await db.collection("orders").insertMany([{ email: "ada@x.io", total: 5 }, { email: "ada@x.io", total: 7 }]);
  const joined = await User.aggregate([
    { $match: { email: "ada@x.io" } },
    { $lookup: { from: "orders", localField: "email", foreignField: "email", as: "orders" } },
    { $project: { _id: 0, n: { $size: "$orders" } } },
  ]);
  expect(joined).toEqual([{ n: 2 }]);

  await User.updateOne({ email: "bob@x.io" }, [{ $set: { age: { $add: ["$age", 10] } } }], { updatePipeline: true });
  expect((await User.findOne({ email: "bob@x.io" }).lean())?.age).toBe(35);

  await db.collection("fire").insertOne({ v: 1 }, { writeConcern: { w: 0 } });
  await expect(db.command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
  expect(await db.collection("fire").countDocuments({ v: 1 })).toBe(1);

  const err = await db.collection("orders").createIndex({ email: 1 }, { unique: true }).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 11000, keyValue: { email: "ada@x.io" } });
  expect((await db.collection("orders").indexes()).map((i) => i.name)).toEqual(["_id_"]);
});
