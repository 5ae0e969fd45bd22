import type { Point, Zone } from "./types";

/** Shoelace formula; its sign depends on winding, so callers take the absolute value for area. */
export function signedArea(polygon: readonly Point[]): number {
  let sum = 0;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    sum += (polygon[j].x - polygon[i].x) * (polygon[j].y + polygon[i].y);
  }
  return sum / 2;
}

export function boundsOf(polygon: readonly Point[]): Zone["bounds"] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of polygon) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
