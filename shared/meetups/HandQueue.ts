/**
 * Raised hands in one meetup, in the order they went up. Lowering and raising
 * again goes to the back; a hand taken by a host (brought up to speak) leaves
 * the queue. Pure and clock-free: order is arrival order.
 */
export class HandQueue {
  private readonly order: string[] = [];

  /** Raises a hand; false when it was already up (its place is kept). */
  raise(id: string): boolean {
    if (this.order.includes(id)) return false;
    this.order.push(id);
    return true;
  }

  /** Lowers a hand; false when it was not up. */
  lower(id: string): boolean {
    const i = this.order.indexOf(id);
    if (i < 0) return false;
    this.order.splice(i, 1);
    return true;
  }

  /** The longest-waiting hand, taken off the queue; null when none is up. */
  next(): string | null {
    return this.order.shift() ?? null;
  }

  has(id: string): boolean {
    return this.order.includes(id);
  }

  /** Ids with a hand up, longest-waiting first. */
  list(): readonly string[] {
    return [...this.order];
  }

  clear(): void {
    this.order.length = 0;
  }
}
