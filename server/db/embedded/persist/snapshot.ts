import { promises as fsp } from "node:fs";
import path from "node:path";
import type { Document } from "bson";
import { decodeRecords, encodeRecord } from "./records";
import { fsyncDir, SNAPSHOT_FILE, SNAPSHOT_TMP, writeFully } from "./files";

const FORMAT = "deskmap-embedded-snapshot";
const VERSION = 1;

export interface LoadedSnapshot {
  /** Highest journal generation whose effects the snapshot contains. */
  coversGen: number;
  ops: Document[];
}

/**
 * Writes a complete snapshot next to the old one and renames it into place: readers only
 * ever see the old complete file or the new complete file.
 */
export async function writeSnapshot(dir: string, coversGen: number, records: Buffer[]): Promise<void> {
  const tmp = path.join(dir, SNAPSHOT_TMP);
  const fh = await fsp.open(tmp, "w");
  try {
    await writeFully(fh, encodeRecord({ format: FORMAT, version: VERSION, coversGen }));
    // Written in slices so a large store does not need one giant contiguous buffer.
    for (let i = 0; i < records.length; i += 1024) await writeFully(fh, Buffer.concat(records.slice(i, i + 1024)));
    await writeFully(fh, encodeRecord({ end: true, count: records.length }));
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fsp.rename(tmp, path.join(dir, SNAPSHOT_FILE));
  await fsyncDir(dir);
}

export async function loadSnapshot(dir: string): Promise<LoadedSnapshot | null> {
  await fsp.rm(path.join(dir, SNAPSHOT_TMP), { force: true }); // an interrupted compaction
  let buf: Buffer;
  try {
    buf = await fsp.readFile(path.join(dir, SNAPSHOT_FILE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  const { docs, stoppedBecause } = decodeRecords(buf);
  const head = docs[0];
  const tail = docs[docs.length - 1];
  // The snapshot is renamed into place only once complete, so damage here is disk damage:
  // refuse to start rather than silently serve a partial store.
  if (stoppedBecause || !head || head.format !== FORMAT || head.version !== VERSION || !tail?.end || tail.count !== docs.length - 2) {
    throw new Error(`snapshot ${path.join(dir, SNAPSHOT_FILE)} is damaged (${stoppedBecause ?? "bad header or trailer"})`);
  }
  return { coversGen: Number(head.coversGen), ops: docs.slice(1, -1) };
}
