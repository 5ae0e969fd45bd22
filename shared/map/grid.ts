import type { OfficeMap, Point } from "./types";

/** Where, within a tile, an avatar standing "on" it puts its feet: centred, 3/4 down (tile top + 24 px at 32 px). */
export const FEET_OFFSET_Y = 0.75;

/** True when an avatar may not stand on tile (tx, ty); everything outside the map is blocked. */
export function isBlocked(map: OfficeMap, tx: number, ty: number): boolean {
  if (!inMap(map, tx, ty)) return true;
  return map.collision[ty * map.width + tx] !== 0;
}

/** True when tile (tx, ty) is a wall (stops sound and sight); outside the map counts as wall. */
export function isWall(map: OfficeMap, tx: number, ty: number): boolean {
  if (!inMap(map, tx, ty)) return true;
  return map.walls[ty * map.width + tx] !== 0;
}

export function inMap(map: OfficeMap, tx: number, ty: number): boolean {
  return Number.isInteger(tx) && Number.isInteger(ty) && tx >= 0 && ty >= 0 && tx < map.width && ty < map.height;
}

/**
 * The tile holding a pixel: a coordinate (one axis) or a point (both axes).
 * Not clamped, so callers can tell that a point lies outside the map.
 */
export function tileOf(map: OfficeMap, px: number): number;
export function tileOf(map: OfficeMap, px: Point): { tx: number; ty: number };
export function tileOf(map: OfficeMap, px: number | Point): number | { tx: number; ty: number } {
  if (typeof px === "number") return Math.floor(px / map.tileSize);
  return { tx: Math.floor(px.x / map.tileSize), ty: Math.floor(px.y / map.tileSize) };
}

/** The pixel centre of tile (tx, ty). */
export function tileCentre(map: OfficeMap, tx: number, ty: number): Point {
  return { x: tx * map.tileSize + map.tileSize / 2, y: ty * map.tileSize + map.tileSize / 2 };
}

/** Where an avatar standing on tile (tx, ty) has its feet; its foot box then sits wholly inside the tile. */
export function tileFeet(map: OfficeMap, tx: number, ty: number): Point {
  return { x: tx * map.tileSize + map.tileSize / 2, y: ty * map.tileSize + Math.round(map.tileSize * FEET_OFFSET_Y) };
}
