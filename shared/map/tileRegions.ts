import type { Point } from "./types";

/**
 * The outline of every tile set in a mask, as one polygon in pixels for the
 * even-odd rule (`pointInZone`): each boundary loop (outer edges and holes,
 * of every separate patch) is joined to the first by a there-and-back bridge,
 * which no ray can count an odd number of times. Holes wind the other way, so
 * the shoelace area is the tiles' area. Returns null for an empty mask.
 */
export function maskOutline(mask: Uint8Array, width: number, height: number, tileSize: number): Point[] | null {
  const at = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && mask[y * width + x] !== 0;
  // Directed boundary edges with the tiles on their right (y grows downwards), keyed by start vertex.
  const stride = width + 1;
  const next = new Map<number, number[]>();
  const add = (x0: number, y0: number, x1: number, y1: number) => {
    const k = y0 * stride + x0;
    const list = next.get(k);
    if (list) list.push(y1 * stride + x1);
    else next.set(k, [y1 * stride + x1]);
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!at(x, y)) continue;
      if (!at(x, y - 1)) add(x, y, x + 1, y);
      if (!at(x + 1, y)) add(x + 1, y, x + 1, y + 1);
      if (!at(x, y + 1)) add(x + 1, y + 1, x, y + 1);
      if (!at(x - 1, y)) add(x, y + 1, x, y);
    }
  }
  const loops: Point[][] = [];
  for (const start of [...next.keys()].sort((a, b) => a - b)) {
    while ((next.get(start)?.length ?? 0) > 0) {
      const loop: number[] = [];
      let v = start;
      do {
        loop.push(v);
        const out = next.get(v)!;
        v = out.pop()!;
      } while (v !== start);
      loops.push(simplify(loop.map((k) => ({ x: (k % stride) * tileSize, y: Math.floor(k / stride) * tileSize }))));
    }
  }
  if (loops.length === 0) return null;
  const polygon: Point[] = [...loops[0]];
  const anchor = loops[0][0];
  for (const loop of loops.slice(1)) polygon.push({ ...anchor }, ...loop, { ...loop[0] });
  return polygon;
}

/** Drops vertices in the middle of straight runs. */
function simplify(loop: Point[]): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < loop.length; i++) {
    const a = loop[(i + loop.length - 1) % loop.length];
    const b = loop[i];
    const c = loop[(i + 1) % loop.length];
    if ((b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x) !== 0) out.push(b);
  }
  return out;
}
