import { stageIndex, stagesOf } from "../../../shared/meetups/stageLayout";
import type { OfficeMap, Point, Zone } from "../../../shared/map/types";
import { pointInZone } from "../../../shared/map/zones";
import { footBlocked } from "../../../shared/rules/movement";

/** Names of the zones that count as "at the meetup" (a stage hall includes its platforms). */
export function meetupZoneNames(map: OfficeMap, zoneId: number): Set<string> {
  const stage = stageIndex(stagesOf(map)).get(zoneId);
  const zones = stage ? [stage.hall, ...stage.platforms] : map.zones.filter((z) => z.id === zoneId);
  return new Set(zones.map((z) => z.name));
}

/**
 * Where "go there" walks: the walkable tile inside the zone (on a stage, the
 * audience side) nearest its middle, not where someone in `others` stands.
 * Null when the zone has no free floor.
 */
export function walkTarget(map: OfficeMap, zoneId: number, others: readonly Point[] = []): Point | null {
  const stage = stageIndex(stagesOf(map)).get(zoneId);
  const zone: Zone | undefined = stage ? stage.hall : map.zones.find((z) => z.id === zoneId);
  if (!zone) return null;
  const avoid = stage ? stage.platforms.filter((p) => p.id !== zone.id) : [];
  const size = map.tileSize;
  const cx = zone.bounds.x + zone.bounds.width / 2;
  const cy = zone.bounds.y + zone.bounds.height / 2;
  let best: Point | null = null;
  let bestD = Infinity;
  for (let ty = Math.floor(zone.bounds.y / size); ty * size < zone.bounds.y + zone.bounds.height; ty++) {
    for (let tx = Math.floor(zone.bounds.x / size); tx * size < zone.bounds.x + zone.bounds.width; tx++) {
      const x = tx * size + size / 2;
      const y = ty * size + (size * 3) / 4;
      if (!pointInZone(zone, x, y) || avoid.some((z) => pointInZone(z, x, y)) || footBlocked(map, x, y)) continue;
      // Not onto someone already standing there (they would stack, name tags on top of each other).
      if (others.some((o) => Math.abs(o.x - x) < size && Math.abs(o.y - y) < size)) continue;
      const d = (x - cx) ** 2 + (y - cy) ** 2;
      if (d < bestD) {
        bestD = d;
        best = { x, y };
      }
    }
  }
  return best;
}
