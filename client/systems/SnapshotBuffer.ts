import type { Facing } from "../../shared/avatars";

/**
 * Timestamped positions of one remote avatar, sampled in the past so that
 * rendering always interpolates between two real server states.
 */

export interface Snapshot {
  t: number;
  x: number;
  y: number;
  facing: Facing;
  moving: boolean;
}

/** Render remote avatars this far behind the newest data (two server ticks). */
export const INTERPOLATION_DELAY_MS = 100;
const KEEP_MS = 1000;
/** A gap longer than this means the avatar stood still in between. */
const IDLE_GAP_MS = 150;
/** Jumps larger than this are teleports (spawn, desk sit): no gliding across the map. */
const TELEPORT_PX = 96;

export class SnapshotBuffer {
  private snapshots: Snapshot[] = [];

  push(snapshot: Snapshot): void {
    const last = this.snapshots[this.snapshots.length - 1];
    if (last && snapshot.t < last.t) return;
    if (last && snapshot.t - last.t > IDLE_GAP_MS) {
      // Idle since `last`: hold it until just before this update instead of gliding slowly across the gap.
      this.snapshots.push({ ...last, t: snapshot.t - INTERPOLATION_DELAY_MS / 2, moving: false });
    }
    if (last && Math.hypot(snapshot.x - last.x, snapshot.y - last.y) > TELEPORT_PX) this.snapshots = [];
    this.snapshots.push(snapshot);
    const cutoff = snapshot.t - KEEP_MS;
    while (this.snapshots.length > 2 && this.snapshots[1].t < cutoff) this.snapshots.shift();
  }

  /** Forgets everything (the position stopped streaming to us; the next one is a fresh start). */
  clear(): void {
    this.snapshots.length = 0;
  }

  /**
   * The state at time `t`, written into `out` (render loops pass one reused
   * object, so sampling allocates nothing per frame); clamps to the
   * oldest/newest snapshot outside the buffered range.
   */
  sample(t: number, out: Snapshot = { t: 0, x: 0, y: 0, facing: "down", moving: false }): Snapshot | null {
    const list = this.snapshots;
    if (list.length === 0) return null;
    const newest = list[list.length - 1];
    if (t <= list[0].t || t >= newest.t) {
      const s = t <= list[0].t ? list[0] : newest;
      out.t = s.t;
      out.x = s.x;
      out.y = s.y;
      out.facing = s.facing;
      out.moving = s.moving;
      return out;
    }
    let i = list.length - 2;
    while (i > 0 && list[i].t > t) i--;
    const a = list[i];
    const b = list[i + 1];
    const k = (t - a.t) / (b.t - a.t);
    out.t = t;
    out.x = a.x + (b.x - a.x) * k;
    out.y = a.y + (b.y - a.y) * k;
    out.facing = b.facing;
    // Walking while the position changes between the two states or the server says so.
    out.moving = b.moving || a.x !== b.x || a.y !== b.y;
    return out;
  }
}
