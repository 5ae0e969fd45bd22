import { copyFile, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import type { StoreOp } from "../engine/ops";
import { tempDir } from "../testing/testSupport";
import { Journal } from "./Journal";
import { Persistence } from "./Persistence";
import { decodeRecords, encodeRecord } from "./records";

const quiet = () => undefined;

test("concurrent appends share fsyncs (group commit) and all land in order", async () => {
  const dir = await tempDir("journal");
  try {
    const j = new Journal(dir, 1);
    await Promise.all(Array.from({ length: 200 }, (_, i) => j.append(encodeRecord({ i }))));
    expect(j.syncs).toBeGreaterThan(0);
    expect(j.syncs).toBeLessThan(200);
    await j.close();
    const { docs, stoppedBecause } = decodeRecords(await readFile(path.join(dir, "journal.00000001.log")));
    expect(stoppedBecause).toBeNull();
    expect(docs.map((d) => d.i)).toEqual(Array.from({ length: 200 }, (_, i) => i));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

async function write(p: Persistence, ops: StoreOp[]): Promise<void> {
  for (const op of ops) p.store.apply(op);
  await p.persist(ops);
}

test("journals a snapshot already covers are not replayed again (crash between rename and delete)", async () => {
  const dir = await tempDir("covered");
  try {
    const p = await Persistence.open({ dataDir: dir, log: quiet });
    await write(p, [
      { op: "cc", db: "d", c: "c", options: {} },
      { op: "i", db: "d", c: "c", doc: { _id: 1, v: "a" } },
      { op: "i", db: "d", c: "c", doc: { _id: 2, v: "b" } },
    ]);
    await write(p, [{ op: "d", db: "d", c: "c", id: 1 }]);
    const oldJournal = path.join(dir, "journal.00000001.log");
    await copyFile(oldJournal, oldJournal + ".keep");
    await p.compact();
    await write(p, [{ op: "u", db: "d", c: "c", doc: { _id: 2, v: "b2" } }]);
    await p.close();
    await copyFile(oldJournal + ".keep", oldJournal); // as if deletion never happened
    await rm(oldJournal + ".keep");

    const logs: string[] = [];
    const again = await Persistence.open({ dataDir: dir, log: (m) => logs.push(m) });
    const docs = [...again.store.collection("d", "c")!.all()];
    expect(docs).toEqual([{ _id: 2, v: "b2" }]);
    expect(logs).toEqual([]);
    expect((await readdir(dir)).filter((f) => f.startsWith("journal."))).toEqual([]);
    await again.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("automatic compaction keeps the journal small and loses nothing", async () => {
  const dir = await tempDir("auto");
  try {
    const p = await Persistence.open({ dataDir: dir, log: quiet, compactAfterBytes: 4096 });
    await write(p, [{ op: "cc", db: "d", c: "c", options: {} }]);
    await Promise.all(Array.from({ length: 300 }, (_, i) => write(p, [{ op: "i", db: "d", c: "c", doc: { _id: i, pad: "x".repeat(100) } }])));
    await p.settled(); // a real crash image is atomic; a file-by-file copy must not race a compaction
    const files = await readdir(dir);
    expect(files).toContain("snapshot.bson");
    // Reopen from the files as they are now (copy: the original is still locked).
    const copy = await tempDir("auto-copy");
    for (const f of files.filter((f) => f !== "deskmap-store.lock")) await copyFile(path.join(dir, f), path.join(copy, f));
    const reopened = await Persistence.open({ dataDir: copy, log: quiet });
    expect(reopened.store.collection("d", "c")!.size).toBe(300);
    await reopened.close();
    await p.close();
    await rm(copy, { recursive: true, force: true });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
