import type { Logger } from "../log";
import type { DatabaseHealth } from "./DatabaseHealth";

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 15_000;
/** Writes in flight at once: a whole room leaving at shutdown must be saved within seconds. */
const WRITE_CONCURRENCY = 16;

export interface RetryQueueOptions<T, R> {
  /** Names this writer in the shared health and in the log ("positions"). */
  name: string;
  write: (value: T) => Promise<R>;
  health: DatabaseHealth;
  log?: Logger;
  firstRetryMs?: number;
}

interface Entry<T, R> {
  value: T;
  /** Set for a write whose caller waits for the outcome (and is told of a failure instead of a retry). */
  waiter?: { resolve(result: R): void; reject(err: unknown): void };
  /** The kept value this waited-for write replaced: restored if the write is refused, so it is not lost. */
  replaced?: Entry<T, R>;
}

/**
 * Writes that must outlive a database outage. Only the latest value per key
 * is kept (a newer one supersedes what waited); a background flush writes
 * them, and while the database refuses, retries with exponential backoff.
 * Availability goes to the shared DatabaseHealth.
 */
export class RetryQueue<T, R = void> {
  private readonly pending = new Map<string, Entry<T, R>>();
  private readonly offRecovery: () => void;
  private ok = true;
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private delay: number;
  private closed = false;
  private lastError: unknown;

  constructor(private readonly options: RetryQueueOptions<T, R>) {
    this.delay = options.firstRetryMs ?? FIRST_RETRY_MS;
    // Another writer got through: the database is probably back for us too.
    this.offRecovery = options.health.onRecovery(() => {
      if (this.timer) this.retryNow();
    });
  }

  /** Values not yet written. */
  get size(): number {
    return this.pending.size;
  }

  /** The value waiting under `key`, newest first in line. */
  get(key: string): T | undefined {
    return this.pending.get(key)?.value;
  }

  values(): T[] {
    return [...this.pending.values()].map((e) => e.value);
  }

  /** Keeps `value` to be written; returns at once. */
  put(key: string, value: T): void {
    this.supersede(key);
    this.pending.set(key, { value });
    if (!this.timer) this.flush();
  }

  /**
   * Writes `value` in its turn (after anything already waiting under `key`)
   * and resolves with the write's result; a failure rejects instead of being
   * retried, for changes the caller must confirm or refuse at once.
   */
  putAndWait(key: string, value: T): Promise<R> {
    if (this.closed) return Promise.reject(new Error("the server is shutting down"));
    return new Promise<R>((resolve, reject) => {
      this.supersede(key);
      this.pending.set(key, { value, waiter: { resolve, reject }, replaced: this.pending.get(key) });
      if (this.timer) this.retryNow();
      else this.flush();
    });
  }

  /** Writes everything waiting; resolves true when the backlog is empty, false after `timeoutMs`. */
  async drain(timeoutMs = 8000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending.size > 0 && Date.now() < deadline) {
      if (this.timer) this.retryNow();
      else this.flush();
      // A write to a vanished database can hang until the driver gives up: never past the deadline.
      await within(this.flushing, deadline - Date.now());
      if (this.pending.size > 0) await sleep(Math.min(100, Math.max(0, deadline - Date.now())));
    }
    return this.pending.size === 0;
  }

  close(): void {
    this.closed = true;
    this.offRecovery();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const key of this.pending.keys()) this.supersede(key, new Error("the server is shutting down"));
  }

  private supersede(key: string, reason = new Error("superseded by a newer change")): void {
    const old = this.pending.get(key);
    if (old?.waiter) {
      this.pending.delete(key);
      old.waiter.reject(reason);
    }
  }

  private retryNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.flush();
  }

  private flush(): void {
    if (this.closed) return;
    this.flushing ??= this.writeAll().finally(() => {
      this.flushing = null;
      // A value put after the last look at the backlog, but before this flush counted as ended.
      if (this.pending.size > 0 && !this.timer) this.flush();
    });
  }

  private async writeAll(): Promise<void> {
    // Until empty: values that arrive while a batch is being written are written too.
    while (this.pending.size > 0) {
      const batch = [...this.pending].slice(0, WRITE_CONCURRENCY);
      const outcomes = await Promise.all(batch.map(([key, entry]) => this.writeOne(key, entry)));
      if (outcomes.includes("failed")) {
        this.setOk(false);
        this.scheduleRetry();
        return;
      }
    }
    this.delay = this.options.firstRetryMs ?? FIRST_RETRY_MS;
    this.setOk(true);
  }

  private async writeOne(key: string, entry: Entry<T, R>): Promise<"written" | "failed" | "refused"> {
    try {
      const result = await this.options.write(entry.value);
      // A newer value may have arrived while writing: keep that one.
      if (this.pending.get(key) === entry) this.pending.delete(key);
      entry.waiter?.resolve(result);
      return "written";
    } catch (err) {
      if (!entry.waiter) {
        this.lastError = err;
        return "failed";
      }
      if (this.pending.get(key) === entry) {
        if (entry.replaced) this.pending.set(key, entry.replaced);
        else this.pending.delete(key);
      }
      entry.waiter.reject(err);
      return "refused";
    }
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

  private setOk(ok: boolean): void {
    if (ok === this.ok) return;
    this.ok = ok;
    const { name, log, health } = this.options;
    if (ok) log?.info(`database is back: wrote the ${name} that were waiting`);
    else log?.warn(`database unavailable: keeping ${this.pending.size} unsaved ${name} to retry`, this.lastError);
    health.report(name, ok);
  }
}

/** Waits for `work`, or `ms` at most. */
async function within(work: Promise<void> | null, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([work, new Promise((resolve) => (timer = setTimeout(resolve, Math.max(0, ms))))]);
  } finally {
    clearTimeout(timer);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
