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
