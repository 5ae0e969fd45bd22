import type { OfficeMap, Zone } from "./types";
import { signedArea } from "./polygon";

/**
 * Whether pixel (x, y) lies inside a zone, by the even-odd rule (so concave
 * outlines work). Edges follow the usual half-open convention: a rectangle
 * from 0 to 64 holds x = 0 but not x = 64, so touching zones never share a point.
 */
export function pointInZone(zone: Zone, x: number, y: number): boolean {
  const b = zone.bounds;
  if (x < b.x || y < b.y || x >= b.x + b.width || y >= b.y + b.height) return false;
  const poly = zone.polygon;
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i];
    const c = poly[j];
    // Count crossings of a ray towards +x with edges spanning y (lower end inclusive, upper exclusive).
    if (a.y > y !== c.y > y) {
      const crossX = a.x + ((y - a.y) * (c.x - a.x)) / (c.y - a.y);
      if (x < crossX) inside = !inside;
    }
  }
  return inside;
}

/** Every zone containing (x, y), in map order. */
export function zonesAt(map: OfficeMap, x: number, y: number): Zone[] {
  return map.zones.filter((z) => pointInZone(z, x, y));
}

/**
 * The innermost zone at (x, y): of those containing it, the smallest by area,
 * so a meeting room drawn inside a quiet wing wins. On a tie the one later in
 * the layer wins, as it is drawn on top in Tiled.
 */
export function zoneAt(map: OfficeMap, x: number, y: number): Zone | undefined {
  let best: Zone | undefined;
  let bestArea = Infinity;
  for (const zone of map.zones) {
    if (!pointInZone(zone, x, y)) continue;
    const area = zoneArea(zone);
    if (area <= bestArea) {
      best = zone;
      bestArea = area;
    }
  }
  return best;
}

export function zoneArea(zone: Zone): number {
  return Math.abs(signedArea(zone.polygon));
}
