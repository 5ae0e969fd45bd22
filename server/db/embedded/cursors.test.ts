import type { Document } from "bson";
import { openFixture } from "./testing/testSupport";
import type { StoreFixture } from "./testing/testSupport";

let fx: StoreFixture;
beforeAll(async () => {
  fx = await openFixture("cursors");
  const docs = Array.from({ length: 1000 }, (_, i) => ({ i, slug: `s${i}`, group: i % 10 }));
  await fx.conn.db!.collection("items").insertMany(docs);
  await fx.conn.db!.collection("items").createIndex({ slug: 1 }, { unique: true });
});
afterAll(() => fx.dispose());

test("a cursor over 1,000 documents with batchSize 50 sees each exactly once through getMore", async () => {
  const commands: string[] = [];
  const client = fx.conn.getClient();
  const onStart = (ev: { commandName: string }) => commands.push(ev.commandName);
  client.on("commandStarted", onStart);
  try {
    const seen = new Set<number>();
    let count = 0;
    for await (const d of fx.conn.db!.collection("items").find({}, { batchSize: 50 }).sort({ i: 1 })) {
      seen.add(d.i as number);
      count++;
    }
    expect(count).toBe(1000);
    expect(seen.size).toBe(1000);
    expect(commands.filter((c) => c === "getMore")).toHaveLength(19);
  } finally {
    client.off("commandStarted", onStart);
  }
  expect(fx.store.stats().openCursors).toBe(0);
});

test("getMore honours its batchSize and killCursors closes the cursor", async () => {
  const db = fx.conn.db!;
  const first = await db.command({ find: "items", filter: { group: 3 }, sort: { i: 1 }, batchSize: 10 });
  expect(first.cursor.firstBatch).toHaveLength(10);
  const id = first.cursor.id;
  expect(String(id)).not.toBe("0");
  const more = await db.command({ getMore: id, collection: "items", batchSize: 25 });
  expect(more.cursor.nextBatch).toHaveLength(25);
  expect(more.cursor.nextBatch[0].i).toBe(103);
  const killed = await db.command({ killCursors: "items", cursors: [id] });
  expect(killed.cursorsKilled.map(String)).toEqual([id.toString()]);
  const gone = await db.command({ getMore: id, collection: "items" }).catch((e: unknown) => e);
  expect(gone).toMatchObject({ code: 43, codeName: "CursorNotFound" });
});

test("driver cursor.close() issues killCursors", async () => {
  const before = fx.store.stats().openCursors;
  const cursor = fx.conn.db!.collection("items").find({}, { batchSize: 5 });
  await cursor.next();
  expect(fx.store.stats().openCursors).toBe(before + 1);
  await cursor.close();
  expect(fx.store.stats().openCursors).toBe(before);
});

test("singleBatch and negative limit return one batch and no cursor", async () => {
  const r = await fx.conn.db!.command({ find: "items", filter: {}, limit: 7, singleBatch: true });
  expect(r.cursor.firstBatch).toHaveLength(7);
  expect(String(r.cursor.id)).toBe("0");
});

test("equality on an indexed field is answered from the index, not a scan", async () => {
  const items = fx.conn.db!.collection("items");
  const s0 = fx.store.stats();
  const doc = await items.findOne({ slug: "s777" });
  const s1 = fx.store.stats();
  expect(doc?.i).toBe(777);
  expect(s1.docsExamined - s0.docsExamined).toBe(1);
  expect(s1.indexLookups - s0.indexLookups).toBe(1);

  const byId = await items.findOne({ _id: doc!._id });
  const s2 = fx.store.stats();
  expect(byId?.slug).toBe("s777");
  expect(s2.docsExamined - s1.docsExamined).toBe(1);

  await items.find({ slug: { $in: ["s1", "s2", "nope"] } }).toArray();
  const s3 = fx.store.stats();
  expect(s3.docsExamined - s2.docsExamined).toBe(2);

  // An unindexed field has to scan every document.
  await items.findOne({ group: 4 });
  const s4 = fx.store.stats();
  expect(s4.collectionScans - s3.collectionScans).toBe(1);
  expect(s4.docsExamined - s3.docsExamined).toBe(1000);

  // Writes use the index too.
  await items.updateOne({ slug: "s5" }, { $set: { touched: true } });
  expect(fx.store.stats().docsExamined - s4.docsExamined).toBe(1);
});

test("cursors expire after their idle timeout", async () => {
  const { CursorManager } = await import("./CursorManager");
  const cm = new CursorManager(1000);
  try {
    const r = cm.start("db.c", [{ a: 1 }, { a: 2 }], 1);
    cm.expire(Date.now() + 2000);
    expect(() => cm.getMore(r.cursor.id, "db.c", 1)).toThrow(/not found/);
  } finally {
    cm.close();
  }
});

test("batches hold at most about 1 MB of BSON whatever the batchSize; a bigger document comes alone", async () => {
  const { calculateObjectSize } = await import("bson");
  const { BATCH_BYTES } = await import("./CursorManager");
  const db = fx.conn.db!;
  const big = db.collection("bigBatches");
  const pad = "x".repeat(1000);
  // 3,000 documents of ~1 KB (about 3 MB) and one of 1.5 MB in the middle.
  const docs = Array.from({ length: 3000 }, (_, i) => ({ i, pad: i === 1500 ? "y".repeat(1_500_000) : pad }));
  for (let k = 0; k < docs.length; k += 500) await big.insertMany(docs.slice(k, k + 500));

  const batches: Document[][] = [];
  let r = await db.command({ find: "bigBatches", filter: {}, sort: { i: 1 }, batchSize: 100_000 });
  batches.push(r.cursor.firstBatch);
  while (String(r.cursor.id) !== "0") {
    r = await db.command({ getMore: r.cursor.id, collection: "bigBatches", batchSize: 100_000 });
    batches.push(r.cursor.nextBatch);
  }
  const seen = batches.flat().map((d) => d.i as number);
  expect(seen).toEqual(docs.map((d) => d.i));
  for (const b of batches) {
    if (b.length === 1) continue; // a single document may exceed the bound
    expect(b.reduce((n, d) => n + calculateObjectSize(d), 0)).toBeLessThanOrEqual(BATCH_BYTES);
  }
  expect(batches.some((b) => b.length === 1 && b[0].i === 1500)).toBe(true);
  expect(batches.length).toBeGreaterThanOrEqual(4);
  // The driver follows the small batches transparently.
  expect((await big.find({}, { batchSize: 100_000 }).toArray()).length).toBe(3000);
});
