import { statfsSync } from "node:fs";
import { MongoCommandError } from "../errors";

/** Free space kept in reserve under the data directory before writes are refused. */
export const DEFAULT_MIN_FREE_BYTES = 64 * 1024 * 1024;

/**
 * Refuses writes while the file system holding the store has less than `minFreeBytes`
 * free. lmdb would fail such a write cleanly (the transaction is aborted), but lmdb-js
 * 3.5's write-error path formats its message into a too-small heap buffer, which can
 * corrupt the server's heap; refusing first keeps ENOSPC away from it.
 */
export class DiskSpaceGuard {
  constructor(
    private readonly dir: string,
    private readonly minFreeBytes = DEFAULT_MIN_FREE_BYTES,
  ) {}

  freeBytes(): number {
    const s = statfsSync(this.dir);
    return Number(s.bavail) * Number(s.bsize);
  }

  check(): void {
    const free = this.freeBytes();
    if (free >= this.minFreeBytes) return;
    const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
    throw new MongoCommandError(
      "OutOfDiskSpace",
      `write refused: only ${mb(free)} free on the disk holding ${this.dir} (the store keeps ${mb(this.minFreeBytes)} in reserve). ` +
        "Nothing was written. Free some space and retry.",
    );
  }
}
