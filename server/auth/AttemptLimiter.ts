/**
 * Counts attempts per key in a fixed window and refuses a key once it reaches
 * its limit, until that window ends. In memory and per process: enough for a
 * single self-hosted server; it forgets on restart.
 *
 * An attempt is counted when it starts (`attempt`), before any costly work, so
 * a burst of parallel requests cannot all get through while the first ones are
 * still being checked. A locked key is never evicted to make room: when the
 * table is full of live keys, the oldest unlocked one goes, and if every key
 * is locked a new key is refused until windows end.
 */
export class AttemptLimiter {
  private readonly entries = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly maxAttempts = 10,
    readonly windowMs = 15 * 60_000,
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may try again, or 0 when it may try now. Counts nothing. */
  retryAfter(key: string): number {
    const entry = this.live(key);
    if (!entry || entry.count < this.maxAttempts) return 0;
    return Math.max(1, Math.ceil((entry.resetAt - this.now()) / 1000));
  }

  /**
   * Counts one attempt for `key` and returns 0, or refuses it (counting
   * nothing) with the seconds until the key may try again.
   */
  attempt(key: string): number {
    const wait = this.retryAfter(key);
    if (wait > 0) return wait;
    const entry = this.live(key);
    if (entry) {
      entry.count++;
      return 0;
    }
    if (this.entries.size >= this.maxKeys && !this.makeRoom()) return Math.max(1, Math.ceil(this.windowMs / 1000));
    this.entries.set(key, { count: 1, resetAt: this.now() + this.windowMs });
    return 0;
  }

  /** Takes back one counted attempt (one that turned out fine). */
  forgive(key: string): void {
    const entry = this.live(key);
    if (!entry) return;
    if (--entry.count <= 0) this.entries.delete(key);
  }

  /** Forgets a key altogether. */
  reset(key: string): void {
    this.entries.delete(key);
  }

  /** How many keys are held (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }

  private live(key: string) {
    const entry = this.entries.get(key);
    if (entry && entry.resetAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Frees one slot: expired entries first, then the oldest unlocked one. False when every live key is locked. */
  private makeRoom(): boolean {
    const now = this.now();
    let oldestUnlocked: string | undefined;
    for (const [key, entry] of this.entries) {
      if (entry.resetAt <= now) this.entries.delete(key);
      else if (oldestUnlocked === undefined && entry.count < this.maxAttempts) oldestUnlocked = key;
    }
    if (this.entries.size < this.maxKeys) return true;
    if (oldestUnlocked === undefined) return false;
    this.entries.delete(oldestUnlocked);
    return true;
  }
}
