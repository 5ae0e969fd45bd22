/**
 * Counts failed attempts per key (sign-in: client address + email) in a fixed
 * window, to slow password guessing. In memory and per process: enough for a
 * single self-hosted server; it forgets on restart.
 */
export class AttemptLimiter {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60_000,
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const entry = this.failures.get(key);
    if (!entry) return 0;
    const left = entry.resetAt - this.now();
    if (left <= 0) {
      this.failures.delete(key);
      return 0;
    }
    return entry.count >= this.maxFailures ? Math.ceil(left / 1000) : 0;
  }

  fail(key: string): void {
    const entry = this.failures.get(key);
    if (entry && entry.resetAt > this.now()) {
      entry.count++;
      return;
    }
    // Maps iterate in insertion order: the first key is the oldest window.
    if (this.failures.size >= this.maxKeys) this.failures.delete(this.failures.keys().next().value!);
    this.failures.set(key, { count: 1, resetAt: this.now() + this.windowMs });
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
