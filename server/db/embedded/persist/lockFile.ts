import { promises as fsp } from "node:fs";
import path from "node:path";
import { LOCK_FILE } from "./files";

const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * One process per dataDir. The lock holds the owner's pid; a lock left by a process that
 * died (SIGKILL, power loss) is taken over, since its owner can no longer write.
 */
export async function acquireLock(dir: string): Promise<() => Promise<void>> {
  const real = await fsp.realpath(dir);
  const file = path.join(real, LOCK_FILE);
  if (heldHere.has(real)) throw new Error(`data directory ${real} is already open in this process`);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await fsp.open(file, "wx");
      await fh.writeFile(String(process.pid));
      await fh.sync();
      await fh.close();
      heldHere.add(real);
      return async () => {
        heldHere.delete(real);
        await fsp.rm(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const owner = Number((await fsp.readFile(file, "utf8").catch(() => "")).trim());
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
      throw new Error(`data directory ${real} is locked by running process ${owner} (if no Deskmap server uses it, delete ${file})`);
    }
    await fsp.rm(file, { force: true }); // stale: its owner is gone
  }
  throw new Error(`could not acquire lock on ${real}`);
}
