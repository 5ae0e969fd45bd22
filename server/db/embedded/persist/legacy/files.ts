import { promises as fsp } from "node:fs";
import path from "node:path";

/** File names of the store's previous format (journal + snapshot), read only to migrate. */
export const SNAPSHOT_FILE = "snapshot.bson";
export const SNAPSHOT_TMP = "snapshot.bson.tmp";
const JOURNAL_RE = /^journal\.(\d{8})\.log$/;

export async function listJournals(dir: string): Promise<Array<{ gen: number; file: string }>> {
  const names = await fsp.readdir(dir);
  return names
    .map((n) => ({ m: JOURNAL_RE.exec(n), n }))
    .filter((x): x is { m: RegExpExecArray; n: string } => x.m !== null)
    .map((x) => ({ gen: Number(x.m[1]), file: path.join(dir, x.n) }))
    .sort((a, b) => a.gen - b.gen);
}

/** Every file of the previous format present in `dir`. */
export async function legacyFiles(dir: string): Promise<string[]> {
  const names = new Set(await fsp.readdir(dir));
  const out = [SNAPSHOT_FILE, SNAPSHOT_TMP].filter((n) => names.has(n)).map((n) => path.join(dir, n));
  return [...out, ...(await listJournals(dir)).map((j) => j.file)];
}
