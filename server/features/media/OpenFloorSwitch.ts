/**
 * When an open-floor conversation goes through the media server (issue 19):
 * peer to peer while it fits the space's peer-to-peer cap, through Janus once
 * it grows past it, and back to peer to peer only when it has clearly shrunk
 * (to `backToMeshAt(cap)` people or fewer) and stayed that small for
 * `holdMs`. The gap between the two thresholds and the hold keep a
 * conversation whose size wobbles at the cap (someone walking by, someone
 * stepping to the edge and back) from switching every few seconds; each switch
 * costs every page new connections.
 *
 * After switching back, the conversation's Janus handles are kept for
 * `drainMs` (see `draining`), so pages hear each other through Janus until
 * their peer-to-peer links carry audio (make before break).
 */

export interface OpenFloorSwitchOptions {
  /** How long a conversation must stay at or below the lower threshold before it goes back to peer to peer. */
  holdMs?: number;
  /** How long Janus handles outlive the switch back, for the pages' peer-to-peer links to come up. */
  drainMs?: number;
  now?: () => number;
}

export const OPEN_FLOOR_HOLD_MS = 5_000;
/** Longer than the page keeps an old path (HANDOVER_TIMEOUT_MS, 8 s, plus its check). */
export const OPEN_FLOOR_DRAIN_MS = 12_000;

/** The size at or below which a conversation on Janus may go back to peer to peer: two under the cap, at least a pair. */
export function backToMeshAt(cap: number): number {
  return Math.max(2, cap - 2);
}

interface GroupState {
  viaJanus: boolean;
  /** Since when (viaJanus) it has been at or below the lower threshold; null when above it. */
  smallSince: number | null;
  /** Until when (back on peer to peer) its Janus handles are kept. */
  drainUntil: number;
}

export class OpenFloorSwitch {
  private readonly groups = new Map<string, GroupState>();
  private readonly holdMs: number;
  private readonly drainMs: number;
  private readonly now: () => number;

  constructor(
    private readonly meshCap: () => number,
    options: OpenFloorSwitchOptions = {},
  ) {
    this.holdMs = options.holdMs ?? OPEN_FLOOR_HOLD_MS;
    this.drainMs = options.drainMs ?? OPEN_FLOOR_DRAIN_MS;
    this.now = options.now ?? Date.now;
  }

  /** Every open-floor conversation's size now (group id → members); a conversation not listed has ended. */
  update(sizes: ReadonlyMap<string, number>): void {
    const now = this.now();
    const cap = this.meshCap();
    for (const id of [...this.groups.keys()]) if (!sizes.has(id)) this.groups.delete(id);
    for (const [id, size] of sizes) {
      const state = this.groups.get(id);
      if (!state?.viaJanus) {
        if (size > cap) this.groups.set(id, { viaJanus: true, smallSince: null, drainUntil: 0 });
        else if (state && state.drainUntil <= now) this.groups.delete(id);
        continue;
      }
      if (size > backToMeshAt(cap)) {
        state.smallSince = null;
        continue;
      }
      state.smallSince ??= now;
      if (now - state.smallSince >= this.holdMs) this.groups.set(id, { viaJanus: false, smallSince: null, drainUntil: now + this.drainMs });
    }
  }

  viaJanus(groupId: string): boolean {
    return this.groups.get(groupId)?.viaJanus ?? false;
  }

  /** Just went back to peer to peer: its Janus handles are kept a little longer. */
  draining(groupId: string): boolean {
    const state = this.groups.get(groupId);
    return state !== undefined && !state.viaJanus && state.drainUntil > this.now();
  }

  /** The media server went away: every open-floor conversation is peer to peer again. */
  reset(): void {
    this.groups.clear();
  }
}
