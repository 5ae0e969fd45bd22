/** A knock on a locked zone waits this long for someone inside to answer. */
export const ZONE_KNOCK_MS = 60_000;

interface PendingKnock {
  zoneId: number;
  at: number;
}

/** Knocks waiting at locked zones: one per knocker at a time. */
export class ZoneKnocks {
  private readonly pending = new Map<string, PendingKnock>();

  constructor(private readonly now: () => number = Date.now) {}

  /** False when this person already knocks somewhere (they wait for that answer). */
  knock(from: string, zoneId: number): boolean {
    const existing = this.pending.get(from);
    if (existing && this.now() - existing.at < ZONE_KNOCK_MS) return false;
    this.pending.set(from, { zoneId, at: this.now() });
    return true;
  }

  /** The zone `from` knocks on, taken off the list; null when none waits. */
  take(from: string): number | null {
    const knock = this.pending.get(from);
    this.pending.delete(from);
    if (!knock || this.now() - knock.at >= ZONE_KNOCK_MS) return null;
    return knock.zoneId;
  }

  peek(from: string): number | null {
    const knock = this.pending.get(from);
    return knock && this.now() - knock.at < ZONE_KNOCK_MS ? knock.zoneId : null;
  }

  /** Drops knocks on zones no longer locked, and the knocks of someone who left. */
  forget(predicate: (from: string, zoneId: number) => boolean): Array<{ from: string; zoneId: number }> {
    const dropped: Array<{ from: string; zoneId: number }> = [];
    for (const [from, knock] of this.pending) {
      if (predicate(from, knock.zoneId) || this.now() - knock.at >= ZONE_KNOCK_MS) {
        this.pending.delete(from);
        dropped.push({ from, zoneId: knock.zoneId });
      }
    }
    return dropped;
  }
}
