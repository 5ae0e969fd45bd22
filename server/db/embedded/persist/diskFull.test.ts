import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statfsSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { startEmbeddedMongo } from "../index";

/**
 * A real full disk: a 48 MB tmpfs mounted for the test (needs root, as on this project's CI
 * machine; elsewhere the test says so and does not run). The store keeps 8 MB in reserve here,
 * so the write is refused by its disk-space check before lmdb meets ENOSPC (see diskSpace.ts
 * for why lmdb-js must not meet it).
 */
const MB = 1024 * 1024;

function tryMount(): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), "deskmap-full-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=48m,mode=0700", "tmpfs", dir], { stdio: "ignore" });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

const mnt = tryMount();
afterAll(() => {
  if (!mnt) return;
  execFileSync("umount", [mnt]);
  rmSync(mnt, { recursive: true, force: true });
});

const maybe = mnt ? test : test.skip;
if (!mnt) console.warn("diskFull.test: cannot mount a tmpfs here (not root?); the disk-full test is skipped");

maybe("a write on a full disk fails with a clear error and changes nothing; writes work again once space is freed", async () => {
  const dataDir = path.join(mnt!, "db");
  const filler = path.join(mnt!, "filler");
  let store = await startEmbeddedMongo({ dataDir, minFreeBytes: 8 * MB });
  let client = new mongoose.mongo.MongoClient(store.uri);
  let notes = client.db("test").collection("notes");
  await notes.insertMany([{ _id: "keep-me" as never, v: 1 }, { _id: "also" as never, v: 2 }]);

  const free = Number(statfsSync(mnt!).bavail) * Number(statfsSync(mnt!).bsize);
  await writeFile(filler, Buffer.alloc(free - 4 * MB)); // leaves less than the reserve
  const full = { code: 14031, message: expect.stringMatching(/write refused: only \d+\.\d MB free .*Nothing was written/) };
  await expect(notes.insertOne({ _id: "failed-insert" as never })).rejects.toMatchObject(full);
  await expect(notes.deleteOne({ _id: "keep-me" as never })).rejects.toMatchObject(full);
  await expect(notes.updateOne({ _id: "also" as never }, { $set: { v: 99 } })).rejects.toMatchObject(full);
  expect(await notes.findOne({ _id: "failed-insert" as never })).toBeNull();
  expect(await notes.find().sort({ _id: 1 }).toArray()).toEqual([{ _id: "also", v: 2 }, { _id: "keep-me", v: 1 }]);

  await rm(filler);
  await notes.insertOne({ _id: "after" as never, v: 3 });
  await notes.deleteOne({ _id: "also" as never });
  await client.close();
  await store.close();

  // A clean stop wrote only what was acknowledged.
  store = await startEmbeddedMongo({ dataDir, minFreeBytes: 8 * MB });
  client = new mongoose.mongo.MongoClient(store.uri);
  notes = client.db("test").collection("notes");
  expect(await notes.find().sort({ _id: 1 }).toArray()).toEqual([{ _id: "after", v: 3 }, { _id: "keep-me", v: 1 }]);
  await client.close();
  await store.close();
}, 30_000);
