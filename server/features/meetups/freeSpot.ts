import { pointInZone } from "../../../shared/map/zones";
import { footBlocked } from "../../../shared/rules/movement";
import type { OfficeMap, Point, Zone } from "../../../shared/map/types";

/**
 * A standing place inside a zone for "take me there": the free tile centre
 * nearest the zone's middle that is walkable, inside the zone (and not in
 * `avoid`, e.g. a stage's platform, or not `allowed`, e.g. a locked office
 * inside it) and at least a tile from everyone else.
 */
export function freeSpot(
  map: OfficeMap,
  zone: Zone,
  others: readonly Point[],
  avoid: readonly Zone[] = [],
  allowed: (x: number, y: number) => boolean = () => true,
): Point | null {
  const size = map.tileSize;
  const cx = zone.bounds.x + zone.bounds.width / 2;
  const cy = zone.bounds.y + zone.bounds.height / 2;
  const candidates: Array<Point & { d: number }> = [];
  const tx0 = Math.floor(zone.bounds.x / size);
  const ty0 = Math.floor(zone.bounds.y / size);
  const tx1 = Math.ceil((zone.bounds.x + zone.bounds.width) / size);
  const ty1 = Math.ceil((zone.bounds.y + zone.bounds.height) / size);
  for (let ty = ty0; ty < ty1; ty++) {
    for (let tx = tx0; tx < tx1; tx++) {
      // Feet stand three quarters down a tile, as spawns do.
      const x = tx * size + size / 2;
      const y = ty * size + (size * 3) / 4;
      if (!pointInZone(zone, x, y) || avoid.some((z) => pointInZone(z, x, y)) || footBlocked(map, x, y) || !allowed(x, y)) continue;
      candidates.push({ x, y, d: (x - cx) ** 2 + (y - cy) ** 2 });
    }
  }
  candidates.sort((a, b) => a.d - b.d);
  const clear = candidates.find((c) => others.every((o) => Math.abs(o.x - c.x) >= size || Math.abs(o.y - c.y) >= size));
  const spot = clear ?? candidates[0];
  return spot ? { x: spot.x, y: spot.y } : null;
}
