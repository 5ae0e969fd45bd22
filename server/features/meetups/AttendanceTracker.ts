import type { AttendanceRecord } from "./MeetupStore";

/**
 * Who came to a live meetup, when, and for how long: fed the people in its
 * zone at each sample, it adds the time between consecutive samples in which
 * a person was present. Keyed by member id, so two tabs count once and a
 * reconnect continues the same record. Starts from stored records (a restart
 * mid-meetup keeps what was counted).
 */
export class AttendanceTracker {
  private readonly records = new Map<string, AttendanceRecord>();
  private present = new Set<string>();
  private changed = false;

  constructor(stored: readonly AttendanceRecord[] = []) {
    for (const r of stored) this.records.set(r.memberId, { ...r });
  }

  observe(people: Iterable<{ memberId: string; name: string }>, now: number): void {
    const next = new Set<string>();
    for (const p of people) {
      if (next.has(p.memberId)) continue;
      next.add(p.memberId);
      const record = this.records.get(p.memberId);
      if (!record) {
        this.records.set(p.memberId, { memberId: p.memberId, name: p.name, firstSeenAt: now, lastSeenAt: now, seconds: 0 });
        this.changed = true;
        continue;
      }
      if (this.present.has(p.memberId)) record.seconds += Math.max(0, (now - record.lastSeenAt) / 1000);
      record.lastSeenAt = now;
      record.name = p.name;
      this.changed = true;
    }
    this.present = next;
  }

  /** Every record, rounded to whole seconds, earliest arrival first. */
  list(): AttendanceRecord[] {
    return [...this.records.values()]
      .map((r) => ({ ...r, seconds: Math.round(r.seconds) }))
      .sort((a, b) => a.firstSeenAt - b.firstSeenAt || a.memberId.localeCompare(b.memberId));
  }

  /** True once since the last call when something was counted (to save only then). */
  takeChanged(): boolean {
    const changed = this.changed;
    this.changed = false;
    return changed;
  }
}
