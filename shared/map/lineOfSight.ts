import type { OfficeMap } from "./types";

/** The part of a map that line of sight needs: the walls grid and its geometry. */
export type WallGrid = Pick<OfficeMap, "width" | "height" | "tileSize" | "walls">;

/**
 * True when no wall tile lies on the straight segment from (ax, ay) to (bx, by),
 * both in pixels. Walks every tile the segment touches (a supercover variant of
 * Amanatides–Woo): where the segment passes exactly through a tile corner, both
 * tiles beside the corner count, so sound never leaks diagonally between two
 * walls that only touch at a corner. Tiles outside the map count as walls.
 *
 * The next boundary on each axis is computed from the tile index rather than by
 * accumulating floating-point steps, and the two axes are compared by cross
 * multiplication, so with integer pixel inputs the corner test is exact.
 */
export function hasLineOfSight(map: WallGrid, ax: number, ay: number, bx: number, by: number): boolean {
  if (!Number.isFinite(ax) || !Number.isFinite(ay) || !Number.isFinite(bx) || !Number.isFinite(by)) {
    throw new TypeError("hasLineOfSight: coordinates must be finite numbers");
  }
  const size = map.tileSize;
  let tx = Math.floor(ax / size);
  let ty = Math.floor(ay / size);
  const endX = Math.floor(bx / size);
  const endY = Math.floor(by / size);
  if (isWall(map, tx, ty)) return false;

  const dx = bx - ax;
  const dy = by - ay;
  const stepX = endX > tx ? 1 : endX < tx ? -1 : 0;
  const stepY = endY > ty ? 1 : endY < ty ? -1 : 0;
  const absDx = Math.abs(dx);
  const absDy = Math.abs(dy);

  // Every iteration moves at least one tile closer on some axis, so this bounds the walk.
  let remaining = Math.abs(endX - tx) + Math.abs(endY - ty);
  while (remaining > 0) {
    // Parametric distance to the next vertical / horizontal tile boundary, scaled by |dx|·|dy|
    // so they compare without division: tX = distX / |dx|, tY = distY / |dy|.
    // An axis that has reached the end tile takes no more steps (an end point lying exactly
    // on a boundary must not pull the walk one tile past it).
    const crossX = tx === endX ? Infinity : Math.abs((stepX > 0 ? (tx + 1) * size : tx * size) - ax) * absDy;
    const crossY = ty === endY ? Infinity : Math.abs((stepY > 0 ? (ty + 1) * size : ty * size) - ay) * absDx;
    if (crossX < crossY) {
      tx += stepX;
      remaining -= 1;
    } else if (crossY < crossX) {
      ty += stepY;
      remaining -= 1;
    } else {
      // Exactly through a corner: the segment grazes both side tiles.
      if (isWall(map, tx + stepX, ty) || isWall(map, tx, ty + stepY)) return false;
      tx += stepX;
      ty += stepY;
      remaining -= 2;
    }
    if (isWall(map, tx, ty)) return false;
  }
  return true;
}

function isWall(map: WallGrid, tx: number, ty: number): boolean {
  if (tx < 0 || ty < 0 || tx >= map.width || ty >= map.height) return true;
  return map.walls[ty * map.width + tx] !== 0;
}
