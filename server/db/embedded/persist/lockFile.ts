import { promises as fsp } from "node:fs";
import path from "node:path";

export const LOCK_FILE = "deskmap-store.lock";

const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readPid(file: string): Promise<number | null> {
  const text = await fsp.readFile(file, "utf8").catch((err: NodeJS.ErrnoException) => (err.code === "ENOENT" ? null : Promise.reject(err)));
  if (text === null) return null;
  const pid = Number(text.trim());
  // The file is linked into place only once complete, so anything else is not ours to judge.
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`lock file ${file} holds "${text.slice(0, 40)}", not a process id; if no Deskmap server uses this directory, delete it`);
  return pid;
}

/** An exclusive mkdir; one left by a starter that died mid-takeover is cleared after 10 s. */
async function takeoverMutex(dir: string): Promise<boolean> {
  try {
    await fsp.mkdir(dir, { mode: 0o700 });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    const age = Date.now() - (await fsp.stat(dir).then((s) => s.mtimeMs, () => Date.now()));
    if (age > 10_000) await fsp.rmdir(dir).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 20));
    return false;
  }
}

/**
 * One process per data directory. The lock file holds its owner's pid from the instant it
 * exists: the pid is written and fsynced in a private temp file, which is then hard-linked
 * to the lock name (link fails if the name exists, atomically). A lock whose owner died is
 * removed only under a takeover mutex (an exclusive mkdir) and only if it still names the
 * dead owner; then every starter races to link its own again, and exactly one wins.
 */
export async function acquireLock(dir: string): Promise<() => Promise<void>> {
  const real = await fsp.realpath(dir);
  const file = path.join(real, LOCK_FILE);
  if (heldHere.has(real)) throw new Error(`data directory ${real} is already open in this process`);
  const tmp = path.join(real, `${LOCK_FILE}.${process.pid}.${Math.random().toString(36).slice(2)}`);
  const fh = await fsp.open(tmp, "wx", 0o600);
  try {
    await fh.writeFile(String(process.pid));
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    for (let attempt = 0; attempt < 200; attempt++) {
      try {
        await fsp.link(tmp, file);
        heldHere.add(real);
        return async () => {
          heldHere.delete(real);
          await fsp.rm(file, { force: true });
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      }
      const owner = await readPid(file);
      if (owner === null) continue; // released meanwhile
      if (owner !== process.pid && isAlive(owner)) {
        throw new Error(`data directory ${real} is locked by running process ${owner} (if no Deskmap server uses it, delete ${file})`);
      }
      // Stale: its owner is gone. Only the holder of the takeover mutex may remove it, so
      // two starters can never both remove a lock (one of them a fresh one).
      if (!(await takeoverMutex(`${file}.takeover`))) continue;
      try {
        if ((await readPid(file)) === owner) await fsp.rm(file, { force: true });
      } finally {
        await fsp.rmdir(`${file}.takeover`).catch(() => undefined);
      }
    }
    throw new Error(`could not acquire the lock ${file}`);
  } finally {
    await fsp.rm(tmp, { force: true });
  }
}
