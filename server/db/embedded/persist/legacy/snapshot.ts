import { promises as fsp } from "node:fs";
import path from "node:path";
import type { Document } from "bson";
import { decodeRecords } from "./records";
import { SNAPSHOT_FILE } from "./files";

const FORMAT = "deskmap-embedded-snapshot";
const VERSION = 1;

export interface LoadedSnapshot {
  /** Highest journal generation whose effects the snapshot contains. */
  coversGen: number;
  ops: Document[];
}

/** Reads the previous format's snapshot; damage is refused, never read past. */
export async function loadSnapshot(dir: string): Promise<LoadedSnapshot | null> {
  const file = path.join(dir, SNAPSHOT_FILE);
  let buf: Buffer;
  try {
    buf = await fsp.readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  const { docs, stoppedBecause } = decodeRecords(buf);
  const head = docs[0];
  const tail = docs[docs.length - 1];
  if (stoppedBecause || !head || head.format !== FORMAT || head.version !== VERSION || !tail?.end || tail.count !== docs.length - 2) {
    throw new Error(`snapshot ${file} is damaged (${stoppedBecause ?? "bad header or trailer"})`);
  }
  return { coversGen: Number(head.coversGen), ops: docs.slice(1, -1) };
}
