import { rm } from "node:fs/promises";
import path from "node:path";
import mongoose from "mongoose";
import { startEmbeddedMongo } from "../index";
import { Tables } from "../engine/Tables";
import { tempDir } from "../testing/testSupport";

const N = 20_000;

test("a new index over many documents is built in slices, writes meanwhile are indexed, duplicates fail the build", async () => {
  const dir = await tempDir("ixbuild");
  const store = await startEmbeddedMongo({ dataDir: dir });
  const client = new mongoose.mongo.MongoClient(store.uri);
  try {
    const coll = client.db("test").collection("chat");
    for (let s = 0; s < N; s += 1000) await coll.insertMany(Array.from({ length: 1000 }, (_, k) => ({ seq: s + k, room: `r${(s + k) % 50}` })));

    const build = coll.createIndex({ seq: 1 }, { unique: true });
    await coll.insertOne({ seq: N, room: "late" }); // lands while the build runs
    await build;
    const s0 = store.stats();
    expect(await coll.findOne({ seq: N })).toMatchObject({ room: "late" });
    expect(await coll.findOne({ seq: 123 })).toMatchObject({ room: "r23" });
    expect(store.stats().indexLookups - s0.indexLookups).toBe(2);
    await expect(coll.insertOne({ seq: 5 })).rejects.toMatchObject({ code: 11000 });

    // A unique index over duplicate values fails like mongod and leaves no index behind.
    await expect(coll.createIndex({ room: 1 }, { unique: true })).rejects.toMatchObject({ code: 11000, message: expect.stringMatching(/E11000 .* index: room_1 dup key/) });
    expect((await coll.indexes()).map((i) => i.name)).toEqual(["_id_", "seq_1"]);

    // Dropping the collection is immediate; its records are purged in the background.
    await coll.drop();
    expect(await coll.countDocuments()).toBe(0);
    await client.db("test").collection("chat").insertOne({ seq: 1 });
    expect(await coll.countDocuments()).toBe(1);
    await store.settled();
    await client.close();
    await store.close();
    // Once settled, only the new document and its _id entry are left.
    const tables = Tables.open(path.join(dir, "store"));
    expect([tables.docs.getCount(), tables.entries.getCount()]).toEqual([1, 1]);
    await tables.close();
  } finally {
    await client.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);

test("an index being built is not listed yet; asking for the same index again waits for its build (mongoose's autoIndex racing syncIndexes)", async () => {
  const dir = await tempDir("ixjoin");
  const store = await startEmbeddedMongo({ dataDir: dir });
  const client = new mongoose.mongo.MongoClient(store.uri);
  try {
    const coll = client.db("test").collection("chat");
    for (let s = 0; s < N; s += 1000) await coll.insertMany(Array.from({ length: 1000 }, (_, k) => ({ seq: s + k })));

    const first = coll.createIndex({ seq: 1 }, { unique: true });
    const listedMeanwhile = (await coll.indexes()).map((i) => i.name);
    const again = await coll.createIndex({ seq: 1 }, { unique: true }); // resolves only once built
    expect(listedMeanwhile).toEqual(["_id_"]);
    expect((await coll.indexes()).map((i) => i.name)).toEqual(["_id_", "seq_1"]);
    await expect(coll.insertOne({ seq: 7 })).rejects.toMatchObject({ code: 11000 });
    expect(again).toBe("seq_1");
    await first;

    // An empty collection's index is ready when createIndex answers, as in mongod.
    const empty = client.db("test").collection("fresh");
    await empty.createIndex({ n: 1 }, { unique: true });
    expect((await empty.indexes()).map((i) => i.name)).toEqual(["_id_", "n_1"]);
    await empty.insertOne({ n: 1 });
    await expect(empty.insertOne({ n: 1 })).rejects.toMatchObject({ code: 11000 });
  } finally {
    await client.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);
