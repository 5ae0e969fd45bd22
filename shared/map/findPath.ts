import type { OfficeMap, Point } from "./types";
import { NodeHeap } from "./nodeHeap";
import { isBlocked, tileFeet } from "./grid";
import { FOOT } from "../rules/constants";
import { ARRIVE_PX } from "../rules/followPath";
import { footBlocked } from "../rules/movement";

export interface FindPathOptions {
  /** Most tiles A* may expand before giving up (returns null). */
  maxNodes?: number;
  /** How far (tiles) a blocked start or target is moved to the nearest walkable tile. */
  snapRadius?: number;
}

/** Enough to search every tile of the largest valid map (200x200). */
export const PATH_DEFAULTS = { maxNodes: 40_000, snapRadius: 3 } as const;

const DIAGONAL_COST = Math.SQRT2;
const DIAGONAL_EXTRA = Math.SQRT2 - 1;

/** The 8 neighbour offsets: straight ones first, then diagonals. */
const DIR_X = [1, -1, 0, 0, 1, 1, -1, -1];
const DIR_Y = [0, 0, 1, -1, 1, -1, 1, -1];

/** Per-map search state, allocated once per map and reused by every search on it. */
interface Search {
  g: Float64Array;
  f: Float64Array;
  parent: Int32Array;
  /** Generation stamps: a node is seen/closed in this search when its stamp equals `gen`, so nothing is cleared between searches. */
  seen: Uint32Array;
  closed: Uint32Array;
  heap: NodeHeap;
  gen: number;
}

const searches = new WeakMap<OfficeMap, Search>();

/**
 * Walking route from feet position `from` to pixel `to` (where the feet should
 * end): A* over tiles, 8 neighbours, never cutting a blocked corner. Returns
 * feet-position waypoints, one per change of direction, ending at `to` itself
 * (nudged into its tile if the feet would not fit there) or, when `to` is on a
 * blocked tile, at the nearest walkable tile within snapRadius. Consecutive
 * waypoints are straight or 45° apart, which `nextInputToward` + `stepMovement`
 * walk without snagging. Null when there is no route, or finding one would take
 * more than maxNodes expansions.
 */
export function findPath(map: OfficeMap, from: Point, to: Point, options: FindPathOptions = {}): Point[] | null {
  const maxNodes = options.maxNodes ?? PATH_DEFAULTS.maxNodes;
  const radius = options.snapRadius ?? PATH_DEFAULTS.snapRadius;
  if (![from.x, from.y, to.x, to.y].every(Number.isFinite)) return null;
  const start = nearestWalkable(map, footTile(map, from.x), footTile(map, from.y - FOOT.height / 2), from, from, radius);
  const target = resolveTarget(map, from, to, radius);
  if (start < 0 || !target) return null;

  const tiles = searchTiles(map, start, target.goal, maxNodes);
  if (!tiles) return null;
  const waypoints = simplify(map, tiles);
  if (waypoints.length > 1 && near(waypoints[0], from)) waypoints.shift();
  // Ending within arrival distance of the last tile's standing spot, the end replaces it (the walker's usual slack);
  // further off, it is one short walk among the free tiles the end's foot box covers.
  if (near(waypoints[waypoints.length - 1], target.end)) waypoints.pop();
  waypoints.push(target.end);
  return waypoints;
}

/** Goal tiles (an inclusive rectangle) and the exact feet position to end at. */
interface Target {
  goal: { x0: number; y0: number; x1: number; y1: number };
  end: Point;
}

/**
 * Where a walk to `to` ends. When the feet fit at `to`, any tile under its foot
 * box will do as the last tile (all are free, and walking from any one's centre
 * to `to` stays on them): a seat between two tiles is then reached from the
 * near side, not by passing it and stepping back. Otherwise the tile under the
 * middle of the foot box, with the end nudged into it; if that tile is blocked,
 * the nearest walkable tile's standing spot.
 */
function resolveTarget(map: OfficeMap, from: Point, to: Point, radius: number): Target | null {
  const tx = footTile(map, to.x);
  const ty = footTile(map, to.y - FOOT.height / 2);
  if (isBlocked(map, tx, ty)) {
    const snapped = nearestWalkable(map, tx, ty, to, from, radius);
    if (snapped < 0) return null;
    const sx = snapped % map.width;
    const sy = (snapped / map.width) | 0;
    return { goal: { x0: sx, y0: sy, x1: sx, y1: sy }, end: tileFeet(map, sx, sy) };
  }
  const x = Math.round(to.x);
  const y = Math.round(to.y);
  if (!footBlocked(map, x, y)) {
    const goal = { x0: footTile(map, x - FOOT.halfWidth), y0: footTile(map, y - FOOT.height), x1: footTile(map, x + FOOT.halfWidth - 1), y1: footTile(map, y - 1) };
    return { goal, end: { x, y } };
  }
  const ts = map.tileSize;
  const end = {
    x: Math.min(Math.max(x, tx * ts + FOOT.halfWidth), (tx + 1) * ts - FOOT.halfWidth),
    y: Math.min(Math.max(y, ty * ts + FOOT.height), (ty + 1) * ts),
  };
  return { goal: { x0: tx, y0: ty, x1: tx, y1: ty }, end };
}

function footTile(map: OfficeMap, px: number): number {
  return Math.floor(px / map.tileSize);
}

function near(a: Point, b: Point): boolean {
  return Math.abs(a.x - b.x) <= ARRIVE_PX && Math.abs(a.y - b.y) <= ARRIVE_PX;
}

/**
 * The tile index to use for (tx, ty): itself if walkable, else the walkable
 * tile within `radius` nearest to `point`, ties going to the one nearer `from`
 * (clicking a wall means "this side of it"). -1 if none.
 */
function nearestWalkable(map: OfficeMap, tx: number, ty: number, point: Point, from: Point, radius: number): number {
  if (!isBlocked(map, tx, ty)) return ty * map.width + tx;
  const ts = map.tileSize;
  let best = -1;
  let bestD = Infinity;
  let bestFrom = Infinity;
  for (let y = Math.max(0, ty - radius); y <= Math.min(map.height - 1, ty + radius); y++) {
    for (let x = Math.max(0, tx - radius); x <= Math.min(map.width - 1, tx + radius); x++) {
      if (isBlocked(map, x, y)) continue;
      const cx = (x + 0.5) * ts;
      const cy = (y + 0.5) * ts;
      const d = (cx - point.x) ** 2 + (cy - point.y) ** 2;
      const dFrom = (cx - from.x) ** 2 + (cy - from.y) ** 2;
      if (d < bestD || (d === bestD && dFrom < bestFrom)) {
        best = y * map.width + x;
        bestD = d;
        bestFrom = dFrom;
      }
    }
  }
  return best;
}

function searchFor(map: OfficeMap): Search {
  let s = searches.get(map);
  const n = map.width * map.height;
  if (!s || s.g.length !== n) {
    const g = new Float64Array(n);
    const f = new Float64Array(n);
    s = { g, f, parent: new Int32Array(n), seen: new Uint32Array(n), closed: new Uint32Array(n), heap: new NodeHeap(n, f, g), gen: 0 };
    searches.set(map, s);
  }
  if (s.gen >= 0xfffffffe) {
    s.seen.fill(0);
    s.closed.fill(0);
    s.gen = 0;
  }
  s.gen++;
  s.heap.clear();
  return s;
}

/** A* from tile index `start` to any tile in `goal`; the tile indices of the route, start first, or null. */
function searchTiles(map: OfficeMap, start: number, goal: Target["goal"], maxNodes: number): number[] | null {
  const { width, height, collision } = map;
  const s = searchFor(map);
  const { g, f, parent, seen, closed, heap, gen } = s;
  const { x0, y0, x1, y1 } = goal;
  // Octile distance to the goal rectangle (consistent, so A* stays optimal).
  // Written without Math.* because global lookups are slow inside jest's vm sandbox and this is the hot loop.
  const h = (i: number) => {
    const x = i % width;
    const y = (i / width) | 0;
    const dx = x < x0 ? x0 - x : x > x1 ? x - x1 : 0;
    const dy = y < y0 ? y0 - y : y > y1 ? y - y1 : 0;
    return dx > dy ? dx + DIAGONAL_EXTRA * dy : dy + DIAGONAL_EXTRA * dx;
  };
  g[start] = 0;
  f[start] = h(start);
  parent[start] = -1;
  seen[start] = gen;
  heap.push(start);
  let expanded = 0;
  while (heap.size > 0) {
    const cur = heap.pop();
    const cx = cur % width;
    const cy = (cur / width) | 0;
    if (cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1) return route(parent, cur);
    closed[cur] = gen;
    if (++expanded > maxNodes) return null;
    for (let d = 0; d < 8; d++) {
      const dx = DIR_X[d];
      const dy = DIR_Y[d];
      const nx = cx + dx;
      const ny = cy + dy;
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const ni = ny * width + nx;
      if (collision[ni] || closed[ni] === gen) continue;
      // A diagonal step needs both tiles it passes between free, or the foot box would clip the corner.
      if (dx !== 0 && dy !== 0 && (collision[cy * width + nx] || collision[ny * width + cx])) continue;
      const ng = g[cur] + (dx !== 0 && dy !== 0 ? DIAGONAL_COST : 1);
      if (seen[ni] !== gen) {
        seen[ni] = gen;
        g[ni] = ng;
        f[ni] = ng + h(ni);
        parent[ni] = cur;
        heap.push(ni);
      } else if (ng < g[ni]) {
        g[ni] = ng;
        f[ni] = ng + h(ni);
        parent[ni] = cur;
        heap.decreased(ni);
      }
    }
  }
  return null;
}

function route(parent: Int32Array, goal: number): number[] {
  const tiles: number[] = [];
  for (let i = goal; i !== -1; i = parent[i]) tiles.push(i);
  return tiles.reverse();
}

/** Feet waypoints at the start, at each change of direction, and at the end. */
function simplify(map: OfficeMap, tiles: number[]): Point[] {
  const w = map.width;
  const at = (i: number) => tileFeet(map, tiles[i] % w, (tiles[i] / w) | 0);
  // Compare steps as (dx, dy): index differences alone are ambiguous on maps 1 or 2 tiles wide.
  const step = (i: number) => (((tiles[i + 1] % w) - (tiles[i] % w)) * 3 + (((tiles[i + 1] / w) | 0) - ((tiles[i] / w) | 0)));
  const points = [at(0)];
  for (let i = 1; i < tiles.length - 1; i++) {
    if (step(i - 1) !== step(i)) points.push(at(i));
  }
  if (tiles.length > 1) points.push(at(tiles.length - 1));
  return points;
}
