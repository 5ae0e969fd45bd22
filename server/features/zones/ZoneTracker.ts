import { zoneAt } from "../../../shared/map/zones";
import type { OfficeMap, Zone } from "../../../shared/map/types";

/** What the tracker reads and writes on a member (MemberState fits). */
export interface TrackedMember {
  id: string;
  x: number;
  y: number;
  zone: string;
}

interface Entry {
  x: number;
  y: number;
  zone: Zone | undefined;
  /** Value of the tracker's clock when the member entered `zone`. */
  since: number;
}

/**
 * Which zone each member's feet are in (the innermost, as `zoneAt` decides),
 * kept in `member.zone` by name for clients and as the Zone object for
 * server features. Only members whose position changed are looked up again,
 * so a tick with nobody moving costs one comparison per member.
 */
export class ZoneTracker {
  private readonly entries = new Map<string, Entry>();
  /** Increases on every change of anyone's zone: orders arrivals. */
  private clock = 0;

  constructor(private readonly map: OfficeMap) {}

  /** Looks the member up if they moved since the last call; true when their zone changed. */
  update(member: TrackedMember): boolean {
    const entry = this.entries.get(member.id);
    if (entry && entry.x === member.x && entry.y === member.y) return false;
    const zone = this.map.zones.length > 0 ? zoneAt(this.map, member.x, member.y) : undefined;
    if (!entry) {
      this.entries.set(member.id, { x: member.x, y: member.y, zone, since: ++this.clock });
      member.zone = zone?.name ?? "";
      return true;
    }
    entry.x = member.x;
    entry.y = member.y;
    if (entry.zone === zone) return false;
    entry.zone = zone;
    entry.since = ++this.clock;
    member.zone = zone?.name ?? "";
    return true;
  }

  updateAll(members: Iterable<TrackedMember>): void {
    for (const m of members) this.update(m);
  }

  /** The zone a member stands in, or undefined outside every zone (or unknown member). */
  zoneOf(id: string): Zone | undefined {
    return this.entries.get(id)?.zone;
  }

  /** When the member entered their current zone, on the tracker's own increasing clock; 0 for an unknown member. */
  enteredAt(id: string): number {
    return this.entries.get(id)?.since ?? 0;
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}
