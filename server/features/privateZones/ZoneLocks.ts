import { pointInZone } from "../../../shared/map/zones";
import type { OfficeMap, Zone } from "../../../shared/map/types";

/** Someone let in who has not walked in yet keeps their place this long. */
export const ADMISSION_GRACE_MS = 60_000;

interface Admission {
  /** Seen inside since being admitted: leaving then ends the admission. */
  seenInside: boolean;
  at: number;
}

interface Lock {
  zone: Zone;
  lockedBy: string;
  admitted: Map<string, Admission>;
}

/** Where a member stands, for the locks' bookkeeping. */
export interface Position {
  id: string;
  x: number;
  y: number;
}

/**
 * Locked zones of one room and who may be inside them. Locking admits
 * everyone inside at that moment; others are kept out (the MovementSystem asks
 * `blocked`) until someone inside lets them in. Leaving a locked zone ends
 * one's admission; the lock lifts by itself when the last person inside leaves.
 */
export class ZoneLocks {
  private readonly locks = new Map<number, Lock>();

  constructor(
    private readonly map: OfficeMap,
    private readonly now: () => number = Date.now,
  ) {}

  lock(zone: Zone, lockedBy: string, insiders: readonly string[]): void {
    const at = this.now();
    const admitted = new Map<string, Admission>(insiders.map((id) => [id, { seenInside: true, at }]));
    this.locks.set(zone.id, { zone, lockedBy, admitted });
  }

  unlock(zoneId: number): boolean {
    return this.locks.delete(zoneId);
  }

  isLocked(zoneId: number): boolean {
    return this.locks.has(zoneId);
  }

  isAdmitted(zoneId: number, sessionId: string): boolean {
    return this.locks.get(zoneId)?.admitted.has(sessionId) ?? false;
  }

  admit(zoneId: number, sessionId: string): boolean {
    const lock = this.locks.get(zoneId);
    if (!lock) return false;
    lock.admitted.set(sessionId, { seenInside: false, at: this.now() });
    return true;
  }

  /** True when (x, y) lies in a locked zone this member was not let into. */
  blocked(sessionId: string, x: number, y: number): boolean {
    for (const lock of this.locks.values()) {
      if (pointInZone(lock.zone, x, y) && !lock.admitted.has(sessionId)) return true;
    }
    return false;
  }

  /** Admitted members standing inside a locked zone (who hear its knocks). */
  insiders(zoneId: number, members: Iterable<Position>): string[] {
    const lock = this.locks.get(zoneId);
    if (!lock) return [];
    const inside: string[] = [];
    for (const m of members) if (lock.admitted.has(m.id) && pointInZone(lock.zone, m.x, m.y)) inside.push(m.id);
    return inside;
  }

  /**
   * Ends admissions of people who walked out (or never came within the grace)
   * and lifts locks nobody is inside any more. True when the set of locks changed.
   */
  sweep(members: Iterable<Position>): boolean {
    const where = new Map<string, Position>();
    for (const m of members) where.set(m.id, m);
    const now = this.now();
    let changed = false;
    for (const [zoneId, lock] of this.locks) {
      let anyoneInside = false;
      for (const [id, admission] of lock.admitted) {
        const m = where.get(id);
        const inside = m !== undefined && pointInZone(lock.zone, m.x, m.y);
        if (inside) {
          admission.seenInside = true;
          anyoneInside = true;
        } else if (!m || admission.seenInside || now - admission.at > ADMISSION_GRACE_MS) {
          lock.admitted.delete(id);
        }
      }
      if (!anyoneInside) {
        this.locks.delete(zoneId);
        changed = true;
      }
    }
    return changed;
  }

  list(): Array<{ zoneId: number; zoneName: string }> {
    return [...this.locks.values()].map((l) => ({ zoneId: l.zone.id, zoneName: l.zone.name }));
  }
}
