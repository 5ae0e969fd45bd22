import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import mongoose from "mongoose";
import { startEmbeddedMongo } from "../index";
import { tempDir } from "../testing/testSupport";

const DATA_FILE = (dir: string) => path.join(dir, "store", "data.mdb");

async function writeAndClose(dir: string): Promise<void> {
  const store = await startEmbeddedMongo({ dataDir: dir });
  const client = new mongoose.mongo.MongoClient(store.uri);
  const notes = client.db("test").collection("notes");
  await notes.createIndex({ code: 1 }, { unique: true });
  await notes.insertMany(Array.from({ length: 300 }, (_, i) => ({ _id: i as never, code: `UNIQ-${String(i).padStart(4, "0")}`, text: `body ${i} ${"x".repeat(40)}` })));
  await client.close();
  await store.close();
}

/**
 * Flips one byte inside every occurrence of `marker` in the data file. lmdb copies a page on
 * each write, and a write command now commits in several batches (commands/writeSlices.ts), so
 * freed pages may still hold older copies of a record: flipping only the first occurrence could
 * hit a stale copy and leave the live one intact.
 */
async function flipInside(dir: string, marker: Buffer): Promise<void> {
  const bytes = await readFile(DATA_FILE(dir));
  let flipped = 0;
  for (let at = bytes.indexOf(marker); at >= 0; at = bytes.indexOf(marker, at + marker.length)) {
    bytes[at + marker.length - 2] ^= 0x01;
    flipped++;
  }
  expect(flipped).toBeGreaterThan(0);
  await writeFile(DATA_FILE(dir), bytes);
}

async function expectRefused(dir: string): Promise<void> {
  const logs: string[] = [];
  const store = await startEmbeddedMongo({ dataDir: dir, log: (m) => logs.push(m) });
  const client = new mongoose.mongo.MongoClient(store.uri);
  try {
    expect(await store.scrubbed()).toMatchObject({ damaged: true });
    const message = new RegExp(`data file ${DATA_FILE(dir).replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} is damaged: .* fails its checksum.*restore it from a backup`);
    expect(logs.join("\n")).toMatch(message);
    const notes = client.db("test").collection("notes");
    // Never a silently shorter answer: every read and write is refused with the reason.
    await expect(notes.countDocuments()).rejects.toMatchObject({ code: 12, message: expect.stringMatching(message) });
    await expect(notes.find().toArray()).rejects.toMatchObject({ code: 12 });
    await expect(notes.insertOne({ _id: 9999 as never })).rejects.toMatchObject({ code: 12 });
  } finally {
    await client.close();
    await store.close();
  }
}

test("a flipped byte in a stored document is detected by its checksum and the store refuses to serve", async () => {
  const dir = await tempDir("damage-doc");
  try {
    await writeAndClose(dir);
    await flipInside(dir, Buffer.from("body 150 xxxxxxxx"));
    await expectRefused(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 30_000);

test("a flipped byte in an index key is detected too (the checksum covers keys)", async () => {
  const dir = await tempDir("damage-key");
  try {
    await writeAndClose(dir);
    // In an index entry the value follows its type letter "s"; inside the BSON document it does not.
    await flipInside(dir, Buffer.from("sUNIQ-0150"));
    await expectRefused(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 30_000);

test("a read that meets a damaged document is refused, naming the record", async () => {
  const dir = await tempDir("damage-read");
  try {
    await writeAndClose(dir);
    await flipInside(dir, Buffer.from("body 7 xxxxxxxx"));
    const store = await startEmbeddedMongo({ dataDir: dir });
    const client = new mongoose.mongo.MongoClient(store.uri);
    try {
      await expect(client.db("test").collection("notes").findOne({ _id: 7 as never })).rejects.toMatchObject({ code: 12, message: expect.stringMatching(/document record .* fails its checksum/) });
    } finally {
      await client.close();
      await store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 30_000);
