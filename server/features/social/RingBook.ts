/** How long a ring waits for an answer. */
export const RING_WAIT_MS = 30_000;

export interface Ring {
  from: string;
  to: string;
  at: number;
}

/**
 * Waiting rings ("come to me"), one per caller and callee pair. Pure
 * bookkeeping with an injected clock; RingService sends the messages.
 */
export class RingBook {
  private readonly rings = new Map<string, Ring>();

  /** False when this caller already rings this person. */
  request(from: string, to: string, now: number): boolean {
    const key = keyOf(from, to);
    if (this.rings.has(key)) return false;
    this.rings.set(key, { from, to, at: now });
    return true;
  }

  /** The ring answered, or null when it is no longer waiting. */
  answer(from: string, to: string): Ring | null {
    const key = keyOf(from, to);
    const ring = this.rings.get(key);
    if (!ring) return null;
    this.rings.delete(key);
    return ring;
  }

  /** Rings that lapsed; they are forgotten. */
  expire(now: number): Ring[] {
    const lapsed = [...this.rings.values()].filter((r) => now - r.at >= RING_WAIT_MS);
    for (const r of lapsed) this.rings.delete(keyOf(r.from, r.to));
    return lapsed;
  }

  /** Rings by or to someone who left; they are forgotten. */
  forget(sessionId: string): Ring[] {
    const gone = [...this.rings.values()].filter((r) => r.from === sessionId || r.to === sessionId);
    for (const r of gone) this.rings.delete(keyOf(r.from, r.to));
    return gone;
  }
}

function keyOf(from: string, to: string): string {
  return `${from}\u0000${to}`;
}
