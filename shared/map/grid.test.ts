import { isBlocked, isWall, tileCentre, tileFeet, tileOf } from "./grid";
import { parseMap } from "./parseMap";
import { buildTestMap } from "./testMap";

const map = parseMap(buildTestMap({ width: 4, height: 3, rows: ["#...", "..x.", "...."] }));

test("isBlocked: walls and furniture block, floor does not, outside the map is blocked", () => {
  expect(isBlocked(map, 0, 0)).toBe(true);
  expect(isBlocked(map, 2, 1)).toBe(true);
  expect(isBlocked(map, 1, 0)).toBe(false);
  for (const [x, y] of [[-1, 0], [0, -1], [4, 0], [0, 3], [1.5, 0]]) expect(isBlocked(map, x, y)).toBe(true);
});

test("isWall: only wall tiles (not furniture), outside counts as wall", () => {
  expect(isWall(map, 0, 0)).toBe(true);
  expect(isWall(map, 2, 1)).toBe(false);
  expect(isWall(map, 1, 0)).toBe(false);
  expect(isWall(map, 4, 2)).toBe(true);
});

test("tileOf maps pixels to tiles on one axis or both, unclamped", () => {
  expect(tileOf(map, 0)).toBe(0);
  expect(tileOf(map, 31.9)).toBe(0);
  expect(tileOf(map, 32)).toBe(1);
  expect(tileOf(map, -1)).toBe(-1);
  expect(tileOf(map, { x: 70, y: 33 })).toEqual({ tx: 2, ty: 1 });
});

test("tileCentre and tileFeet", () => {
  expect(tileCentre(map, 2, 1)).toEqual({ x: 80, y: 48 });
  expect(tileFeet(map, 2, 1)).toEqual({ x: 80, y: 56 });
});
