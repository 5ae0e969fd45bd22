import { appendFile, cp, readdir, rm, stat, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import mongoose from "mongoose";
import { startEmbeddedMongo } from "./index";
import type { EmbeddedMongo } from "./index";
import { openFixture, tempDir } from "./testing/testSupport";

async function withClient<T>(store: EmbeddedMongo, fn: (db: mongoose.mongo.Db) => Promise<T>): Promise<T> {
  const client = new mongoose.mongo.MongoClient(store.uri);
  try {
    return await fn(client.db("test"));
  } finally {
    await client.close();
  }
}

/** Copies a live data directory: the files as a crash at this instant would leave them. */
async function crashImage(dir: string): Promise<string> {
  const copy = await tempDir("image");
  await cp(dir, copy, { recursive: true });
  return copy;
}

async function journals(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.startsWith("journal.")).sort().map((f) => path.join(dir, f));
}

test("close and reopen keeps documents and unique indexes", async () => {
  const fx = await openFixture("restart");
  try {
    const Space = fx.conn.model("Space", new mongoose.Schema({ slug: { type: String, unique: true }, title: String }));
    await Space.init();
    await Space.create([{ slug: "hq", title: "HQ" }, { slug: "lab", title: "Lab" }]);
    await Space.updateOne({ slug: "lab" }, { $set: { title: "Lab 2" } });
    await fx.reopen();
    const Again = fx.conn.model("Space", new mongoose.Schema({ slug: String, title: String }));
    expect((await Again.find().sort({ slug: 1 }).lean()).map((s) => [s.slug, s.title])).toEqual([["hq", "HQ"], ["lab", "Lab 2"]]);
    const dup = await Again.create({ slug: "hq" }).catch((e: unknown) => e);
    expect(dup).toMatchObject({ code: 11000, keyValue: { slug: "hq" } });
    const s0 = fx.store.stats();
    await Again.findOne({ slug: "lab" });
    expect(fx.store.stats().docsExamined - s0.docsExamined).toBe(1);
  } finally {
    await fx.dispose();
  }
});

test("a journal torn mid-record opens with every complete record", async () => {
  const dir = await tempDir("torn");
  const store = await startEmbeddedMongo({ dataDir: dir });
  let image = "";
  try {
    await withClient(store, async (db) => {
      for (let i = 0; i < 10; i++) await db.collection("notes").insertOne({ i, text: `note ${i}` });
    });
    image = await crashImage(dir);
  } finally {
    await store.close();
  }
  try {
    const [journal] = await journals(image);
    const { size } = await stat(journal);
    await truncate(journal, size - 5); // the last insert's record loses its tail
    const logs: string[] = [];
    const reopened = await startEmbeddedMongo({ dataDir: image, log: (m) => logs.push(m) });
    try {
      const found = await withClient(reopened, (db) => db.collection("notes").find().sort({ i: 1 }).toArray());
      expect(found.map((d) => d.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
      expect(logs.join("\n")).toMatch(/ignoring \d+ trailing bytes/);
      // Writable afterwards, and the write survives another restart.
      await withClient(reopened, (db) => db.collection("notes").insertOne({ i: 99 }));
    } finally {
      await reopened.close();
    }
    const third = await startEmbeddedMongo({ dataDir: image });
    try {
      expect(await withClient(third, (db) => db.collection("notes").countDocuments())).toBe(10);
    } finally {
      await third.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(image, { recursive: true, force: true });
  }
});

test("garbage after the last record and a snapshot plus journal both replay", async () => {
  const dir = await tempDir("snap");
  const store = await startEmbeddedMongo({ dataDir: dir });
  let image = "";
  try {
    await withClient(store, async (db) => {
      await db.collection("a").createIndex({ k: 1 }, { unique: true });
      await db.collection("a").insertMany(Array.from({ length: 50 }, (_, k) => ({ k })));
      await store.compact();
      await db.collection("a").deleteMany({ k: { $lt: 10 } });
      await db.collection("a").updateOne({ k: 10 }, { $set: { after: true } });
    });
    image = await crashImage(dir);
  } finally {
    await store.close();
  }
  try {
    expect((await readdir(image)).sort()).toEqual(expect.arrayContaining(["snapshot.bson"]));
    const [journal] = await journals(image);
    await appendFile(journal, Buffer.from([0x40, 0, 0, 0, 1, 2, 3, 4, 5, 6]));
    const reopened = await startEmbeddedMongo({ dataDir: image });
    try {
      await withClient(reopened, async (db) => {
        expect(await db.collection("a").countDocuments()).toBe(40);
        expect(await db.collection("a").findOne({ k: 10 })).toMatchObject({ after: true });
        await expect(db.collection("a").insertOne({ k: 20 })).rejects.toMatchObject({ code: 11000 });
      });
    } finally {
      await reopened.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(image, { recursive: true, force: true });
  }
});

test("a damaged snapshot is refused with a clear error instead of serving partial data", async () => {
  const dir = await tempDir("badsnap");
  try {
    const store = await startEmbeddedMongo({ dataDir: dir });
    await withClient(store, (db) => db.collection("x").insertOne({ a: 1 }));
    await store.close(); // close compacts into snapshot.bson
    await writeFile(path.join(dir, "snapshot.bson"), Buffer.from("not a snapshot"));
    await expect(startEmbeddedMongo({ dataDir: dir })).rejects.toThrow(/snapshot .* is damaged/);
    // The failed open released its lock.
    await rm(path.join(dir, "snapshot.bson"));
    const again = await startEmbeddedMongo({ dataDir: dir });
    await again.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
