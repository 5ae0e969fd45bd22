import type { PresenceStore, SavedPosition } from "../deps";
import type { Logger } from "../log";
import { DatabaseHealth, type HealthListener } from "./DatabaseHealth";
import { RetryQueue } from "./RetryQueue";

export type { HealthListener } from "./DatabaseHealth";

interface PendingPosition {
  memberId: string;
  space: string;
  position: SavedPosition;
}

/**
 * Positions survive a database outage: save() only records the latest
 * position per member and returns at once; a background flush writes them,
 * and while the database refuses, retries with exponential backoff. Nothing
 * is dropped (only superseded by a newer position of the same member), and
 * listeners hear when the database goes away and comes back, so rooms can
 * tell their people. The health is shared with the other retrying stores
 * (pass the same DatabaseHealth), so this is the one place rooms listen.
 */
export class RetryingPresenceStore implements PresenceStore {
  private readonly queue: RetryQueue<PendingPosition>;

  constructor(
    private readonly inner: PresenceStore,
    log?: Logger,
    readonly health: DatabaseHealth = new DatabaseHealth(),
  ) {
    this.queue = new RetryQueue({
      name: "positions",
      write: (p) => inner.save(p.memberId, p.space, p.position),
      health,
      log,
    });
  }

  /** False while any retrying store (positions, statuses, desks) cannot write. */
  get healthy(): boolean {
    return this.health.healthy;
  }

  /** Positions not yet written. */
  get backlog(): number {
    return this.queue.size;
  }

  onHealth(listener: HealthListener): () => void {
    return this.health.onHealth(listener);
  }

  load(memberId: string, space: string): Promise<SavedPosition | null> {
    // A position still waiting to be written is the newest one.
    const waiting = this.queue.get(key(memberId, space));
    return waiting ? Promise.resolve(waiting.position) : this.inner.load(memberId, space);
  }

  async save(memberId: string, space: string, position: SavedPosition): Promise<void> {
    this.queue.put(key(memberId, space), { memberId, space, position });
  }

  /** Writes everything waiting; resolves when the backlog is empty or `timeoutMs` passed. */
  drain(timeoutMs = 8000): Promise<boolean> {
    return this.queue.drain(timeoutMs);
  }

  close(): void {
    this.queue.close();
  }
}

function key(memberId: string, space: string): string {
  return `${space}\u0000${memberId}`;
}
