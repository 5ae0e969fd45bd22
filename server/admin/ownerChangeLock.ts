import { randomBytes } from "node:crypto";
import type { SpaceRepository } from "../db/repositories/SpaceRepository";
import { HttpError } from "../http/middleware/HttpError";
import { SpaceQueue } from "./spaceLock";

export interface OwnerChangeLockOptions {
  /** How long a lease lasts if its holder never gives it back (a crashed process). */
  leaseMs: number;
  /** How long a request waits for another process's change before giving up with 503. */
  waitMs: number;
  pollMs: number;
}

const DEFAULTS: OwnerChangeLockOptions = { leaseMs: 15_000, waitMs: 5_000, pollMs: 15 };

export const OWNERS_BUSY = "another change to this space's owners is still being made; try again in a moment";

/**
 * Runs changes that count a space's owners ("is this the last one?") one at a
 * time per space, across every server process sharing the database, so two
 * owners demoting or removing each other at the same moment cannot leave none.
 *
 * Within a process, requests wait in turn (SpaceQueue). Between processes, the
 * turn is a lease on the space's record taken by one conditional update; a
 * process that dies holding it loses it after `leaseMs`. The counted changes
 * are a few small writes, far inside that time.
 */
export class OwnerChangeLock {
  private readonly queue = new SpaceQueue();
  private readonly options: OwnerChangeLockOptions;

  constructor(
    private readonly spaces: SpaceRepository,
    options: Partial<OwnerChangeLockOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  run<T>(slug: string, work: () => Promise<T>): Promise<T> {
    return this.queue.run(slug, () => this.leased(slug, work));
  }

  private async leased<T>(slug: string, work: () => Promise<T>): Promise<T> {
    const holder = randomBytes(12).toString("hex");
    const { leaseMs, waitMs, pollMs } = this.options;
    const giveUpAt = Date.now() + waitMs;
    for (;;) {
      const now = new Date();
      const taken = await this.spaces.takeOwnersLease(slug, holder, new Date(now.getTime() + leaseMs), now);
      // No such space: nothing to guard, and the work answers the 404 itself.
      if (taken === "missing") return work();
      if (taken === "taken") break;
      if (Date.now() >= giveUpAt) throw new HttpError(503, OWNERS_BUSY, undefined, { "Retry-After": "1" });
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    try {
      return await work();
    } finally {
      await this.spaces.releaseOwnersLease(slug, holder);
    }
  }
}
