import { cp, readdir, readFile, rm, stat, writeFile, appendFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { EJSON } from "bson";
import type { Document } from "bson";
import mongoose from "mongoose";
import { startEmbeddedMongo } from "../index";
import type { EmbeddedMongo } from "../index";
import { tempDir } from "../testing/testSupport";

const FIXTURE = path.join(__dirname, "legacy", "fixture", "v1-datadir");
const EXPECTED = EJSON.parse(require("node:fs").readFileSync(`${FIXTURE}.expected.json`, "utf8"), { relaxed: false }) as Record<string, { docs: Document[]; indexes: Document[] }>;

async function read(store: EmbeddedMongo): Promise<Record<string, { docs: Document[]; indexes: Document[] }>> {
  const client = new mongoose.mongo.MongoClient(store.uri, { promoteLongs: false });
  try {
    const db = client.db("deskmap");
    const out: Record<string, { docs: Document[]; indexes: Document[] }> = {};
    for (const name of Object.keys(EXPECTED)) out[name] = { docs: await db.collection(name).find().toArray(), indexes: await db.collection(name).indexes() };
    return out;
  } finally {
    await client.close();
  }
}

const canonical = (v: unknown) => EJSON.stringify(v as Document, { relaxed: false });

async function fixtureCopy(): Promise<string> {
  const dir = await tempDir("migrate");
  await cp(FIXTURE, dir, { recursive: true });
  return dir;
}

test("a data directory written by the journal + snapshot store is migrated on first start, old files kept aside", async () => {
  const dir = await fixtureCopy();
  const logs: string[] = [];
  try {
    const originals = await Promise.all(["snapshot.bson", "journal.00000002.log"].map((f) => readFile(path.join(dir, f))));
    const store = await startEmbeddedMongo({ dataDir: dir, log: (m) => logs.push(m) });
    try {
      expect(canonical(await read(store))).toBe(canonical(EXPECTED));
    } finally {
      await store.close();
    }
    expect(logs.join("\n")).toMatch(/migrated the previous format/);
    const names = await readdir(dir);
    expect(names).not.toContain("snapshot.bson");
    const backup = names.find((n) => n.startsWith("legacy-backup-"))!;
    expect(backup).toBeDefined();
    expect((await stat(path.join(dir, backup))).mode & 0o777).toBe(0o700);
    const kept = await Promise.all(["snapshot.bson", "journal.00000002.log"].map((f) => readFile(path.join(dir, backup, f))));
    expect(kept).toEqual(originals);

    // Second start: no migration again, same answers, unique index still enforced.
    const again = await startEmbeddedMongo({ dataDir: dir, log: (m) => logs.push(m) });
    try {
      expect(canonical(await read(again))).toBe(canonical(EXPECTED));
      const client = new mongoose.mongo.MongoClient(again.uri);
      await expect(client.db("deskmap").collection("spaces").insertOne({ slug: "space-1" })).rejects.toMatchObject({ code: 11000 });
      await client.close();
    } finally {
      await again.close();
    }
    expect(logs.filter((l) => /migrated/.test(l))).toHaveLength(1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 30_000);

test("a torn last journal record (an unacknowledged write) is dropped and said so; the rest migrates", async () => {
  const dir = await fixtureCopy();
  try {
    await appendFile(path.join(dir, "journal.00000002.log"), Buffer.from([0x40, 0, 0, 0, 1, 2, 3, 4, 5, 6]));
    const logs: string[] = [];
    const store = await startEmbeddedMongo({ dataDir: dir, log: (m) => logs.push(m) });
    try {
      expect(canonical(await read(store))).toBe(canonical(EXPECTED));
    } finally {
      await store.close();
    }
    expect(logs.join("\n")).toMatch(/ignoring .*journal\.00000002\.log: 10 trailing bytes/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 30_000);

test("damage in the middle of a journal stops the migration with a clear message and touches nothing", async () => {
  const dir = await fixtureCopy();
  try {
    const journal = path.join(dir, "journal.00000002.log");
    const bytes = await readFile(journal);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    await writeFile(journal, bytes);
    await expect(startEmbeddedMongo({ dataDir: dir })).rejects.toThrow(/journal .*journal\.00000002\.log is damaged at byte \d+ .*intact records after it.*Restore the data directory from a backup/);
    expect(await readFile(journal)).toEqual(bytes);
    expect((await readdir(dir)).sort()).toEqual(["journal.00000002.log", "snapshot.bson"]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 30_000);

test("a damaged snapshot is refused, and an interrupted migration is started over", async () => {
  const dir = await fixtureCopy();
  try {
    const snap = path.join(dir, "snapshot.bson");
    const good = await readFile(snap);
    await writeFile(snap, Buffer.from("not a snapshot"));
    await expect(startEmbeddedMongo({ dataDir: dir })).rejects.toThrow(/snapshot .* is damaged/);
    await writeFile(snap, good);
    // As if a migration had crashed half-way: a partial store.migrating folder is left.
    await mkdir(path.join(dir, "store.migrating"));
    await writeFile(path.join(dir, "store.migrating", "data.mdb"), Buffer.alloc(4096, 7));
    const store = await startEmbeddedMongo({ dataDir: dir });
    try {
      expect(canonical(await read(store))).toBe(canonical(EXPECTED));
    } finally {
      await store.close();
    }
    await expect(stat(path.join(dir, "store.migrating"))).rejects.toMatchObject({ code: "ENOENT" });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 30_000);
