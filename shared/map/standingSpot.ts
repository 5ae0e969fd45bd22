import { footBlocked } from "../rules/movement";
import { hasLineOfSight } from "./lineOfSight";
import type { OfficeMap, Point } from "./types";

/** How far out (in tiles) to look for a free place beside someone. */
export const STANDING_RINGS = 3;

/**
 * Where to stand next to someone at `target` without standing on them or on
 * anyone else: the walkable tile centre (feet three quarters down, as spawns
 * stand) in the nearest ring of tiles around the target, in sight of it (not
 * behind a wall), at least a tile from the target and from everyone in
 * `others`, preferring places where the name tags do not touch (above or
 * below rather than shoulder to shoulder); among equals the one nearest
 * `from` (where the walker comes from).
 * Null when the rings are full; the caller then falls back to the target.
 */
export function standingSpotNear(
  map: OfficeMap,
  target: Point,
  others: readonly Point[],
  from: Point | null = null,
  rings = STANDING_RINGS,
): Point | null {
  const size = map.tileSize;
  const tx = Math.floor(target.x / size);
  const ty = Math.floor(target.y / size);
  const taken = [target, ...others];
  for (let r = 1; r <= rings; r++) {
    let best: Point | null = null;
    let bestScore = Infinity;
    for (let y = ty - r; y <= ty + r; y++) {
      for (let x = tx - r; x <= tx + r; x++) {
        if (Math.max(Math.abs(x - tx), Math.abs(y - ty)) !== r) continue; // this ring only
        if (x < 0 || y < 0 || x >= map.width || y >= map.height) continue;
        const spot = { x: x * size + size / 2, y: y * size + (size * 3) / 4 };
        if (footBlocked(map, spot.x, spot.y)) continue;
        if (taken.some((o) => Math.abs(o.x - spot.x) < size && Math.abs(o.y - spot.y) < size)) continue;
        if (!hasLineOfSight(map, spot.x, spot.y, target.x, target.y)) continue;
        // Name tags are wider than a tile: a spot whose tag would touch a neighbour's comes last,
        // then nearest the target, then nearest the walker.
        const tagsClash = taken.some((o) => Math.abs(o.y - spot.y) < size && Math.abs(o.x - spot.x) < 2 * size);
        const score =
          (tagsClash ? 1e9 : 0) + Math.hypot(spot.x - target.x, spot.y - target.y) * 1000 + (from ? Math.hypot(spot.x - from.x, spot.y - from.y) : 0);
        if (score < bestScore) {
          bestScore = score;
          best = spot;
        }
      }
    }
    if (best) return best;
  }
  return null;
}
