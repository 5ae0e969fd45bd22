import { findPath } from "./findPath";
import { parseMap } from "./parseMap";
import { buildTestMap, feetAt, type TestMapOptions } from "./testMap";
import { isBlocked, tileOf } from "./grid";
import { walkBudget, walkPath } from "./testWalk";
import type { OfficeMap, Point } from "./types";
import { footBlocked } from "../rules/movement";

const mapOf = (rows: string[], extra: Partial<TestMapOptions> = {}): OfficeMap =>
  parseMap(buildTestMap({ width: Math.max(...rows.map((r) => r.length)), height: rows.length, rows, ...extra }));

/** Every segment is straight or at 45°, and every tile it passes (incl. both corners of a diagonal step) is free. */
function expectWalkableSegments(map: OfficeMap, path: Point[]): void {
  for (let i = 1; i < path.length; i++) {
    const a = tileOf(map, { x: path[i - 1].x, y: path[i - 1].y - 5 });
    const b = tileOf(map, { x: path[i].x, y: path[i].y - 5 });
    const dx = b.tx - a.tx;
    const dy = b.ty - a.ty;
    expect(dx === 0 || dy === 0 || Math.abs(dx) === Math.abs(dy)).toBe(true);
    const n = Math.max(Math.abs(dx), Math.abs(dy));
    for (let k = 1; k <= n; k++) {
      const x = a.tx + (Math.sign(dx) * k);
      const y = a.ty + (Math.sign(dy) * k);
      expect(isBlocked(map, x, y)).toBe(false);
      if (dx !== 0 && dy !== 0) {
        expect(isBlocked(map, x - Math.sign(dx), y)).toBe(false);
        expect(isBlocked(map, x, y - Math.sign(dy))).toBe(false);
      }
    }
  }
}

function expectWalks(map: OfficeMap, from: Point, path: Point[]): void {
  const walk = walkPath(map, from, path, walkBudget(from, path));
  expect(walk.stuckTicks).toBe(0);
  expect(walk.steps).toBeGreaterThanOrEqual(0);
}

describe("findPath", () => {
  test("a straight walk across an open room is one waypoint: the clicked spot", () => {
    const map = mapOf(["........"]);
    expect(findPath(map, feetAt(0, 0), feetAt(6, 0))).toEqual([feetAt(6, 0)]);
    // Feet at a tile boundary (a seat between two tiles) are reached from the near side, without overshooting.
    expect(findPath(map, feetAt(0, 0), { x: 191.6, y: 20 })).toEqual([feetAt(5, 0), { x: 192, y: 20 }]);
    // Above the map's top edge: snapped to the nearest tile's standing spot.
    expect(findPath(map, feetAt(0, 0), { x: 200.4, y: 3 })).toEqual([feetAt(6, 0)]);
  });

  test("a target where the feet would not fit is nudged into its tile", () => {
    const map = mapOf(["#######", "......."]);
    // Feet at y = 40 would put the foot box (y 30..39) into the wall row above.
    expect(findPath(map, feetAt(0, 1), { x: 200.4, y: 40 })).toEqual([feetAt(6, 1), { x: 202, y: 42 }]);
  });

  test("a target on the walker's own tile: straight there, via the tile's standing spot if far from it", () => {
    const map = mapOf(["...", "..."]);
    expect(findPath(map, feetAt(1, 1), { x: 50, y: 60 })).toEqual([{ x: 50, y: 60 }]);
    expect(findPath(map, { x: 40, y: 44 }, { x: 60, y: 60 })).toEqual([feetAt(1, 1), { x: 60, y: 60 }]);
  });

  test("walks around a wall through its gap, turning only at corners", () => {
    const rows = [
      "..........",
      "....#.....",
      "....#.....",
      "....#.....",
      "..........",
    ];
    const map = mapOf(rows);
    const from = feetAt(1, 2);
    const path = findPath(map, from, feetAt(8, 2))!;
    expect(path).not.toBeNull();
    expectWalkableSegments(map, [from, ...path]);
    // Over the wall's top or under its bottom: the route passes row 0 or row 4 at column 4.
    const cells = path.map((p) => tileOf(map, { x: p.x, y: p.y - 5 }));
    expect(cells.some((c) => c.tx === 4 || c.ty === 0 || c.ty === 4)).toBe(true);
    expect(path.length).toBeLessThanOrEqual(4);
    expectWalks(map, from, path);
  });

  test("never cuts a blocked corner", () => {
    // Diagonal from (0,0) to (1,1) would squeeze past the furniture at (0,1).
    const map = mapOf(["..", "x."]);
    const path = findPath(map, feetAt(0, 0), feetAt(1, 1))!;
    expect(path).toEqual([feetAt(1, 0), feetAt(1, 1)]);
    expectWalks(map, feetAt(0, 0), path);
    // With both corners blocked there is no way through at all.
    expect(findPath(mapOf([".#", "#."]), feetAt(0, 0), feetAt(1, 1))).toBeNull();
  });

  test("takes diagonals where they are free", () => {
    const map = mapOf([".....", ".....", ".....", "....."]);
    expect(findPath(map, feetAt(0, 0), feetAt(3, 3))).toEqual([feetAt(3, 3)]);
    const bent = findPath(map, feetAt(0, 0), feetAt(4, 2))!;
    expect(bent).toHaveLength(2);
    expectWalkableSegments(map, [feetAt(0, 0), ...bent]);
    expectWalks(map, feetAt(0, 0), bent);
  });

  test("unreachable targets give null", () => {
    const map = mapOf([
      ".....#...",
      ".....#...",
      "######...",
    ]);
    expect(findPath(map, feetAt(0, 0), feetAt(7, 1))).toBeNull();
    expect(findPath(map, feetAt(0, 0), { x: NaN, y: 0 })).toBeNull();
  });

  test("a blocked target snaps to the nearest walkable tile on the walker's side", () => {
    const map = mapOf([
      "...#...",
      "...#...",
      "...#...",
    ]);
    // Clicking the middle of the wall means "go to the wall" from whichever side you are on.
    const wall = { x: 3 * 32 + 16, y: 1 * 32 + 16 };
    expect(findPath(map, feetAt(0, 1), wall)!.at(-1)).toEqual(feetAt(2, 1));
    expect(findPath(map, feetAt(6, 1), wall)!.at(-1)).toEqual(feetAt(4, 1));
    const desk = mapOf([".....", ".xxx.", "....."]);
    const toDesk = findPath(desk, feetAt(0, 0), { x: 2 * 32 + 16, y: 32 + 10 })!;
    expect(toDesk.at(-1)).toEqual(feetAt(2, 0));
  });

  test("a target deep inside a blocked area, or outside the map, beyond the snap radius gives null", () => {
    const map = mapOf([".".repeat(12), ".xxxxxxxxxx.", ".xxxxxxxxxx.", ".xxxxxxxxxx.", ".xxxxxxxxxx.", ".xxxxxxxxxx.", ".xxxxxxxxxx.", ".xxxxxxxxxx.", "."]);
    expect(findPath(map, feetAt(0, 0), feetAt(5, 4))).toBeNull();
    expect(findPath(map, feetAt(0, 0), feetAt(5, 4), { snapRadius: 4 })).not.toBeNull();
    expect(findPath(map, feetAt(0, 0), { x: -500, y: -500 })).toBeNull();
    expect(findPath(map, feetAt(0, 0), { x: -20, y: 16 })!.at(-1)).toEqual(feetAt(0, 0));
  });

  test("the node budget bounds work on a huge map", () => {
    // 200x200 with the goal sealed in a corner: A* must exhaust everything reachable to prove it unreachable.
    const rows = Array.from({ length: 200 }, (_, y) => (y === 197 ? ".".repeat(197) + "###" : ".".repeat(197) + "#..")); 
    const map = mapOf(rows);
    const goal = feetAt(199, 199);
    expect(findPath(map, feetAt(0, 0), goal, { maxNodes: 500 })).toBeNull();
    const t0 = performance.now();
    expect(findPath(map, feetAt(0, 0), goal)).toBeNull();
    expect(performance.now() - t0).toBeLessThan(1000);
    // The budget is what stops it: a reachable far goal needs more than 500 expansions around an obstacle.
    const wall = mapOf(Array.from({ length: 60 }, (_, y) => (y < 59 ? ".".repeat(30) + "#" + ".".repeat(29) : ".".repeat(60))));
    expect(findPath(wall, feetAt(0, 0), feetAt(59, 0), { maxNodes: 500 })).toBeNull();
    expect(findPath(wall, feetAt(0, 0), feetAt(59, 0))).not.toBeNull();
  });

  test("is deterministic and reuses its buffers across calls and maps", () => {
    const a = mapOf(["......", "..##..", "......"]);
    const b = mapOf(["...", "...", "..."]);
    const first = findPath(a, feetAt(0, 1), feetAt(5, 1));
    for (let i = 0; i < 5; i++) {
      expect(findPath(b, feetAt(0, 0), feetAt(2, 2))).toEqual([feetAt(2, 2)]);
      expect(findPath(a, feetAt(0, 1), feetAt(5, 1))).toEqual(first);
    }
  });

  test("a walker standing between tiles starts from the tile it mostly stands on", () => {
    const map = mapOf(["....", "....", "x..."]);
    const from = { x: 48, y: 40 }; // feet across the boundary of tiles (1,0)/(2,0) and (1,1)
    const path = findPath(map, from, feetAt(0, 2))!;
    expectWalks(map, from, path);
  });

  test("random maps: every path found walks without sticking, and null means truly unreachable", () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    let found = 0;
    for (let trial = 0; trial < 150; trial++) {
      const w = 8 + Math.floor(rand() * 14);
      const h = 6 + Math.floor(rand() * 10);
      const rows = Array.from({ length: h }, () => Array.from({ length: w }, () => (rand() < 0.28 ? (rand() < 0.5 ? "#" : "x") : ".")).join(""));
      const free: [number, number][] = [];
      rows.forEach((r, y) => [...r].forEach((c, x) => c === "." && free.push([x, y])));
      if (free.length < 2) continue;
      const map = mapOf(rows, { spawns: [feetAt(...free[0])] });
      const [sx, sy] = free[Math.floor(rand() * free.length)];
      const [gx, gy] = free[Math.floor(rand() * free.length)];
      // Start anywhere the feet fit with the foot box mostly on tile (sx, sy), often straddling tiles.
      let from = feetAt(sx, sy);
      for (let k = 0; k < 5; k++) {
        const p = { x: sx * 32 + Math.floor(rand() * 32), y: sy * 32 + 5 + Math.floor(rand() * 32) };
        if (!footBlocked(map, p.x, p.y)) {
          from = p;
          break;
        }
      }
      // Any pixel whose foot box is mostly on tile (gx, gy): its middle (y - 5) lies in that tile.
      const target = { x: gx * 32 + Math.floor(rand() * 32), y: gy * 32 + 5 + Math.floor(rand() * 32) };
      const path = findPath(map, from, target);
      expect(path !== null).toBe(reachable(map, sx, sy, gx, gy));
      if (!path) continue;
      found++;
      expectWalkableSegments(map, [from, ...path]);
      const walk = walkPath(map, from, path, walkBudget(from, path));
      expect(walk.stuckTicks).toBe(0);
      expect(walk.steps).toBeGreaterThanOrEqual(0);
      const end = path[path.length - 1];
      expect(tileOf(map, { x: end.x, y: end.y - 5 })).toEqual({ tx: gx, ty: gy });
      expect(Math.abs(walk.body.x - end.x)).toBeLessThanOrEqual(4);
      expect(Math.abs(walk.body.y - end.y)).toBeLessThanOrEqual(4);
    }
    expect(found).toBeGreaterThan(60);
  });
});

/** Reference flood fill with the same movement rule (8 neighbours, no corner cutting). */
function reachable(map: OfficeMap, sx: number, sy: number, gx: number, gy: number): boolean {
  const seen = new Set<number>([sy * map.width + sx]);
  const queue: [number, number][] = [[sx, sy]];
  while (queue.length) {
    const [x, y] = queue.shift()!;
    if (x === gx && y === gy) return true;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx;
        const ny = y + dy;
        if (isBlocked(map, nx, ny) || seen.has(ny * map.width + nx)) continue;
        if (dx && dy && (isBlocked(map, nx, y) || isBlocked(map, x, ny))) continue;
        seen.add(ny * map.width + nx);
        queue.push([nx, ny]);
      }
    }
  }
  return false;
}
