import { promises as fsp } from "node:fs";
import { crc32 } from "node:zlib";
import type { Document } from "bson";
import type { StoreOp } from "../../engine/ops";
import { listJournals } from "./files";
import { decodeRecords } from "./records";
import { loadSnapshot } from "./snapshot";

/** True when an intact record starts anywhere after `from`: the damage is not a torn tail. */
function intactRecordAfter(buf: Buffer, from: number): boolean {
  for (let p = from + 1; p + 8 <= buf.length; p++) {
    const len = buf.readUInt32LE(p);
    if (len < 5 || p + 8 + len > buf.length) continue;
    const payload = buf.subarray(p + 8, p + 8 + len);
    if (payload.readInt32LE(0) === len && crc32(payload) === buf.readUInt32LE(p + 4)) return true;
  }
  return false;
}

/**
 * Every op of a data directory in the previous format (snapshot, then journals newer than
 * it), in order. A torn last record of the newest journal was never acknowledged and is
 * dropped (the caller is told); damage anywhere else is refused, because reading past it
 * would drop acknowledged writes or replay newer files over a state that never existed.
 */
export async function readLegacy(dir: string): Promise<{ ops: StoreOp[]; tornTail: string | null }> {
  const snap = await loadSnapshot(dir);
  const ops = (snap?.ops ?? []) as StoreOp[];
  const journals = (await listJournals(dir)).filter((j) => j.gen > (snap?.coversGen ?? 0));
  let tornTail: string | null = null;
  for (const [i, { file }] of journals.entries()) {
    const buf = await fsp.readFile(file);
    const { docs, validLength, stoppedBecause } = decodeRecords(buf);
    ops.push(...(docs as Document[] as StoreOp[]));
    if (!stoppedBecause) continue;
    const last = i === journals.length - 1;
    if (!last || intactRecordAfter(buf, validLength)) {
      throw new Error(
        `journal ${file} is damaged at byte ${validLength} (${stoppedBecause}) with intact records after it; ` +
          "migration stopped so that nothing acknowledged is dropped. Restore the data directory from a backup, " +
          "or move this file aside to accept losing the records after the damage.",
      );
    }
    tornTail = `${file}: ${buf.length - validLength} trailing bytes of an unacknowledged write (${stoppedBecause})`;
  }
  return { ops, tornTail };
}
