export type HealthListener = (available: boolean) => void;

/**
 * One answer to "is the database there?" for the whole process. Every
 * retrying writer reports here under its own name; the database counts as
 * available only when none of them is failing, so the page's notice clears
 * once everything that waited has been written, not when the first writer
 * gets through.
 */
export class DatabaseHealth {
  private readonly failing = new Set<string>();
  private readonly listeners = new Set<HealthListener>();
  private readonly recoveries = new Set<() => void>();

  get healthy(): boolean {
    return this.failing.size === 0;
  }

  /** Hears every change of the overall availability. */
  onHealth(listener: HealthListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Hears whenever one writer got through after failing, so the others can
   * retry at once instead of sleeping out their backoff.
   */
  onRecovery(listener: () => void): () => void {
    this.recoveries.add(listener);
    return () => this.recoveries.delete(listener);
  }

  report(source: string, ok: boolean): void {
    const before = this.healthy;
    if (ok) {
      if (!this.failing.delete(source)) return;
      for (const wake of [...this.recoveries]) wake();
    } else {
      if (this.failing.has(source)) return;
      this.failing.add(source);
    }
    if (this.healthy === before) return;
    for (const listener of [...this.listeners]) listener(this.healthy);
  }
}
