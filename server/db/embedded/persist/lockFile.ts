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

/**
 * One process per data directory. The lock file holds its owner's pid from the instant it
 * exists: the pid is written and fsynced in a private temp file, which is then hard-linked
 * to the lock name (link fails if the name exists, atomically). A lock whose owner died is
 * taken over by renaming it to a private name first: of several processes that find the
 * same stale lock, only one rename succeeds, and the winner then checks that what it moved
 * is still the dead owner's.
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
    for (let attempt = 0; attempt < 5; attempt++) {
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
      const moved = `${tmp}.stale`;
      try {
        await fsp.rename(file, moved);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") continue; // another process took it over first
        throw err;
      }
      const movedOwner = await readPid(moved);
      if (movedOwner !== owner && movedOwner !== null && isAlive(movedOwner)) {
        // We moved a fresh lock that a faster process had just linked: give it back.
        await fsp.link(moved, file).catch(() => undefined);
        await fsp.rm(moved, { force: true });
        throw new Error(`data directory ${real} is locked by running process ${movedOwner} (if no Deskmap server uses it, delete ${file})`);
      }
      await fsp.rm(moved, { force: true });
    }
    throw new Error(`could not acquire the lock ${file}`);
  } finally {
    await fsp.rm(tmp, { force: true });
  }
}
