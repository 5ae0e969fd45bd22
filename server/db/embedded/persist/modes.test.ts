import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import mongoose from "mongoose";
import { startEmbeddedMongo } from "../index";
import { tempDir } from "../testing/testSupport";

test("the store's directories are 0700 and its files 0600, whatever the umask", async () => {
  const parent = await tempDir("modes");
  const dataDir = path.join(parent, "db");
  const umask = process.umask(0o022); // the usual default, which would give 0755 / 0644
  try {
    const store = await startEmbeddedMongo({ dataDir });
    const client = new mongoose.mongo.MongoClient(store.uri);
    await client.db("test").collection("people").insertOne({ email: "ann@example.com", passwordHash: "scrypt$..." });
    const modes: Record<string, number> = {};
    const walk = async (p: string): Promise<void> => {
      const s = await stat(p);
      modes[path.relative(parent, p) || "."] = s.mode & 0o777;
      if (s.isDirectory()) for (const n of await readdir(p)) await walk(path.join(p, n));
    };
    await walk(dataDir);
    await client.close();
    await store.close();
    expect(Object.keys(modes).sort()).toEqual(["db", "db/deskmap-store.lock", "db/store", "db/store/data.mdb", "db/store/lock.mdb"]);
    for (const [p, mode] of Object.entries(modes)) expect([p, mode.toString(8)]).toEqual([p, p === "db" || p === "db/store" ? "700" : "600"]);
  } finally {
    process.umask(umask);
    await rm(parent, { recursive: true, force: true });
  }
});
