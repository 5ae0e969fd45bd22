import { promises as fsp } from "node:fs";
import path from "node:path";

export const SNAPSHOT_FILE = "snapshot.bson";
export const SNAPSHOT_TMP = "snapshot.bson.tmp";
export const LOCK_FILE = "deskmap-store.lock";
const JOURNAL_RE = /^journal\.(\d{8})\.log$/;

export function journalName(gen: number): string {
  return `journal.${String(gen).padStart(8, "0")}.log`;
}

export async function listJournals(dir: string): Promise<Array<{ gen: number; file: string }>> {
  const names = await fsp.readdir(dir);
  return names
    .map((n) => ({ m: JOURNAL_RE.exec(n), n }))
    .filter((x): x is { m: RegExpExecArray; n: string } => x.m !== null)
    .map((x) => ({ gen: Number(x.m[1]), file: path.join(dir, x.n) }))
    .sort((a, b) => a.gen - b.gen);
}

/** fsync a directory so a rename or a new file inside it survives power loss. */
export async function fsyncDir(dir: string): Promise<void> {
  const fh = await fsp.open(dir, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export async function writeFully(fh: fsp.FileHandle, buf: Buffer): Promise<void> {
  let off = 0;
  while (off < buf.length) {
    const { bytesWritten } = await fh.write(buf, off, buf.length - off);
    off += bytesWritten;
  }
}
