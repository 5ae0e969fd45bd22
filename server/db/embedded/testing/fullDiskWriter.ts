/**
 * Child process for the commit-failure test: opens the store in argv[2] with no disk-space
 * reserve, so a write on the full disk reaches lmdb and its commit fails with ENOSPC. Prints
 * one JSON line with what the client saw if it gets that far (today lmdb-js ends the process
 * first; see persist/diskFull.test.ts).
 */
import { MongoClient } from "mongodb";
import { writeFileSync } from "node:fs";
import { startEmbeddedMongo } from "../index";

async function main(): Promise<void> {
  const [dataDir, filler] = process.argv.slice(2);
  const store = await startEmbeddedMongo({ dataDir, minFreeBytes: 0 });
  const client = new MongoClient(store.uri);
  const notes = client.db("test").collection("notes");
  await notes.insertOne({ _id: "acked" as never, pad: "x".repeat(100) });
  try {
    writeFileSync(filler, Buffer.alloc(64 * 1024 * 1024)); // more than the disk has left
  } catch {
    // ENOSPC part-way: the disk is full, which is the point
  }
  const failed = await notes.insertMany(Array.from({ length: 200 }, (_, i) => ({ _id: `lost-${i}` as never, pad: "y".repeat(4000) }))).then(
    () => null,
    (err: { code?: number; message: string }) => ({ code: err.code, message: err.message }),
  );
  const visible = await notes.countDocuments({ _id: { $regex: /^lost-/ } as never });
  const acked = await notes.countDocuments({ _id: "acked" as never });
  process.stdout.write(`${JSON.stringify({ failed, visible, acked })}\n`);
  process.exit(0);
}

void main();
