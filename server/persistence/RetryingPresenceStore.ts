import type { PresenceStore, SavedPosition } from "../deps";
import type { Logger } from "../log";

export type HealthListener = (available: boolean) => void;

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 15_000;
/** Writes in flight at once: a whole room leaving at shutdown must be saved within seconds. */
const WRITE_CONCURRENCY = 16;

/**
 * Positions survive a database outage: save() only records the latest
 * position per member and returns at once; a background flush writes them,
 * and while the database refuses, retries with exponential backoff. Nothing
 * is dropped (only superseded by a newer position of the same member), and
 * listeners hear when the database goes away and comes back, so rooms can
 * tell their people.
 */
export class RetryingPresenceStore implements PresenceStore {
  private readonly pending = new Map<string, { memberId: string; space: string; position: SavedPosition }>();
  private readonly listeners = new Set<HealthListener>();
  private available = true;
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private delay = FIRST_RETRY_MS;
  private closed = false;

  constructor(
    private readonly inner: PresenceStore,
    private readonly log?: Logger,
  ) {}

  get healthy(): boolean {
    return this.available;
  }

  /** Positions not yet written. */
  get backlog(): number {
    return this.pending.size;
  }

  onHealth(listener: HealthListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  load(memberId: string, space: string): Promise<SavedPosition | null> {
    // A position still waiting to be written is the newest one.
    const waiting = this.pending.get(key(memberId, space));
    return waiting ? Promise.resolve(waiting.position) : this.inner.load(memberId, space);
  }

  async save(memberId: string, space: string, position: SavedPosition): Promise<void> {
    this.pending.set(key(memberId, space), { memberId, space, position });
    if (!this.timer) this.flush();
  }

  /** Writes everything waiting; resolves when the backlog is empty or `timeoutMs` passed. */
  async drain(timeoutMs = 8000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending.size > 0 && Date.now() < deadline) {
      await (this.flushing ?? this.writeAll());
      if (this.pending.size > 0) await new Promise((r) => setTimeout(r, 100));
    }
    return this.pending.size === 0;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private flush(): void {
    this.flushing ??= this.writeAll().finally(() => (this.flushing = null));
  }

  private async writeAll(): Promise<void> {
    // Until empty: positions that arrive while a batch is being written are written too.
    while (this.pending.size > 0) {
      const batch = [...this.pending].slice(0, WRITE_CONCURRENCY);
      try {
        await Promise.all(
          batch.map(async ([k, entry]) => {
            await this.inner.save(entry.memberId, entry.space, entry.position);
            // A newer position may have arrived while writing: keep that one.
            if (this.pending.get(k) === entry) this.pending.delete(k);
          }),
        );
      } catch (err) {
        this.setAvailable(false, err);
        this.scheduleRetry();
        return;
      }
    }
    this.delay = FIRST_RETRY_MS;
    this.setAvailable(true);
  }

  private scheduleRetry(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, this.delay);
    this.timer.unref?.();
    this.delay = Math.min(this.delay * 2, MAX_RETRY_MS);
  }

  private setAvailable(available: boolean, err?: unknown): void {
    if (available === this.available) return;
    this.available = available;
    if (available) this.log?.info("database is back: saved positions that were waiting");
    else this.log?.warn(`database unavailable: keeping ${this.pending.size} position(s) to retry`, err);
    for (const listener of this.listeners) listener(available);
  }
}

function key(memberId: string, space: string): string {
  return `${space}\u0000${memberId}`;
}
