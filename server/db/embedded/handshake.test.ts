import mongoose from "mongoose";
import { openFixture } from "./testing/testSupport";
import type { StoreFixture } from "./testing/testSupport";

let fx: StoreFixture;
beforeAll(async () => {
  fx = await openFixture("handshake");
});
afterAll(() => fx.dispose());

test("the driver's monitor keeps polling hello over OP_MSG and the server stays selectable", async () => {
  const client = new mongoose.mongo.MongoClient(fx.store.uri, { heartbeatFrequencyMS: 500, serverSelectionTimeoutMS: 3000 });
  let beats = 0;
  client.on("serverHeartbeatSucceeded", (ev: { awaited: boolean }) => {
    expect(ev.awaited).toBe(false); // no topologyVersion → polling, not streaming
    beats++;
  });
  try {
    await client.connect();
    await new Promise((r) => setTimeout(r, 1300));
    expect(beats).toBeGreaterThanOrEqual(2);
    expect(await client.db("admin").command({ hello: 1 })).toMatchObject({ isWritablePrimary: true, maxWireVersion: 21, ok: 1 });
    const build = await client.db("admin").command({ buildInfo: 1 });
    expect(build.version).toMatch(/^7\./);
  } finally {
    await client.close();
  }
});

test("a Stable API (serverApi v1) client connects: its first hello arrives as OP_MSG", async () => {
  const client = new mongoose.mongo.MongoClient(fx.store.uri, { serverApi: { version: "1", strict: true } });
  try {
    await client.connect();
    await client.db("api").collection("x").insertOne({ ok: true });
    expect(await client.db("api").collection("x").countDocuments()).toBe(1);
  } finally {
    await client.close();
  }
});

test("what the store does not implement is refused, never silently accepted", async () => {
  const db = fx.conn.db!;
  await db.collection("t").insertOne({ a: 1 });
  // Transactions need a replica set; the standalone store says so like mongod does.
  const session = fx.conn.getClient().startSession();
  try {
    session.startTransaction();
    const err = await db.collection("t").insertOne({ a: 2 }, { session }).catch((e: unknown) => e);
    // The driver rewrites mongod's code-20 "Transaction numbers..." reply into this message.
    expect((err as Error).message).toMatch(/does not support retryable writes|Transaction numbers/);
  } finally {
    await session.abortTransaction().catch(() => undefined);
    await session.endSession();
  }
  expect(await db.collection("t").countDocuments()).toBe(1);

  await expect(db.collection("t").aggregate([{ $out: "copy" }]).toArray()).rejects.toMatchObject({ code: 115 });
  await expect(db.createCollection("capped", { capped: true, size: 1024 })).rejects.toMatchObject({ code: 115 });
  await expect(db.collection("t").createIndex({ a: "text" })).rejects.toMatchObject({ code: 115 });
  await expect(db.command({ explain: { find: "t" } })).rejects.toMatchObject({ code: 115, message: "explain is not supported by the embedded store" });
  await expect(db.command({ collMod: "t" })).rejects.toMatchObject({ code: 115, message: expect.stringContaining("collMod") });
  await expect(db.command({ noSuchThing: 1 })).rejects.toMatchObject({ code: 59 });
  await expect(db.collection("t").find({ $where: "this.a == 1" }).toArray()).rejects.toMatchObject({ code: 115, message: expect.stringContaining("$where") });
});

test("collection and database commands", async () => {
  const db = fx.conn.getClient().db("admin_cmds");
  await db.createCollection("one");
  await expect(db.createCollection("one")).rejects.toMatchObject({ code: 48, codeName: "NamespaceExists" });
  await db.collection("two").insertOne({ x: 1 });
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
  expect(names).toEqual(["one", "two"]);
  expect((await db.listCollections({ name: "two" }).toArray()).map((c) => c.name)).toEqual(["two"]);
  const dbs = await fx.conn.getClient().db("admin").admin().listDatabases();
  expect(dbs.databases.map((d) => d.name)).toContain("admin_cmds");
  expect(await db.collection("two").drop()).toBe(true);
  await expect(db.collection("missing").indexes()).rejects.toMatchObject({ code: 26 });
  await db.dropDatabase();
  expect(await db.listCollections().toArray()).toEqual([]);
});

test("bulkWrite mixes inserts, updates and deletes with per-operation results", async () => {
  const c = fx.conn.db!.collection("bulk");
  await c.createIndex({ k: 1 }, { unique: true });
  const res = await c.bulkWrite(
    [
      { insertOne: { document: { k: 1 } } },
      { insertOne: { document: { k: 2 } } },
      { updateOne: { filter: { k: 1 }, update: { $set: { v: "one" } } } },
      { updateOne: { filter: { k: 3 }, update: { $set: { v: "three" } }, upsert: true } },
      { deleteOne: { filter: { k: 2 } } },
    ],
    { ordered: true },
  );
  expect(res).toMatchObject({ insertedCount: 2, matchedCount: 1, modifiedCount: 1, upsertedCount: 1, deletedCount: 1 });
  expect(await c.find({}, { projection: { _id: 0 } }).sort({ k: 1 }).toArray()).toEqual([{ k: 1, v: "one" }, { k: 3, v: "three" }]);
});

test("hello offers 1,000-operation write batches: the driver splits a bigger insertMany, and a bigger command is refused", async () => {
  const db = fx.conn.db!;
  const hello = await db.command({ hello: 1 });
  expect(hello.maxWriteBatchSize).toBe(1000);
  const client = fx.conn.getClient();
  const sizes: number[] = [];
  const onStart = (ev: { commandName: string; command: { documents?: unknown[] } }) => {
    if (ev.commandName === "insert") sizes.push(ev.command.documents?.length ?? 0);
  };
  client.on("commandStarted", onStart);
  try {
    const r = await db.collection("split").insertMany(Array.from({ length: 2500 }, (_, i) => ({ i })));
    expect(r.insertedCount).toBe(2500);
  } finally {
    client.off("commandStarted", onStart);
  }
  // The driver stops a command one short of the limit (999, 999, 502 with mongodb 7.8).
  expect(sizes).toHaveLength(3);
  expect(Math.max(...sizes)).toBeLessThanOrEqual(1000);
  expect(sizes.reduce((a, b) => a + b, 0)).toBe(2500);
  expect(await db.collection("split").countDocuments()).toBe(2500);
  const raw = await db.command({ insert: "split", documents: Array.from({ length: 1001 }, (_, i) => ({ j: i })) }).catch((e: unknown) => e);
  expect(raw).toMatchObject({ code: 72, codeName: "InvalidOptions" });
  expect(await db.collection("split").countDocuments({ j: { $exists: true } })).toBe(0);
});
